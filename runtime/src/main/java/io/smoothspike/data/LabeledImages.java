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

    /** Class label of sample i. */
    int label(int i);

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

            public int label(int i) {
                return all.label(i);
            }
        };
    }
}
