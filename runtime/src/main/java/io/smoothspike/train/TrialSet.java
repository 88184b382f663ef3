package io.smoothspike.train;

import io.smoothspike.data.DataSource;
import io.smoothspike.data.LabeledImages;
import io.smoothspike.network.Network;
import io.smoothspike.sim.InputSpikes;

/**
 * The trials of one data set as the trainer reads them: labelled images, which the network's image input group
 * encodes, or a {@link DataSource}'s spike times, which feed its external input groups; a data source's trials carry
 * class labels or target spike times.
 */
public sealed interface TrialSet {

    /** Number of trials. */
    int size();

    /** Class label of trial i (-1 for trials with target times). */
    int label(int i);

    /** Whether the trials carry target spike times ({@link #targetTimes}) rather than class labels. */
    boolean hasTargetTimes();

    /** Target spike times of trial i, one per read-out neuron, or null for labelled trials. */
    double[] targetTimes(int i);

    /** The first {@code n} trials (n ≤ size()). */
    TrialSet first(int n);

    /** The reason {@code net} cannot read these trials (non-empty), or null if it can. */
    String misfit(Network net);

    /**
     * A reader of trials for one thread: it may keep buffers from trial to trial. Training trials are varied by the
     * augmentation (images: {@code augmentation}, may be null; data sources: their own) with their random stream
     * {@link Augmentation#random Augmentation.random(seed, step, position)}.
     */
    Reader reader(Network net, Augmentation augmentation, long seed);

    /** Reads trials on one thread. */
    interface Reader {

        /** Input spikes of sample {@code i} shown as trial {@code k} at {@code position} in the batch of step. */
        InputSpikes input(int i, int k, long step, int position);
    }

    /** Labelled images, encoded by the network's image input group. */
    record Images(LabeledImages images) implements TrialSet {

        public int size() {
            return images.size();
        }

        public int label(int i) {
            return images.label(i);
        }

        public boolean hasTargetTimes() {
            return false;
        }

        public double[] targetTimes(int i) {
            return null;
        }

        public TrialSet first(int n) {
            return new Images(images.first(n));
        }

        public String misfit(Network net) {
            return net.hasImageInput() ? null : "the network has no image input for the image set";
        }

        public Reader reader(Network net, Augmentation augmentation, long seed) {
            return new Reader() {
                private double[] pixels; // the encoding keeps no reference to it

                public InputSpikes input(int i, int k, long step, int position) {
                    pixels = pixels == null ? images.pixels(i) : images.pixels(i, pixels);
                    if (augmentation != null) {
                        augmentation.apply(pixels, Augmentation.random(seed, step, position));
                    }
                    return net.input(k, pixels);
                }
            };
        }
    }

    /**
     * A data source's spike times, fed to the network's external input groups; {@code training}: read as training
     * shows them ({@link DataSource#inputTimes(int, java.util.SplittableRandom)}, augmented if the source is), else
     * as held out ({@link DataSource#inputTimes(int)}).
     */
    record Spikes(DataSource source, boolean training) implements TrialSet {

        public int size() {
            return source.size();
        }

        public int label(int i) {
            return source.label(i);
        }

        public boolean hasTargetTimes() {
            return source.hasTargetTimes();
        }

        public double[] targetTimes(int i) {
            return source.targetTimes(i);
        }

        public TrialSet first(int n) {
            return new Spikes(source.first(n), training);
        }

        public String misfit(Network net) {
            if (net.hasImageInput()) {
                return "the network encodes images, the data source gives spike times: declare its input as "
                        + "external";
            }
            int channels = net.externalChannels();
            if (channels == 0) {
                return "the network has no external input for the data source: declare an input group with "
                        + "external: true";
            }
            int given = source.inputTimes(0).length;
            return given == channels ? null : "the data source's trial 0 gives spike times for " + given + " channel"
                    + (given == 1 ? "" : "s") + ", the network's external inputs have " + channels;
        }

        public Reader reader(Network net, Augmentation augmentation, long seed) {
            return (i, k, step, position) -> {
                try {
                    return net.input(k, training ? source.inputTimes(i, Augmentation.random(seed, step, position))
                            : source.inputTimes(i));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("data source trial " + i + ": " + e.getMessage(), e);
                }
            };
        }
    }
}
