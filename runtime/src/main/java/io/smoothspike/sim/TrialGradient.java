package io.smoothspike.sim;

import io.smoothspike.graph.Population;
import io.smoothspike.graph.SimulationGraph;
import java.util.Arrays;
import java.util.List;

/**
 * Gradient of a scalar loss, laid out like the quantities it refers to: one array per projection (like
 * {@link io.smoothspike.graph.Projection#weights()}), per population for the initial states (model coordinates,
 * neuron-major) and the model constants (in the order of {@code constantNames()}), and one entry per input spike of
 * the trial (in {@link InputSpikes} order; spikes after T get 0).
 */
public final class TrialGradient {

    private final double[][] weights;
    private final double[][] initialStates;
    private final double[][] constants;
    private double[] inputTimes = new double[0];

    /** A zero gradient for {@code graph}. */
    public TrialGradient(SimulationGraph graph) {
        weights = graph.projections().stream().map(p -> new double[p.synapseCount()]).toArray(double[][]::new);
        List<Population> pops = graph.populations();
        initialStates = pops.stream().map(p -> new double[p.initialState().length]).toArray(double[][]::new);
        constants = pops.stream().map(p -> new double[p.model().constantNames().length]).toArray(double[][]::new);
    }

    /** dL/d(weights of projection j). */
    public double[] weights(int projection) {
        return weights[projection];
    }

    /** dL/d(initial state of population p). */
    public double[] initialState(int population) {
        return initialStates[population];
    }

    /** dL/d(model constants of population p). */
    public double[] constants(int population) {
        return constants[population];
    }

    /** dL/d(input spike times), one entry per input spike of the last accumulated trial. */
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
        for (double[] a : weights) {
            Arrays.fill(a, 0);
        }
        for (double[] a : initialStates) {
            Arrays.fill(a, 0);
        }
        for (double[] a : constants) {
            Arrays.fill(a, 0);
        }
        Arrays.fill(inputTimes, 0);
    }

    /** Adds {@code scale · other} (weights, initial states and constants; input times are per trial). */
    public void add(TrialGradient other, double scale) {
        addAll(weights, other.weights, scale);
        addAll(initialStates, other.initialStates, scale);
        addAll(constants, other.constants, scale);
    }

    private static void addAll(double[][] into, double[][] from, double scale) {
        for (int j = 0; j < into.length; j++) {
            double[] a = into[j];
            double[] b = from[j];
            for (int k = 0; k < a.length; k++) {
                a[k] += scale * b[k];
            }
        }
    }
}
