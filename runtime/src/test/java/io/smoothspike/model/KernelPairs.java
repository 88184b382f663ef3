package io.smoothspike.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

/** Steps two kernels that must agree bit for bit, as the tests of the kernels' fast paths drive them. */
final class KernelPairs {

    private KernelPairs() {
    }

    /**
     * Fires, in both kernels alike, every neuron due before t (or by t, with {@code inclusive}), asserting that both
     * name the same spiker at the same time; returns how many fired.
     */
    static int fireDue(PopulationKernel a, PopulationKernel b, double t, boolean inclusive, String where) {
        int spikes = 0;
        while (inclusive ? a.nextSpikeTime() <= t : a.nextSpikeTime() < t) {
            double ts = a.nextSpikeTime();
            int who = a.nextSpiker();
            assertEquals(ts, b.nextSpikeTime(), where);
            assertEquals(who, b.nextSpiker(), where);
            a.fire(who, ts);
            b.fire(who, ts);
            spikes++;
        }
        return spikes;
    }

    /** Initial states of n neurons of {@code model}: V uniform in (−1, 0.9), I standard normal. */
    static double[] randomStates(NeuronModel model, int n, SplittableRandom rnd) {
        int d = model.stateSize();
        double[] init = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(model.stateFromVoltage(rnd.nextDouble(-1, 0.9), rnd.nextGaussian()), 0, init, i * d, d);
        }
        return init;
    }

    /** Asserts that every neuron's state at t (d model coordinates) has the same bits in both kernels. */
    static void assertSameStates(PopulationKernel expected, PopulationKernel actual, int d, double t, String where) {
        double[] x = new double[d];
        double[] y = new double[d];
        for (int i = 0; i < expected.size(); i++) {
            expected.stateAt(i, t, x, 0);
            actual.stateAt(i, t, y, 0);
            for (int c = 0; c < d; c++) {
                assertEquals(Double.doubleToRawLongBits(x[c]), Double.doubleToRawLongBits(y[c]),
                        where + ", neuron " + i + ", coordinate " + c);
            }
        }
    }
}
