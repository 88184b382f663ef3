package io.smoothspike.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions shared by the theta kernel tests that run two kernels side by side. */
final class ThetaKernelAssertions {

    private ThetaKernelAssertions() {
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
