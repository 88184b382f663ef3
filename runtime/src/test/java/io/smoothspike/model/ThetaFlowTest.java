package io.smoothspike.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.smoothspike.testing.Dopri45;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks the theta neuron's phase flow, next-spike time and input jump against an independent numerical integration of
 * {@code τ dV/dt = V(V − 1) + I0} and against the phase formulas of the notes (section 2.2) evaluated here.
 *
 * <p>The oracle integrates θ = atan V, {@code τ dθ/dt = sin²θ − sinθ cosθ + I0 cos²θ}; a spike is θ crossing +π/2.
 * Voltages are converted to phases with {@code Φ(V) = (τ/r)(atan((V − 1/2)/r) + π/2)}, written with atan2 in θ so that
 * V = ±∞ needs no special case; an input w maps θ to atan2(sinθ + w cosθ, cosθ) (V → V + w).
 */
class ThetaFlowTest {

    private static final double TOL = 1e-9;
    private static final int CASES = 2000;
    private static final double HALF_PI = Math.PI / 2;
    private static final Dopri45 ORACLE = new Dopri45(1e-13, 1e-13);

    private static double worstPhaseVsRate;
    private static double worstPhaseVsOracle;
    private static double worstSpikeVsFormula;
    private static double worstSpikeVsOracle;
    private static double worstJumpVsFormula;
    private static double worstJumpSpikeVsOracle;
    private static double worstPhaseAtSpike;
    private static long wrappedAtSpike;

    enum Branch {
        UNIFORM_PHASE,
        NEAR_SPIKE,
        SMALL_PHASE,
        AT_RESET,
        NEAR_BIFURCATION
    }

    private record Case(double tau, double drive, double phase) {
        double r() {
            return Math.sqrt(drive - 0.25);
        }

