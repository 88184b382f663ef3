package io.smoothspike.export;

import io.smoothspike.data.DataSource;
import io.smoothspike.data.LabeledImages;
import io.smoothspike.data.Mnist;
import io.smoothspike.network.Network;
import io.smoothspike.sim.InputSpikes;

/**
 * The trials an export simulates: the network's own inputs (explicit and Poisson groups, trials 0…n−1), labelled
 * images for its image input group, or a {@link DataSource}'s spike times for its external groups.
 */
public interface ExportSamples {

    /** Number of samples. */
    int size();

    /** Input spikes of sample i for {@code net}. */
    InputSpikes input(Network net, int i);

    /** Class label of sample i, or -1 where there is none. */
    int label(int i);

    /** What the samples are, e.g. {@code MNIST test (10000 images), first 100}. */
    String description();

    /**
     * The first {@code n} samples of {@code data} (labelled images or a {@link DataSource}) for {@code net}, or with
     * no data the network's own inputs (trials 0…n−1), or null where the network needs data and none is given.
     *
     * @throws IllegalArgumentException the data is of another kind, or the network cannot read it
     */
    static ExportSamples of(Network net, Object data, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("samples must be at least 1, got " + n);
        }
        if (data == null) {
            return net.needsData() ? null : fixed(n);
        }
        if (data instanceof LabeledImages images) {
            if (!net.hasImageInput()) {
                throw new IllegalArgumentException("network '" + net.spec().name() + "' has no image input for "
                        + "the images " + images);
            }
            return images(images, n);
        }
        if (data instanceof DataSource source) {
            if (net.externalChannels() == 0) {
                throw new IllegalArgumentException("network '" + net.spec().name() + "' has no external input "
                        + "for the data source's spike times");
            }
            return data(source, n);
        }
        throw new IllegalArgumentException("the data must be labelled images (such as MNIST) or a DataSource, got "
                + data.getClass().getSimpleName());
    }

    /** Trials 0…n−1 of the network's own inputs (unlabelled). */
    static ExportSamples fixed(int n) {
        return new ExportSamples() {
            public int size() {
                return n;
            }

            public InputSpikes input(Network net, int i) {
                return net.input(i);
            }

            public int label(int i) {
                return -1;
            }

            public String description() {
                return "the network's own inputs, " + (n == 1 ? "trial 0" : "trials 0 to " + (n - 1));
            }
        };
    }

    /** The first {@code n} (at most) of labelled images. */
    static ExportSamples images(LabeledImages images, int n) {
        int size = Math.min(n, images.size());
        return new ExportSamples() {
            public int size() {
                return size;
            }

            public InputSpikes input(Network net, int i) {
                return net.input(i, images.pixels(i));
            }

            public int label(int i) {
                return images.label(i);
            }

            public String description() {
                return (images instanceof Mnist ? images.toString() : images.size() + " labelled images")
                        + ", first " + size;
            }
        };
    }

    /** The first {@code n} (at most) trials of a data source. */
    static ExportSamples data(DataSource source, int n) {
        int size = Math.min(n, source.size());
        return new ExportSamples() {
            public int size() {
                return size;
            }

            public InputSpikes input(Network net, int i) {
                return net.input(i, source.inputTimes(i));
            }

            public int label(int i) {
                return source.label(i);
            }

            public String description() {
                return "a data source of " + source.size() + " trials, first " + size;
            }
        };
    }
}
