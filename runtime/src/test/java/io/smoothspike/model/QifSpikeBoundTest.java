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
    void positiveCurrentBoundStaysBelowTheAngleOverC() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int k = 0; k < CASES; k++) {
            // every direction of the unit vector (p, q) with q ≥ 0, the ends and the spike point included
            double psi = k % 101 == 0 ? Math.PI / 2 : k % 103 == 0 ? -Math.PI / 2 + 1e-9
                    : rnd.nextDouble(-Math.PI / 2, Math.PI / 2);
            double p = Math.sin(psi);
            double q = Math.cos(psi);
            double current = Math.pow(10, rnd.nextDouble(-8, 8));
            double c = Math.sqrt(current);
            double exact = Math.atan2(c * q, p) / c;
            double r = Math.sqrt(p * p + current * q * q);
            double bound = Qif.Kernel.positiveCurrentBound(q, r, p >= 0 ? r + p : current * q * q / (r - p));
            String state = "p " + p + ", q " + q + ", I " + current;
            // mathematically below; in floating point within rounding, which the kernel's margin covers
            assertTrue(bound * (1 - 1e-13) <= exact, () -> state + ": exact " + exact + " < bound " + bound);
            // at least 95 % of the exact value, so it rarely needs replacing
            assertTrue(bound >= 0.95 * exact, () -> state + ": exact " + exact + ", bound " + bound);
        }
        assertTrue(Double.isNaN(Qif.Kernel.positiveCurrentBound(0, 1, 0)), "the reset point has no bound here");
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

    @Test
    void rowBoundsEqualTheBoundsOneByOne() {
        SplittableRandom rnd = new SplittableRandom(13);
        int n = 4000;
        Qif.Kernel kernel = (Qif.Kernel) new Qif(0.7).newKernel(n);
        double[] init = new double[2 * n];
        for (int i = 0; i < n; i++) {
            // V of either sign, 0, at and near the reset point; I of either sign, 0, weak and strong
            init[2 * i] = i % 97 == 0 ? 0 : i % 89 == 0 ? -Math.PI / 2 : rnd.nextDouble(-Math.PI / 2, Math.PI / 2);
            init[2 * i + 1] = i % 83 == 0 ? 0
                    : Math.signum(rnd.nextDouble(-1, 3)) * Math.pow(10, rnd.nextDouble(-6, 3));
        }
        kernel.initialize(init);
        int[] targets = rnd.ints(0, n).distinct().limit(n / 2).toArray();
        double[] rows = new double[n];
        kernel.timeToSpikeLowerBounds(targets, 5, targets.length - 5, rows);
        for (int k = 0; k < targets.length - 5; k++) {
            int i = targets[5 + k];
            String state = "neuron " + i + ": psi " + init[2 * i] + ", I " + init[2 * i + 1];
            assertEquals(Double.doubleToRawLongBits(kernel.timeToSpikeLowerBound(i)),
                    Double.doubleToRawLongBits(rows[k]), state);
        }
    }
}
