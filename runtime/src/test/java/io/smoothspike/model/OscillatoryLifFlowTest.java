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
 * Checks the oscillatory LIF phase flow, threshold time and clipped input jump against an independent numerical
 * integration of {@code τ dV/dt = −V + I0} (event V − V_th) and against the formulas of the notes (section 2.4),
 * {@code Φ(V) = τ ln(1/(1 − V/I0))}, {@code Θ = Φ(V_th)}, {@code H(φ, w) = Φ(min(Φ⁻¹(φ) + w, V_th))}, evaluated here.
 */
class OscillatoryLifFlowTest {

    private static final double TOL = 1e-9;
    private static final int CASES = 2000;
    private static final Dopri45 ORACLE = new Dopri45(1e-13, 1e-13);

    private static double worstPhaseVsRate;
    private static double worstPhaseVsOracle;
    private static double worstSpikeVsFormula;
    private static double worstSpikeVsOracle;
    private static double worstJumpVsFormula;
    private static double worstJumpSpikeVsOracle;
    private static long clipped;
    private static long unclipped;

    enum Branch {
        UNIFORM_PHASE,
        NEGATIVE_PHASE,
        NEAR_SPIKE,
        AT_RESET,
        DRIVE_CLOSE_TO_THRESHOLD
    }

    private record Case(double tau, double drive, double threshold, double phase) {
        double period() {
            return tau * Math.log(1 / (1 - threshold / drive));
        }

        /** Φ⁻¹(φ) = I0 (1 − exp(−φ/τ)). */
        double voltageOf(double phi) {
            return drive * (1 - Math.exp(-phi / tau));
        }

