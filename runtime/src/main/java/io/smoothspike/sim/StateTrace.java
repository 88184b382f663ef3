package io.smoothspike.sim;

import java.util.Arrays;

/**
 * Network states sampled on a time grid during a trial, for plots. For every grid time g (within [0, T]) and every
 * neuron: the membrane potential V (reconstructed from the phase for phase models; ±Double.MAX_VALUE at the
 * infinite spike and reset points of QIF-type models) and the state in model coordinates. A sample at g reflects all
 * events with time ≤ g.
 */
public final class StateTrace {

    private final double[] grid;
    private final double[][] voltage;
    private final double[][][] state;

    StateTrace(double[] grid, int[] populationSizes, int[] stateSizes) {
        this.grid = grid.clone();
        int n = Arrays.stream(populationSizes).sum();
        this.voltage = new double[n][grid.length];
        this.state = new double[n][][];
        int neuron = 0;
        for (int p = 0; p < populationSizes.length; p++) {
            for (int i = 0; i < populationSizes[p]; i++) {
                state[neuron++] = new double[stateSizes[p]][grid.length];
            }
        }
    }

    /** An evenly spaced grid of {@code points ≥ 2} times from 0 to T inclusive. */
    public static double[] grid(double duration, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("a trace grid needs at least 2 points, got " + points);
        }
        double[] g = new double[points];
        for (int k = 0; k < points; k++) {
            g[k] = duration * k / (points - 1);
        }
        return g;
    }

    void set(int neuron, int gridIndex, double v, double[] modelState, int off) {
        voltage[neuron][gridIndex] = v;
        double[][] s = state[neuron];
        for (int c = 0; c < s.length; c++) {
            s[c][gridIndex] = modelState[off + c];
        }
    }

    double[] gridView() {
        return grid;
    }

    /** The sample times. */
    public double[] grid() {
        return grid.clone();
    }

    /** Membrane potential of global neuron n at each grid time. */
    public double[] voltage(int n) {
        return voltage[n].clone();
    }

    /** Model coordinate c of global neuron n at each grid time. */
    public double[] state(int n, int c) {
        return state[n][c].clone();
    }
}
