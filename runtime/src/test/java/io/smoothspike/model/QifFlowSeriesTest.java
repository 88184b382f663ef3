package io.smoothspike.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The series of the QIF flow against the {@code Math} functions they replace, over their whole range (both ends
 * included, log-spaced small arguments, both signs of z): within a few units in the last place.
 */
class QifFlowSeriesTest {

    private static final int POINTS = 200_000;
    /** Relative error allowed: 4 units in the last place of a value near 1. */
    private static final double RELATIVE = 4 * Math.ulp(1.0);

    @Test
    void oneMinusExpMatchesExpm1() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int k = 0; k <= POINTS; k++) {
            double x = k == POINTS ? QifFlowSeries.X_MAX
                    : k % 2 == 0 ? rnd.nextDouble(0, QifFlowSeries.X_MAX) : Math.pow(10, rnd.nextDouble(-12, -0.3));
            double exact = -Math.expm1(-x);
            assertEquals(exact, QifFlowSeries.oneMinusExp(x), RELATIVE * exact, "1 - exp(-" + x + ")");
        }
        assertEquals(0.0, QifFlowSeries.oneMinusExp(0.0));
    }

    @Test
    void cosineAndSineMatchTheCircularAndHyperbolicFunctions() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int k = 0; k <= POINTS; k++) {
            double z = k == POINTS ? QifFlowSeries.Z_MAX : k == POINTS - 1 ? -QifFlowSeries.Z_MAX
                    : k % 2 == 0 ? rnd.nextDouble(-QifFlowSeries.Z_MAX, QifFlowSeries.Z_MAX)
                    : Math.pow(10, rnd.nextDouble(-12, 0)) * (rnd.nextBoolean() ? 1 : -1);
            double a = Math.sqrt(Math.abs(z));
            double cos = z >= 0 ? Math.cos(a) : Math.cosh(a);
            double sinOverA = a == 0 ? 1 : (z >= 0 ? Math.sin(a) : Math.sinh(a)) / a;
            assertEquals(cos, QifFlowSeries.cosine(z), RELATIVE * cos, "cos sqrt(" + z + ")");
            assertEquals(sinOverA, QifFlowSeries.sineOverArgument(z), RELATIVE * sinOverA, "sin sqrt(" + z + ")");
        }
        assertEquals(1.0, QifFlowSeries.cosine(0.0));
        assertEquals(1.0, QifFlowSeries.sineOverArgument(0.0));
    }

    @Test
    void sineMinusCosineMatchesItsDefinition() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int k = 0; k <= POINTS; k++) {
            double z = k == POINTS ? QifFlowSeries.Z_MAX : k == POINTS - 1 ? -QifFlowSeries.Z_MAX
                    : rnd.nextDouble(-QifFlowSeries.Z_MAX, QifFlowSeries.Z_MAX);
            double value = QifFlowSeries.sineMinusCosine(z);
            if (Math.abs(z) >= 0.1) {
                // (sin a/a − cos a)/a², a = √|z|: loses about 2 digits to cancellation at |z| = 0.1
                double a = Math.sqrt(Math.abs(z));
                double direct = z > 0 ? (Math.sin(a) / a - Math.cos(a)) / z : (Math.sinh(a) / a - Math.cosh(a)) / z;
                assertEquals(direct, value, 1e-14 * direct, "D(" + z + ")");
            } else {
                // the first six terms of the series (the seventh is z⁶/93405312000)
                double z3 = z * z * z;
                double six = 1.0 / 3 - z / 30 + z * z / 840 - z3 / 45360 + z3 * z / 3991680 - z3 * z * z / 518918400;
                assertEquals(six, value, RELATIVE * six + 2e-11 * z3 * z3, "D(" + z + ")");
            }
        }
        assertEquals(1.0 / 3, QifFlowSeries.sineMinusCosine(0.0));
    }

    @Test
    void coversOnlyItsRange() {
        assertTrue(QifFlowSeries.covers(QifFlowSeries.X_MAX, -QifFlowSeries.Z_MAX));
        assertFalse(QifFlowSeries.covers(Math.nextUp(QifFlowSeries.X_MAX), 0));
        assertFalse(QifFlowSeries.covers(0.1, Math.nextUp(QifFlowSeries.Z_MAX)));
        assertFalse(QifFlowSeries.covers(0.1, Double.NaN));
        assertFalse(QifFlowSeries.covers(Double.NaN, 0));
    }
}
