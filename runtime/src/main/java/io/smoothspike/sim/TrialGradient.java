package io.smoothspike.sim;

import io.smoothspike.graph.Population;
import io.smoothspike.graph.SimulationGraph;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Gradient of a scalar loss, laid out like the quantities it refers to: one array per projection for its weights
 * (like {@link io.smoothspike.graph.Projection#weights()}) and one for its delays (like
 * {@link io.smoothspike.graph.Projection#delays()}, empty without delays), per population for the initial states
 * (model coordinates, neuron-major) and the model constants (in the order of {@code constantNames()}), and one
 * entry per input spike of the trial (in {@link InputSpikes} order; spikes after T get 0).
 */
public final class TrialGradient {

    private final double[][] weights;
    private final double[][] delays;
    private final double[][] initialStates;
    private final double[][] constants;
    /** The weight, delay, initial-state and constant arrays in this order: the flat layout of {@link #size()}. */
    private final double[][] all;
    private final int size;
    private double[] inputTimes = new double[0];

    /** A zero gradient for {@code graph}. */
    public TrialGradient(SimulationGraph graph) {
        weights = graph.projections().stream().map(p -> new double[p.synapseCount()]).toArray(double[][]::new);
        delays = graph.projections().stream().map(p -> new double[p.delays().length]).toArray(double[][]::new);
        List<Population> pops = graph.populations();
        initialStates = pops.stream().map(p -> new double[p.initialState().length]).toArray(double[][]::new);
        constants = pops.stream().map(p -> new double[p.model().constantNames().length]).toArray(double[][]::new);
        all = Stream.of(weights, delays, initialStates, constants).flatMap(Arrays::stream).toArray(double[][]::new);
        size = Arrays.stream(all).mapToInt(a -> a.length).sum();
    }

    /** Number of weight, delay, initial-state and constant entries. */
    public int size() {
        return size;
    }

    /** dL/d(weights of projection j). */
    public double[] weights(int projection) {
        return weights[projection];
    }

    /** dL/d(delays of projection j), in the layout of its delay array (empty without delays). */
    public double[] delays(int projection) {
        return delays[projection];
    }

    /** dL/d(initial state of population p). */
    public double[] initialState(int population) {
        return initialStates[population];
    }

    /** dL/d(model constants of population p). */
    public double[] constants(int population) {
        return constants[population];
    }

    /**
     * dL/d(input spike times), one entry per input spike of the last accumulated trial; empty if the simulator
     * computed no input-time gradients ({@link EventSimulator#setInputTimeGradients}).
     */
    public double[] inputTimes() {
        return inputTimes;
    }

    /** Resizes the input-time gradient for a trial with {@code n} input spikes and zeroes it. */
    void resetInputTimes(int n) {
        if (inputTimes.length != n) {
            inputTimes = new double[n];
        } else {
            Arrays.fill(inputTimes, 0);
        }
    }

    /** Sets every entry to zero. */
    public void clear() {
        for (double[] a : all) {
            Arrays.fill(a, 0);
        }
        Arrays.fill(inputTimes, 0);
    }

    /**
     * A copy of the weight, delay, initial-state and constant entries in the flat layout of
     * {@link #add(TrialGradient, double, int, int)}, e.g. to send a gradient to another machine.
     */
    public double[] toArray() {
        double[] flat = new double[size];
        int offset = 0;
        for (double[] a : all) {
            System.arraycopy(a, 0, flat, offset, a.length);
            offset += a.length;
        }
        return flat;
    }

    /** Sets the weight, delay, initial-state and constant entries from {@code flat} (layout of {@link #toArray}). */
    public void set(double[] flat) {
        if (flat.length != size) {
            throw new IllegalArgumentException("a gradient of this network has " + size + " entries, got "
                    + flat.length);
        }
        int offset = 0;
        for (double[] a : all) {
            System.arraycopy(flat, offset, a, 0, a.length);
            offset += a.length;
        }
    }

    /** Adds {@code scale · other} (weights, delays, initial states and constants; input times are per trial). */
    public void add(TrialGradient other, double scale) {
        add(other, scale, 0, size);
    }

    /**
     * Adds {@code scale · other} to the entries {@code from … to−1} of the flat layout: the weights of all projections,
     * then their delays, then the initial states of all populations, then their constants. Disjoint ranges may be
     * added on different threads.
     */
    public void add(TrialGradient other, double scale, int from, int to) {
        addRange(other, scale, from, to, false);
    }

    /** {@link #add(TrialGradient, double, int, int)}, then sets those entries of {@code other} to zero. */
    public void addAndClear(TrialGradient other, double scale, int from, int to) {
        addRange(other, scale, from, to, true);
    }

    private void addRange(TrialGradient other, double scale, int from, int to, boolean clearOther) {
        int offset = 0;
        for (int j = 0; j < all.length && offset < to; j++) {
            double[] a = all[j];
            double[] b = other.all[j];
            int start = Math.max(0, from - offset);
            int end = Math.min(a.length, to - offset);
            for (int k = start; k < end; k++) {
                a[k] += scale * b[k];
            }
            if (clearOther && start < end) {
                Arrays.fill(b, start, end, 0);
            }
            offset += a.length;
        }
    }
}
