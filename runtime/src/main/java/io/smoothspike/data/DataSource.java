package io.smoothspike.data;

import java.util.SplittableRandom;

/**
 * A data set of trials for training: per trial, the input spike times of each channel and a target: a class label
 * ({@link #label}) or, for timing tasks, one target spike time per read-out neuron ({@link #targetTimes}; then
 * {@link #hasTargetTimes} is true). Channel c feeds the c-th channel of the network's {@code external} input groups, in the order the groups are
 * declared. Training reads trials from several threads at once, so a source must not change while it is read.
 *
 * <p>{@link #of} holds trials in memory; {@link #augmented} varies the training trials from step to step.
 */
public interface DataSource {

    /** Number of trials. */
    int size();

    /**
     * Input spike times of trial i, channel by channel ({@code times[c]}: any number of spikes, in any order, each
     * finite and ≥ 0). The caller does not modify the arrays.
     */
    double[][] inputTimes(int i);

    /**
     * Input spike times of trial i as training shows it in one step, with that trial's own random stream (derived
     * from the seed, the step and the trial's position in the batch): the same as {@link #inputTimes(int)} unless
     * the source is {@link #augmented}.
     */
    default double[][] inputTimes(int i, SplittableRandom random) {
        return inputTimes(i);
    }

    /** Class label of trial i (≥ 0); a source of target times answers -1. */
    int label(int i);

    /** Whether trials carry target spike times ({@link #targetTimes}) rather than class labels. */
    default boolean hasTargetTimes() {
        return false;
    }

    /**
     * Target spike times of trial i, one per read-out neuron, each finite and ≥ 0; {@code null} when the source holds
     * class labels. The caller does not modify the array.
     */
    default double[] targetTimes(int i) {
        return null;
    }

    /** The first {@code n} trials (n ≤ size()) as a view. */
    default DataSource first(int n) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException("cannot take " + n + " trials of a data source of " + size());
        }
        DataSource all = this;
        return new DataSource() {
            public int size() {
                return n;
            }

            public double[][] inputTimes(int i) {
                return all.inputTimes(i);
            }

            public double[][] inputTimes(int i, SplittableRandom random) {
                return all.inputTimes(i, random);
            }

            public int label(int i) {
                return all.label(i);
            }

            public boolean hasTargetTimes() {
                return all.hasTargetTimes();
            }

            public double[] targetTimes(int i) {
                return all.targetTimes(i);
            }
        };
    }

    /**
     * This source with {@code augmentation} applied to every trial training draws from it (a new variation in every
     * step); {@link #inputTimes(int)}, which held-out evaluation reads, stays as it is.
     */
    default DataSource augmented(SpikeAugmentation augmentation) {
        if (augmentation == null) {
            throw new IllegalArgumentException("augmented: give an augmentation");
        }
        DataSource base = this;
        return new DataSource() {
            public int size() {
                return base.size();
            }

            public double[][] inputTimes(int i) {
                return base.inputTimes(i);
            }

            public double[][] inputTimes(int i, SplittableRandom random) {
                return augmentation.apply(base.inputTimes(i, random), random);
            }

            public int label(int i) {
                return base.label(i);
            }

            public boolean hasTargetTimes() {
                return base.hasTargetTimes();
            }

            public double[] targetTimes(int i) {
                return base.targetTimes(i);
            }
        };
    }

    /**
     * Trials held in memory: {@code inputTimes[i][c]} are the spike times of channel c in trial i, {@code labels[i]}
     * its class. The arrays are copied and checked (equal lengths, labels ≥ 0, times finite and ≥ 0).
     */
    static DataSource of(double[][][] inputTimes, int[] labels) {
        return new InMemorySource(inputTimes, labels, null);
    }

    /**
     * Trials of a timing task held in memory: {@code inputTimes[i][c]} as in {@link #of(double[][][], int[])},
     * {@code targetTimes[i][k]} the time at which read-out neuron k should fire in trial i. The arrays are copied and
     * checked (one target row per trial, all rows of one length, times finite and ≥ 0).
     */
    static DataSource ofTargetTimes(double[][][] inputTimes, double[][] targetTimes) {
        return new InMemorySource(inputTimes, null, targetTimes);
    }
}
