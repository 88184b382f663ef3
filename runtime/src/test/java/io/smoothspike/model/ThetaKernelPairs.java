package io.smoothspike.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

/** Inputs and assertions for the theta kernel tests that run two kernels side by side and expect equal bits. */
final class ThetaKernelPairs {

    private ThetaKernelPairs() {
    }

    /** {@code rows} dense weight rows of {@code size}: mostly small weights, some large enough to make neurons fire. */
    static double[] weightRows(SplittableRandom rnd, int rows, int size) {
        double[] w = new double[rows * size];
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextDouble() < 0.1 ? rnd.nextDouble(-4, 4) : rnd.nextDouble(-0.3, 0.3);
        }
        return w;
    }

    /**
     * Fires both kernels, spike by spike, until neither spikes before {@code until}; each spike must come at bitwise
     * the same time from the same neuron. Calls {@code onSpike} with each spike time; returns the number of spikes.
     */
    static int fireTogether(PopulationKernel expected, PopulationKernel actual, double until, String what,
            DoubleConsumer onSpike) {
        int spikes = 0;
        while (true) {
            double te = expected.nextSpikeTimeUpTo(until);
            double ta = actual.nextSpikeTimeUpTo(until);
            assertEquals(te, ta, 0.0, what + ": next spike time before " + until);
            if (!(te < until)) {
                return spikes;
            }
            assertEquals(expected.nextSpiker(), actual.nextSpiker(), what + ": spiker at " + te);
            expected.fire(expected.nextSpiker(), te);
            actual.fire(actual.nextSpiker(), ta);
            onSpike.accept(te);
            spikes++;
        }
    }

    /** Every neuron of {@code actual} has bitwise the phase of {@code expected} at time t. */
    static void assertSamePhases(PopulationKernel expected, PopulationKernel actual, double t, String what) {
        double[] e = new double[1];
        double[] a = new double[1];
        for (int i = 0; i < expected.size(); i++) {
            expected.stateAt(i, t, e, 0);
            actual.stateAt(i, t, a, 0);
            assertEquals(e[0], a[0], 0.0, what + ": phase of neuron " + i + " at " + t);
        }
    }
}