        double period() {
            return tau * Math.PI / r();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "tau=%.17g I0=%.17g phase=%.17g (period %.17g)", tau, drive, phase,
                    period());
        }
    }

    private static Case draw(Branch branch, SplittableRandom rnd) {
        double tau = rnd.nextBoolean() ? 6 / Math.PI : rnd.nextDouble(0.25, 4);
        double drive;
        if (branch == Branch.NEAR_BIFURCATION) {
            drive = 0.25 + Math.pow(10, rnd.nextDouble(-1, -0.5)); // periods up to ~10 τ
        } else {
            drive = rnd.nextInt(4) == 0 ? 1.25 : 0.25 + Math.pow(10, rnd.nextDouble(-0.5, 1.3));
        }
        double period = tau * Math.PI / Math.sqrt(drive - 0.25);
        double phase;
        switch (branch) {
            case UNIFORM_PHASE:
            case NEAR_BIFURCATION:
                phase = period * rnd.nextDouble();
                break;
            case NEAR_SPIKE:
                phase = period * (1 - Math.pow(10, -rnd.nextDouble(1, 15)));
                break;
            case SMALL_PHASE:
                phase = period * Math.pow(10, -rnd.nextDouble(1, 15));
                break;
            case AT_RESET:
                phase = 0;
                break;
            default:
                throw new AssertionError(branch);
        }
        return new Case(tau, drive, phase);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Formulas of the notes and the oracle
    // ------------------------------------------------------------------------------------------------------------

    /**
     * θ = atan V for the voltage V = Φ⁻¹(φ) = 1/2 + r tan(rφ/τ − π/2), without forming V. In the upper half of the
     * period the equivalent form V = 1/2 + r cot(r(Θ − φ)/τ) is used, so that phases just below Θ do not round past
     * the pole of tan (to V ≈ −∞).
     */
    private static double thetaOfPhase(Case c, double phase) {
        if (phase == 0) {
            return -HALF_PI;
        }
        double r = c.r();
        if (phase <= 0.5 * c.period()) {
            double a = r * phase / c.tau; // V − 1/2 = −r cos a / sin a
            return Math.atan2(0.5 * Math.sin(a) - r * Math.cos(a), Math.sin(a));
        }
        double a = r * (c.period() - phase) / c.tau; // V − 1/2 = r cos a / sin a
        return Math.atan2(0.5 * Math.sin(a) + r * Math.cos(a), Math.sin(a));
    }

    /** Φ(V) for V = tan θ, θ ∈ [−π/2, π/2]. */
    private static double phaseOfTheta(Case c, double theta) {
        if (theta == -HALF_PI) {
            return 0;
        }
        double s = Math.sin(theta);
        double co = Math.cos(theta);
        return c.tau / c.r() * (Math.atan2(s - 0.5 * co, c.r() * co) + HALF_PI);
    }

    /** H(φ, w) = Φ(Φ⁻¹(φ) + w), computed as in the notes via V and atan (V from the form that avoids the pole). */
    private static double jumpFormula(Case c, double phase, double w) {
        double r = c.r();
        if (phase == 0) {
            return 0; // V = −∞ stays −∞
        }
        double v = phase <= 0.5 * c.period() ? 0.5 + r * Math.tan(r * phase / c.tau - HALF_PI)
                : 0.5 + r / Math.tan(r * (c.period() - phase) / c.tau);
        return c.tau / r * (Math.atan((v + w - 0.5) / r) + HALF_PI);
    }

    private static Dopri45.Ode ode(Case c) {
        double tau = c.tau;
        double drive = c.drive;
        return (t, y, d) -> {
            double s = Math.sin(y[0]);
            double co = Math.cos(y[0]);
            d[0] = (s * s - s * co + drive * co * co) / tau;
        };
    }

    private static double oracleTheta(Case c, double theta0, double dt) {
        return ORACLE.integrate(ode(c), 0, new double[] {theta0}, dt, null).y[0];
    }

    /** Time from θ0 to the crossing of +π/2 (must happen within two periods). */
    private static double oracleSpike(Case c, double theta0) {
        if (theta0 >= HALF_PI) {
            return 0;
        }
        Dopri45.Result r = ORACLE.integrate(ode(c), 0, new double[] {theta0}, 2 * c.period(),
                (t, y) -> y[0] - HALF_PI);
        assertTrue(r.eventHit, "oracle found no spike within two periods from theta=" + theta0 + " " + c);
        return r.t;
    }

    private static double check(String what, double expected, double actual) {
        double err = Math.abs(expected - actual);
        if (!(err <= TOL)) {
            fail(what + ": expected " + expected + " got " + actual + " (err " + err + ")");
        }
        return err;
    }

    // ------------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Branch.class)
    void flowSpikeAndJumpMatchIntegration(Branch branch) {
        SplittableRandom rnd = new SplittableRandom(0x7E7A_0000L + branch.ordinal());
        for (int n = 0; n < CASES; n++) {
            Case c = draw(branch, rnd);
            String what = branch + " case " + n + " [" + c + "]";
            Theta model = new Theta(c.tau, c.drive);
            assertEquals(c.period(), model.period(), 1e-12 * c.period(), what + ": period");
            double theta0 = thetaOfPhase(c, c.phase);

            PopulationKernel k = model.newKernel(1);
            k.initialize(new double[] {c.phase});
            double spike = k.nextSpikeTime();
            assertEquals(0, k.nextSpiker(), what);
            worstSpikeVsFormula = Math.max(worstSpikeVsFormula,
                    check(what + " spike time vs period - phase", c.period() - c.phase, spike));
            worstSpikeVsOracle = Math.max(worstSpikeVsOracle,
                    check(what + " spike time vs integration", oracleSpike(c, theta0), spike));

            // flow: the phase advances at rate 1, and matches the integrated voltage
            double t = rnd.nextBoolean() ? spike * rnd.nextDouble() : spike * (1 - Math.pow(10, -rnd.nextDouble(0, 8)));
            double[] out = new double[1];
            k.stateAt(0, t, out, 0);
            worstPhaseVsRate = Math.max(worstPhaseVsRate, check(what + " phase at t=" + t, c.phase + t, out[0]));
            double thetaT = oracleTheta(c, theta0, t);
            worstPhaseVsOracle = Math.max(worstPhaseVsOracle,
                    check(what + " phase at t=" + t + " vs integration", phaseOfTheta(c, thetaT), out[0]));

            // input at t: H(φ, w) against the notes' formula, next spike against integration from the jumped voltage
            double w = rnd.nextInt(5) == 0 ? Math.pow(10, rnd.nextDouble(-12, 1)) * (rnd.nextBoolean() ? 1 : -1)
                    : rnd.nextDouble(-5, 5);
            PopulationKernel k2 = model.newKernel(1);
            k2.initialize(new double[] {c.phase});
            k2.deliver(0, w, t);
            double[] jumped = new double[1];
            k2.stateAt(0, t, jumped, 0);
            worstJumpVsFormula = Math.max(worstJumpVsFormula,
                    check(what + " H(phase, " + w + ") at t=" + t,
                            jumpFormula(c, Math.min(c.phase + t, c.period()), w), jumped[0]));
            double thetaJ = Math.atan2(Math.sin(thetaT) + w * Math.cos(thetaT), Math.cos(thetaT));
            double delivered = k2.nextSpikeTime() - t;
            worstJumpSpikeVsOracle = Math.max(worstJumpSpikeVsOracle,
                    check(what + " spike after input " + w + " at t=" + t, oracleSpike(c, thetaJ), delivered));
            worstJumpSpikeVsOracle = Math.max(worstJumpSpikeVsOracle,
                    check(what + " spike after input " + w + " at t=" + t + " vs period - H", c.period() - jumped[0],
                            delivered));

            // spike instant, fire and reset
            double[] at = new double[1];
            k.stateAt(0, spike, at, 0);
            assertTrue(Double.isFinite(at[0]) && at[0] >= 0 && at[0] <= model.period() + TOL,
                    what + ": phase at the spike time " + at[0]);
            // Θ and 0 are the same point of the phase circle; which of the two the kernel reports at the spike
            // instant is checked separately (phaseAtTheSpikeTimeIsThePeriod)
            double circular = Math.min(Math.abs(c.period() - at[0]), Math.abs(at[0]));
            worstPhaseAtSpike = Math.max(worstPhaseAtSpike, check(what + " phase at the spike time (mod Theta)", 0,
                    circular));
            if (at[0] < 0.5 * c.period()) {
                wrappedAtSpike++;
            }
            k.fire(0, spike);
            double[] reset = new double[1];
            k.stateAt(0, spike, reset, 0);
            assertEquals(0.0, reset[0], TOL, what + ": phase after fire");
            check(what + " next spike after fire", c.period(), k.nextSpikeTime() - spike);
            double later = spike + c.period() * rnd.nextDouble();
            k.stateAt(0, later, reset, 0);
            check(what + " phase after fire at t=" + later, later - spike, reset[0]);
        }
    }

    @Test
    void phaseOfMatchesNotesAndStateFromVoltage() {
        Theta model = new Theta(6 / Math.PI, 1.25);
        assertEquals(1.0, model.r(), 0.0);
        assertEquals(6.0, model.period(), 1e-14);
        assertEquals(0.0, model.phaseOf(Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(3.0, model.phaseOf(0.5), 1e-14);
        assertEquals(0.0, model.stateFromVoltage(Double.NEGATIVE_INFINITY, 0)[0], 0.0);
        assertThrows(IllegalArgumentException.class, () -> model.stateFromVoltage(Double.POSITIVE_INFINITY, 0));
        assertThrows(IllegalArgumentException.class, () -> model.stateFromVoltage(Double.NaN, 0));
    }

    /**
     * The documented spike point is φ = Θ ("a spike is φ = Θ, after which φ = 0"), and the other kernels pin a neuron
     * that is due at its spike point in {@code stateAt}. The theta kernel instead evaluates the rotating frame at the
     * spike time, where the sign of the rounded Q decides between Θ and 0, so the neuron can appear already reset
     * before {@code fire}. Disabled: reproduces a discrepancy in ThetaKernel (reported, not fixed here).
     */
    @Test
    void phaseAtTheSpikeTimeIsThePeriod() {
        double[][] cases = { // tau, I0, initial phase
            {6 / Math.PI, 6.015282810099335, 1.7051606661874772},
            {0.6143532818269328, 1.1207360856488673, 0.0},
            {6 / Math.PI, 0.3540623181432454, 6.153554045814335},
        };
        for (double[] c : cases) {
            Theta model = new Theta(c[0], c[1]);
            PopulationKernel k = model.newKernel(1);
            k.initialize(new double[] {c[2]});
            double[] out = new double[1];
            k.stateAt(0, k.nextSpikeTime(), out, 0);
            assertEquals(model.period(), out[0], TOL, model + " from phase " + c[2] + ": phase at the spike time");
        }
    }

    /**
     * A neuron initialized at φ = Θ (allowed: the phase must lie in [0, Θ]) is at its spike point and should spike at
     * once; the kernel can instead treat it as reset and report the next spike a full period later. Disabled:
     * reproduces a discrepancy in ThetaKernel.initialize (reported, not fixed here).
     */
    @Test
    void initialStateAtThePeriodSpikesNow() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int n = 0; n < 200; n++) {
            double tau = rnd.nextDouble(0.25, 4);
            double drive = 0.25 + Math.pow(10, rnd.nextDouble(-1, 1.3));
            Theta model = new Theta(tau, drive);
            PopulationKernel k = model.newKernel(1);
            k.initialize(new double[] {model.period()});
            assertEquals(0.0, k.nextSpikeTime(), TOL, model + ": a neuron initialized at phase Theta spikes at once");
        }
    }

    @Test
    void inputCannotMoveANeuronAtReset() {
        Theta model = new Theta(1, 2);
        PopulationKernel k = model.newKernel(1);
        k.initialize(new double[] {0});
        k.deliver(0, 3.0, 0);
        double[] out = new double[1];
        k.stateAt(0, 0, out, 0);
        assertEquals(0.0, out[0], 0.0);
        assertEquals(model.period(), k.nextSpikeTime(), 1e-12);
    }

    @Test
    void constructorValidation() {
        for (double tau : new double[] {0.0, -2.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            String m = assertThrows(IllegalArgumentException.class, () -> new Theta(tau, 1)).getMessage();
            assertTrue(m.contains("theta") && m.contains("tau") && m.contains("positive") && m.contains("" + tau),
                    "message: " + m);
        }
        for (double drive : new double[] {0.25, 0.2, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            String m = assertThrows(IllegalArgumentException.class, () -> new Theta(1, drive)).getMessage();
            assertTrue(m.contains("theta") && m.contains("I0") && m.contains("1/4") && m.contains("" + drive),
                    "message: " + m);
        }
        Theta ok = new Theta(2, 0.2500001);
        assertEquals(2.0, ok.tau(), 0.0);
        assertEquals(0.2500001, ok.drive(), 0.0);
    }

    @Test
    void initializeRejectsPhaseOutsidePeriod() {
        Theta model = new Theta(1, 1.25);
        PopulationKernel k = model.newKernel(1);
        for (double phase : new double[] {-1e-9, model.period() * (1 + 1e-9), Double.NaN}) {
            String m = assertThrows(IllegalArgumentException.class, () -> k.initialize(new double[] {phase}))
                    .getMessage();
            assertTrue(m.contains("theta") && m.contains("phase"), "message: " + m);
        }
    }

    @AfterAll
    static void report() {
        System.out.printf(Locale.ROOT,
                "ThetaFlowTest worst errors: phase vs rate %.3g, phase vs integration %.3g, spike vs formula %.3g, "
                        + "spike vs integration %.3g, H vs formula %.3g, spike after input %.3g, "
                        + "phase at spike (mod Theta) %.3g; "
                        + "stateAt(nextSpikeTime) reported ~0 instead of Theta in %d of %d cases%n",
                worstPhaseVsRate, worstPhaseVsOracle, worstSpikeVsFormula, worstSpikeVsOracle, worstJumpVsFormula,
                worstJumpSpikeVsOracle, worstPhaseAtSpike, wrappedAtSpike, CASES * Branch.values().length);
    }
}
