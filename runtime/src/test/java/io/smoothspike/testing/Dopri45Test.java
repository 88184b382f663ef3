package io.smoothspike.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Dopri45Test {

    private static final Dopri45.Ode DECAY = (t, y, d) -> d[0] = -y[0];

    /** x' = v, v' = -x; with x(0) = 0, v(0) = 1 the solution is x = sin t, v = cos t. */
    private static final Dopri45.Ode OSCILLATOR = (t, y, d) -> {
        d[0] = y[1];
        d[1] = -y[0];
    };

    @Test
    void exponentialDecayMatchesClosedForm() {
        Dopri45 solver = new Dopri45(1e-12, 1e-300);
        for (double t1 : new double[] {0.3, 1.0, 5.0, 10.0}) {
            Dopri45.Result r = solver.integrate(DECAY, 0.0, new double[] {1.0}, t1, null);
            double exact = Math.exp(-t1);
            assertEquals(t1, r.t, 0.0);
            assertFalse(r.eventHit);
            assertTrue(Math.abs(r.y[0] - exact) < 1e-10 * exact,
                    "t1=" + t1 + " y=" + r.y[0] + " exact=" + exact);
            assertTrue(r.steps > 0);
        }
    }

    @Test
    void doesNotModifyInitialState() {
        double[] y0 = {1.0};
        new Dopri45(1e-8, 1e-10).integrate(DECAY, 0.0, y0, 2.0, null);
        assertArrayEquals(new double[] {1.0}, y0, 0.0);
    }

    @Test
    void harmonicOscillatorAfterTenPeriods() {
        double t1 = 20 * Math.PI;
        Dopri45.Result r = new Dopri45(1e-12, 1e-12)
                .integrate(OSCILLATOR, 0.0, new double[] {0.0, 1.0}, t1, null);
        assertEquals(t1, r.t, 0.0);
        assertEquals(Math.sin(t1), r.y[0], 1e-9);
        assertEquals(Math.cos(t1), r.y[1], 1e-9);
        assertEquals(1.0, r.y[0] * r.y[0] + r.y[1] * r.y[1], 1e-9);
    }

    @Test
    void tighterToleranceGivesSmallerError() {
        double t1 = 10.0;
        double errLoose = Math.abs(new Dopri45(1e-6, 1e-9)
                .integrate(OSCILLATOR, 0.0, new double[] {0.0, 1.0}, t1, null).y[0] - Math.sin(t1));
        double errTight = Math.abs(new Dopri45(1e-11, 1e-14)
                .integrate(OSCILLATOR, 0.0, new double[] {0.0, 1.0}, t1, null).y[0] - Math.sin(t1));
        assertTrue(errTight < errLoose * 1e-3, "loose=" + errLoose + " tight=" + errTight);
    }

    @Test
    void linearEventLocatedExactly() {
        Dopri45.Result r = new Dopri45(1e-10, 1e-12)
                .integrate((t, y, d) -> d[0] = 1.0, 0.0, new double[] {0.0}, 5.0, (t, y) -> y[0] - 0.7);
        assertTrue(r.eventHit);
        assertEquals(0.7, r.t, 1e-12);
        assertEquals(0.7, r.y[0], 1e-12);
        assertTrue(r.y[0] - 0.7 >= 0, "returned point must satisfy g >= 0");
    }

    @Test
    void oscillatorFirstUpwardZeroCrossingStartingAtZeroIsTwoPi() {
        // sin starts at exactly 0 (excluded), crosses downward at pi (ignored), upward at 2*pi.
        Dopri45.Result r = new Dopri45(1e-12, 1e-12)
                .integrate(OSCILLATOR, 0.0, new double[] {0.0, 1.0}, 10.0, (t, y) -> y[0]);
        assertTrue(r.eventHit);
        assertEquals(2 * Math.PI, r.t, 1e-10);
        assertEquals(0.0, r.y[0], 1e-10);
        assertEquals(1.0, r.y[1], 1e-10);
    }

    @Test
    void eventInsideLargeStepUsesDenseOutput() {
        // Loose tolerance -> large steps; the crossing y = 0.5 at t = ln 2 lies inside a step.
        Dopri45.Result r = new Dopri45(1e-9, 1e-12)
                .integrate(DECAY, 0.0, new double[] {1.0}, 3.0, (t, y) -> 0.5 - y[0]);
        assertTrue(r.eventHit);
        assertEquals(Math.log(2.0), r.t, 1e-8);
        assertEquals(0.5, r.y[0], 1e-9);
    }

    @Test
    void eventDependingOnTimeOnly() {
        // Trivial ODE (zero error -> steps grow fast); g = 0.01 - (t - 0.5)^2 is negative at 0, crosses upward at 0.4.
        Dopri45.Result r = new Dopri45(1e-8, 1e-8)
                .integrate((t, y, d) -> d[0] = 0.0, 0.0, new double[] {3.0}, 2.0,
                        (t, y) -> 0.01 - (t - 0.5) * (t - 0.5));
        assertTrue(r.eventHit);
        assertEquals(0.4, r.t, 1e-13);
        assertEquals(3.0, r.y[0], 0.0);
    }

    @Test
    void eventPositiveAtStartDoesNotFireUntilNextUpwardCrossing() {
        // x = sin t from t0 = 0.5 (x > 0): first upward crossing is at 2*pi.
        double[] y0 = {Math.sin(0.5), Math.cos(0.5)};
        Dopri45.Result r = new Dopri45(1e-12, 1e-12).integrate(OSCILLATOR, 0.5, y0, 10.0, (t, y) -> y[0]);
        assertTrue(r.eventHit);
        assertEquals(2 * Math.PI, r.t, 1e-10);
    }

    @Test
    void noCrossingReachesEndExactly() {
        double t1 = 0.1 + 0.2; // not a "nice" double
        Dopri45.Result r = new Dopri45(1e-10, 1e-12)
                .integrate(DECAY, 0.0, new double[] {1.0}, t1, (t, y) -> y[0] - 2.0);
        assertFalse(r.eventHit);
        assertEquals(t1, r.t, 0.0);
        assertEquals(Math.exp(-t1), r.y[0], 1e-10);
    }

    @Test
    void finalTimeHitExactlyWithNonZeroStart() {
        double t0 = 1.0 / 3.0;
        double t1 = 7.0 / 3.0 + 1e-9;
        Dopri45.Result r = new Dopri45(1e-11, 1e-13).withMaxStepSize(0.37)
                .integrate(OSCILLATOR, t0, new double[] {Math.sin(t0), Math.cos(t0)}, t1, null);
        assertEquals(t1, r.t, 0.0);
        assertEquals(Math.sin(t1), r.y[0], 1e-10);
        assertEquals(Math.cos(t1), r.y[1], 1e-10);
        assertTrue(r.steps >= (int) Math.ceil((t1 - t0) / 0.37));
    }

    @Test
    void zeroLengthIntervalReturnsInitialState() {
        Dopri45.Result r = new Dopri45(1e-8, 1e-8).integrate(DECAY, 2.0, new double[] {4.0}, 2.0, null);
        assertEquals(2.0, r.t, 0.0);
        assertArrayEquals(new double[] {4.0}, r.y, 0.0);
        assertEquals(0, r.steps);
    }

    @Test
    void exceedingMaxStepsThrows() {
        Dopri45 solver = new Dopri45(1e-12, 1e-12, 10);
        IllegalStateException ex = assertThrows(IllegalStateException.class,
                () -> solver.integrate(OSCILLATOR, 0.0, new double[] {0.0, 1.0}, 100.0, null));
        assertTrue(ex.getMessage().contains("maxSteps"), ex.getMessage());
        assertEquals(Dopri45.DEFAULT_MAX_STEPS, new Dopri45(1e-6, 1e-6).maxSteps());
    }

    @Test
    void rejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> new Dopri45(0.0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new Dopri45(-1e-6, 1e-6));
        assertThrows(IllegalArgumentException.class,
                () -> new Dopri45(1e-6, 1e-6).integrate(DECAY, 1.0, new double[] {1.0}, 0.0, null));
    }
}
