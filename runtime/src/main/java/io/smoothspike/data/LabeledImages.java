package io.smoothspike.data;

/**
 * A labelled image data set: pixel intensities in [0, 255] and class labels. Training reads samples from several
 * threads at once.
 */
public interface LabeledImages {

    /** Number of samples. */
    int size();

    /** Pixels of sample i (a new array). */
    double[] pixels(int i);

    /**
     * Pixels of sample i written into {@code out} (at least as long as an image), which is returned: lets a caller
     * reuse one buffer for many samples. By default a copy of {@link #pixels(int)}.
     */
    default double[] pixels(int i, double[] out) {
        double[] p = pixels(i);
        if (out.length < p.length) {
            throw new IllegalArgumentException("pixel buffer needs at least " + p.length + " entries, has "
                    + out.length);
        }
        System.arraycopy(p, 0, out, 0, p.length);
        return out;
    }

    /** Class label of sample i. */
    int label(int i);

    /** Values per image: the size of the image input group that reads them. By default that of sample 0. */
    default int pixelCount() {
        return size() == 0 ? 0 : pixels(0).length;
    }

    /** Number of classes, 1 + the largest label: the size of the read-out. By default found from all labels. */
    default int classes() {
        int max = -1;
        for (int i = 0; i < size(); i++) {
            max = Math.max(max, label(i));
        }
        return max + 1;
    }

    /** The first {@code n} samples (n ≤ size()) as a view. */
    default LabeledImages first(int n) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException("cannot take " + n + " samples of a data set of " + size());
        }
        LabeledImages all = this;
        return new LabeledImages() {
            public int size() {
                return n;
            }

            public double[] pixels(int i) {
                return all.pixels(i);
            }

            public double[] pixels(int i, double[] out) {
                return all.pixels(i, out);
            }

            public int label(int i) {
                return all.label(i);
            }
        };
    }
}
