package io.smoothspike.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The cheap lower bounds of the QIF time to spike, which let the kernel put off the exact time: a bound never exceeds
 * the exact time the kernel computes, an infinite bound only where the exact time is infinite, and the bounds are
 * tight enough to spare most exact computations.
 */
class QifSpikeBoundTest {

    private static final int CASES = 50_000;
    private static final int STATES = 20_000;

    @Test
    void atan2LowerBoundStaysBelowAtan2() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int k = 0; k < CASES; k++) {
            // one of y, x may be 0 (not both: the origin has no angle)
            double y = Math.pow(10, rnd.nextDouble(-8, 8)) * (k % 17 == 0 ? 0 : 1);
            double x = Math.pow(10, rnd.nextDouble(-8, 8)) * (rnd.nextBoolean() ? 1 : -1) * (k % 17 == 1 ? 0 : 1);
            double bound = Qif.atan2LowerBound(y, x);
            double exact = Math.atan2(y, x);
            // mathematically below; in floating point within rounding, which the kernel's margin covers
            assertTrue(bound * (1 - 1e-13) <= exact, () -> "atan2(" + y + ", " + x + ") = " + exact + " < bound "
                    + bound);
            // the bound is at least 95 % of the angle, so it rarely needs replacing
            assertTrue(bound >= 0.95 * exact, () -> "atan2(" + y + ", " + x + ") = " + exact + ", bound " + bound);
        }
    }

    @Test
    void boundNeverExceedsTheComputedTimeToSpike() {
        SplittableRandom rnd = new SplittableRandom(12);
        int finite = 0;
        int certified = 0;
        int infinite = 0;
        for (int k = 0; k < STATES; k++) {
            double tau = rnd.nextDouble(0.25, 4);
            Qif.Kernel kernel = (Qif.Kernel) new Qif(tau).newKernel(1);
            double psi = k % 50 == 0 ? -Math.PI / 2 : rnd.nextDouble(-Math.PI / 2, Math.PI / 2);
            double current = Math.signum(rnd.nextDouble(-1, 1)) * Math.pow(10, rnd.nextDouble(-6, 3));
            kernel.load(0, new double[] {psi, k % 31 == 0 ? 0 : current}, 0);
            double exact = kernel.timeToSpike(0);
            double bound = kernel.timeToSpikeLowerBound(0);
            String state = "psi " + psi + ", I " + current + ", tau " + tau;
            if (Double.isNaN(bound)) {
                assertEquals(0.0, k % 31 == 0 ? 0.0 : current, () -> "no bound for " + state);
                continue;
            }
            assertTrue(bound <= exact, () -> state + ": exact " + exact + " < bound " + bound);
            if (bound == Double.POSITIVE_INFINITY) {
                certified++;
            }
            if (exact == Double.POSITIVE_INFINITY) {
                infinite++;
            } else {
                finite++;
            }
        }
        assertTrue(finite > STATES / 10 && infinite > STATES / 10, "both outcomes drawn: " + finite + ", " + infinite);
        // most of the states that cannot spike are recognised without computing the exact time
        assertTrue(certified > 0.9 * infinite, certified + " of " + infinite + " silent states certified");
    }
}