        /** Φ(V) = τ ln(1/(1 − V/I0)). */
        double phaseOf(double v) {
            return tau * Math.log(1 / (1 - v / drive));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "tau=%.17g I0=%.17g Vth=%.17g phase=%.17g (period %.17g)", tau, drive,
                    threshold, phase, period());
        }
    }

    private static Case draw(Branch branch, SplittableRandom rnd) {
        double tau = rnd.nextBoolean() ? 1.0 : rnd.nextDouble(0.25, 4);
        double vth = rnd.nextBoolean() ? 1.0 : rnd.nextDouble(0.2, 3);
        double drive = branch == Branch.DRIVE_CLOSE_TO_THRESHOLD ? vth * (1 + Math.pow(10, rnd.nextDouble(-3, -1)))
                : vth * (1 + Math.pow(10, rnd.nextDouble(-1, 0.5)));
        double period = tau * Math.log(1 / (1 - vth / drive));
        double phase;
        switch (branch) {
            case UNIFORM_PHASE:
            case DRIVE_CLOSE_TO_THRESHOLD:
                phase = period * rnd.nextDouble();
                break;
            case NEGATIVE_PHASE:
                phase = -tau * Math.pow(10, rnd.nextDouble(-12, 0.7)); // down to V ≈ −150 I0
                break;
            case NEAR_SPIKE:
                phase = period * (1 - Math.pow(10, -rnd.nextDouble(1, 15)));
                break;
            case AT_RESET:
                phase = 0;
                break;
            default:
                throw new AssertionError(branch);
        }
        return new Case(tau, drive, vth, phase);
    }

    private static Dopri45.Ode ode(Case c) {
        double tau = c.tau;
        double drive = c.drive;
        return (t, y, d) -> d[0] = (-y[0] + drive) / tau;
    }

    private static double oracleVoltage(Case c, double v0, double dt) {
        return ORACLE.integrate(ode(c), 0, new double[] {v0}, dt, null).y[0];
    }

    /** Time from V0 < V_th to the threshold crossing (always within one period of the reset). */
    private static double oracleSpike(Case c, double v0) {
        if (v0 >= c.threshold) {
            return 0;
        }
        double horizon = c.phaseOf(c.threshold) - c.phaseOf(v0);
        Dopri45.Result r = ORACLE.integrate(ode(c), 0, new double[] {v0}, 2 * horizon + c.tau,
                (t, y) -> y[0] - c.threshold);
        assertTrue(r.eventHit, "oracle found no threshold crossing from V=" + v0 + " " + c);
        return r.t;
    }

    private static double check(String what, double expected, double actual) {
        double err = Math.abs(expected - actual);
        if (!(err <= TOL)) {
            fail(what + ": expected " + expected + " got " + actual + " (err " + err + ")");
        }
        return err;
    }

    @ParameterizedTest
    @EnumSource(Branch.class)
    void flowSpikeAndJumpMatchIntegration(Branch branch) {
        SplittableRandom rnd = new SplittableRandom(0x05C1_0000L + branch.ordinal());
        for (int n = 0; n < CASES; n++) {
            Case c = draw(branch, rnd);
            String what = branch + " case " + n + " [" + c + "]";
            OscillatoryLif model = new OscillatoryLif(c.tau, c.drive, c.threshold);
            assertEquals(c.period(), model.period(), 1e-12 * c.period(), what + ": period");
            double v0 = c.voltageOf(c.phase);

            PopulationKernel k = model.newKernel(1);
            k.initialize(new double[] {c.phase});
            double spike = k.nextSpikeTime();
            worstSpikeVsFormula = Math.max(worstSpikeVsFormula,
                    check(what + " spike time vs period - phase", c.period() - c.phase, spike));
            worstSpikeVsOracle = Math.max(worstSpikeVsOracle,
                    check(what + " spike time vs integration", oracleSpike(c, v0), spike));

            // flow: phase advances at rate 1 and is Φ of the integrated voltage
            double t = rnd.nextBoolean() ? spike * rnd.nextDouble() : spike * (1 - Math.pow(10, -rnd.nextDouble(0, 8)));
            double[] out = new double[1];
            k.stateAt(0, t, out, 0);
            worstPhaseVsRate = Math.max(worstPhaseVsRate, check(what + " phase at t=" + t, c.phase + t, out[0]));
            double vt = oracleVoltage(c, v0, t);
            worstPhaseVsOracle = Math.max(worstPhaseVsOracle,
                    check(what + " phase at t=" + t + " vs integration", c.phaseOf(vt), out[0]));
            assertEquals(vt, k.voltageAt(0, t), TOL * Math.max(1, Math.abs(vt)), what + ": voltageAt");

            // input at t, either clipped at the threshold or not
            double w;
            switch (rnd.nextInt(4)) {
                case 0: // lifts V over V_th, by 1e-8 V_th to V_th
                    w = c.threshold - vt + c.threshold * Math.pow(10, -rnd.nextDouble(0, 8));
                    break;
                case 1: // lifts V to just below V_th
                    w = c.threshold - vt - c.threshold * Math.pow(10, -rnd.nextDouble(0, 8));
                    break;
                default:
                    w = c.threshold * rnd.nextDouble(-4, 1);
                    break;
            }
            PopulationKernel k2 = model.newKernel(1);
            k2.initialize(new double[] {c.phase});
            k2.deliver(0, w, t);
            double[] jumped = new double[1];
            k2.stateAt(0, t, jumped, 0);
            double lifted = c.voltageOf(c.phase + t) + w;
            if (Math.abs(lifted - c.threshold) < TOL) {
                // at the clipping boundary within rounding: spike at once or within a vanishing delay
                assertTrue(k2.nextSpikeTime() - t <= 1e-6, what + ": input " + w + " lifts V to the threshold");
                continue;
            }
            if (lifted > c.threshold) {
                clipped++;
                assertEquals(t, k2.nextSpikeTime(), 0.0, what + ": input " + w + " lifting V over V_th at t=" + t
                        + " must make the neuron spike at the delivery time");
                assertEquals(model.period(), jumped[0], 0.0, what + ": phase clipped at Theta");
            } else {
                unclipped++;
                worstJumpVsFormula = Math.max(worstJumpVsFormula,
                        check(what + " H(phase, " + w + ") at t=" + t, c.phaseOf(lifted), jumped[0]));
                worstJumpSpikeVsOracle = Math.max(worstJumpSpikeVsOracle, check(what + " spike after input " + w
                        + " at t=" + t, oracleSpike(c, vt + w), k2.nextSpikeTime() - t));
            }

            // spike instant, fire and reset
            double[] at = new double[1];
            k.stateAt(0, spike, at, 0);
            assertTrue(Double.isFinite(at[0]), what + ": phase at the spike time " + at[0]);
            assertEquals(model.period(), at[0], TOL, what + ": phase at the spike time");
            assertEquals(c.threshold, k.voltageAt(0, spike), TOL, what + ": V at the spike time");
            k.fire(0, spike);
            double[] reset = new double[1];
            k.stateAt(0, spike, reset, 0);
            assertEquals(0.0, reset[0], 0.0, what + ": phase after fire");
            assertEquals(0.0, k.voltageAt(0, spike), 0.0, what + ": V after fire");
            check(what + " next spike after fire", model.period(), k.nextSpikeTime() - spike);
        }
    }

    @Test
    void phaseAtThePeriodSpikesNowAndStateFromVoltage() {
        OscillatoryLif model = new OscillatoryLif(2, 3, 1);
        assertEquals(2 * Math.log(1.5), model.period(), 1e-15);
        assertEquals(model.period(), model.phaseOf(1), 0.0);
        assertEquals(model.period(), model.stateFromVoltage(1, 0)[0], 0.0);
        assertEquals(0.0, model.stateFromVoltage(0, 0)[0], 0.0);
        PopulationKernel k = model.newKernel(1);
        k.initialize(new double[] {model.period()});
        assertEquals(0.0, k.nextSpikeTime(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> model.stateFromVoltage(1.0000001, 0));
        assertThrows(IllegalArgumentException.class, () -> model.stateFromVoltage(Double.NEGATIVE_INFINITY, 0));
        String m = assertThrows(IllegalArgumentException.class,
                () -> k.initialize(new double[] {model.period() * (1 + 1e-9)})).getMessage();
        assertTrue(m.contains("oscillatory-lif") && m.contains("phase"), "message: " + m);
    }

    @Test
    void inputAtTheSpikeTimeIsClippedOrLowersTheNeuron() {
        OscillatoryLif model = new OscillatoryLif(1, 2, 1);
        PopulationKernel k = model.newKernel(1);
        k.initialize(new double[] {0.2});
        double spike = k.nextSpikeTime();
        k.deliver(0, 0.5, spike);
        assertEquals(spike, k.nextSpikeTime(), 0.0);
        k.deliver(0, -0.5, spike); // from V_th down to 0.5
        double[] out = new double[1];
        k.stateAt(0, spike, out, 0);
        assertEquals(model.phaseOf(0.5), out[0], 1e-14);
        assertEquals(spike + model.period() - model.phaseOf(0.5), k.nextSpikeTime(), 1e-12);
    }

    @Test
    void constructorValidation() {
        for (double tau : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            String m = assertThrows(IllegalArgumentException.class, () -> new OscillatoryLif(tau, 2, 1))
                    .getMessage();
            assertTrue(m.contains("oscillatory-lif") && m.contains("tau") && m.contains("positive")
                    && m.contains("" + tau), "message: " + m);
        }
        for (double vth : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            String m = assertThrows(IllegalArgumentException.class, () -> new OscillatoryLif(1, 2, vth))
                    .getMessage();
            assertTrue(m.contains("oscillatory-lif") && m.contains("threshold") && m.contains("" + vth),
                    "message: " + m);
        }
        for (double drive : new double[] {1.0, 0.5, -2.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            String m = assertThrows(IllegalArgumentException.class, () -> new OscillatoryLif(1, drive, 1))
                    .getMessage();
            assertTrue(m.contains("oscillatory-lif") && m.contains("I0") && m.contains("threshold")
                    && m.contains("got " + drive), "message: " + m);
        }
        OscillatoryLif ok = new OscillatoryLif(2, 1.5, 1);
        assertEquals(2.0, ok.tau(), 0.0);
        assertEquals(1.5, ok.drive(), 0.0);
        assertEquals(1.0, ok.threshold(), 0.0);
    }

    @AfterAll
    static void report() {
        System.out.printf(Locale.ROOT,
                "OscillatoryLifFlowTest worst errors: phase vs rate %.3g, phase vs integration %.3g, spike vs formula "
                        + "%.3g, spike vs integration %.3g, H vs formula %.3g, spike after input %.3g; clipped inputs "
                        + "%d, unclipped %d%n",
                worstPhaseVsRate, worstPhaseVsOracle, worstSpikeVsFormula, worstSpikeVsOracle, worstJumpVsFormula,
                worstJumpSpikeVsOracle, clipped, unclipped);
    }
}
