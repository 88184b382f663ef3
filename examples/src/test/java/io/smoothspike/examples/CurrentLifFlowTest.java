package io.smoothspike.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.model.PopulationKernel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The closed-form flow and spike times of {@link CurrentLif}, through its kernel, against {@link Rk4Oracle}: random
 * neurons receive two inputs and fire (and reset) for 20 time units; every spike time and the state before each input
 * must agree. Cases whose voltage maximum grazes the threshold (within 1e-4, where a crossing time is ill-conditioned)
 * are not compared, and must be rare.
 */
class CurrentLifFlowTest {

    private static final int CASES = 300;
    private static final double HORIZON = 20;
    private static final double GRAZE = 1e-4;
    private static final double TOL = 1e-9;

    /** Spike times and the states before each input, or null for a grazing case. */
    private record Run(List<Double> spikes, List<double[]> statesBeforeInputs) {
    }

    private static Run closedForm(CurrentLif model, double[] init, double[] times, double[] weights) {
        PopulationKernel k = model.newKernel(1);
        k.initialize(init);
        List<Double> spikes = new ArrayList<>();
        List<double[]> states = new ArrayList<>();
        for (int d = 0; d <= times.length; d++) {
            double until = d < times.length ? times[d] : HORIZON;
            while (k.nextSpikeTime() < until) {
                double t = k.nextSpikeTime();
                k.fire(0, t);
                spikes.add(t);
            }
            if (d < times.length) {
                double[] state = new double[2];
                k.stateAt(0, times[d], state, 0);
                states.add(state);
                k.deliver(0, weights[d], times[d]);
            }
        }
        return new Run(spikes, states);
    }

    private static Run numerical(CurrentLif model, double[] init, double[] times, double[] weights) {
        Rk4Oracle oracle = new Rk4Oracle(model.tauMem(), model.tauSyn(), 1e-3);
        double theta = model.threshold();
        double v = init[0];
        double i = init[1];
        double now = 0;
        List<Double> spikes = new ArrayList<>();
        List<double[]> states = new ArrayList<>();
        for (int d = 0; d <= times.length; d++) {
            double until = d < times.length ? times[d] : HORIZON;
            while (true) {
                Rk4Oracle.Segment seg = oracle.segment(v, i, theta, until - now);
                v = seg.end()[0];
                i = seg.end()[1];
                if (Double.isInfinite(seg.crossing())) {
                    if (seg.maxVoltage() > theta - GRAZE) {
                        return null;
                    }
                    now = until;
                    break;
                }
                // slope τ_m dV/dt = I − ϑ at the crossing; near zero the maximum grazes the threshold
                if (i - theta < Math.sqrt(GRAZE)) {
                    return null;
                }
                now += seg.crossing();
                spikes.add(now);
                v = 0;
            }
            if (d < times.length) {
                states.add(new double[] {v, i});
                i += weights[d];
            }
        }
        return new Run(spikes, states);
    }

    @Test
    void spikeTimesAndStatesMatchNumericalIntegration() {
        SplittableRandom rnd = new SplittableRandom(7);
        int compared = 0;
        int spikes = 0;
        for (int c = 0; c < CASES; c++) {
            CurrentLif model = new CurrentLif(rnd.nextDouble(0.3, 2), rnd.nextDouble(0.3, 2));
            double theta = model.threshold();
            double[] init = {rnd.nextDouble(-theta, theta), rnd.nextDouble(-theta, 10 * theta)};
            double first = rnd.nextDouble(0.1, 8);
            double[] times = {first, first + rnd.nextDouble(0.01, 4)};
            double[] weights = {rnd.nextDouble(-2 * theta, 8 * theta), rnd.nextDouble(-2 * theta, 8 * theta)};
            Run exact = closedForm(model, init, times, weights);
            Run oracle = numerical(model, init, times, weights);
            String where = String.format(Locale.ROOT, "case %d: %s V0=%.17g I0=%.17g inputs %s", c, model, init[0],
                    init[1], java.util.Arrays.toString(weights));
            if (oracle == null) {
                continue;
            }
            compared++;
            spikes += exact.spikes().size();
            assertEquals(oracle.spikes().size(), exact.spikes().size(), where + ": spikes " + exact.spikes()
                    + " vs numerical " + oracle.spikes());
            for (int s = 0; s < exact.spikes().size(); s++) {
                assertEquals(oracle.spikes().get(s), exact.spikes().get(s), TOL, where + ": spike " + s);
            }
            for (int d = 0; d < times.length; d++) {
                for (int k = 0; k < 2; k++) {
                    double expected = oracle.statesBeforeInputs().get(d)[k];
                    assertEquals(expected, exact.statesBeforeInputs().get(d)[k], TOL * (1 + Math.abs(expected)),
                            where + ": state " + k + " before input " + d);
                }
            }
        }
        assertTrue(compared >= 0.95 * CASES, "few grazing cases: compared " + compared + " of " + CASES);
        assertTrue(spikes >= CASES, "the cases fire: " + spikes + " spikes");
    }

    @Test
    void constantsAreValidatedWithTheirNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CurrentLif(0, 1));
        assertEquals("current-lif: tauSyn must be a positive finite number, got 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CurrentLif(1, Double.NaN));
        assertEquals("current-lif: threshold must be a positive finite number, got NaN", e.getMessage());
    }
}
