package io.smoothspike.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Relative-tolerance assertions for the optimizer tests. */
final class Close {

    static final double REL = 1e-15;

    private Close() {}

    static void rel(double expected, double actual, String what) {
        if (expected == actual) {
            return;
        }
        double err = Math.abs(actual - expected) / Math.abs(expected);
        if (!(err <= REL)) {
            fail(what + ": expected " + expected + " but was " + actual + " (relative error " + err + ")");
        }
    }

    static void rel(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            rel(expected[i], actual[i], what + "[" + i + "]");
        }
    }
}
