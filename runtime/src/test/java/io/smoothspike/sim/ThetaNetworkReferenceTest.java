package io.smoothspike.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.model.Theta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Theta networks against a straightforward reference simulation in phase coordinates (every phase advances at rate
 * 1; an input maps φ to Φ(Φ⁻¹(φ) + w) with the voltage formulas of docs/method.md §2.2; the next spiker is the largest
 * phase), written independently of the engine's co-rotating frame, its ranking of the next spikers and its summing
 * of same-time inputs.
 */
class ThetaNetworkReferenceTest {

    private static final double TAU = 1;
    private static final double DRIVE = 1.25;
    private static final double TIE = 1e-12;

    @Test
    void quietPopulationSpikesInPhaseOrderAcrossManyRankings() {
        // no inputs: neuron i spikes at Θ − φ_i + kΘ; 60 neurons with ties (duplicates, phase 0 and Θ) fire 150 times
        Theta model = new Theta(TAU, DRIVE);
        double period = model.period();
        SplittableRandom rng = new SplittableRandom(3);
        double[] phase = new double[60];
        for (int i = 0; i < phase.length; i++) {
            phase[i] = i % 7 == 3 ? phase[i - 1] : rng.nextDouble() * period;
        }
        phase[10] = 0;
        phase[20] = period;
        SimulationGraph g = SimulationGraph.builder().inputs("in", 1).population("p", model, 60, phase).build();
        List<Reference.Spike> expected = new Reference(phase, model, null, null).run(InputSpikes.of(new double[0],
                new int[0]), 2.4 * period);
        EventRecord r = new EventSimulator(g).run(InputSpikes.of(new double[0], new int[0]),
                new TrialSettings(2.4 * period, 1000));
        assertTrue(expected.size() > 120, "every neuron should spike at least twice, got " + expected.size());
        assertSameSpikes(expected, r, 1e-12);
    }

    @Test
    void recurrentNetworkWithInputsMatchesTheReference() {
        Theta model = new Theta(TAU, DRIVE);
        int n = 30;
        SplittableRandom rng = new SplittableRandom(11);
        double[] phase = new double[n];
        for (int i = 0; i < n; i++) {
            phase[i] = rng.nextDouble() * model.period();
        }
        double[][] w = new double[n][n];
        for (double[] row : w) {
            for (int j = 0; j < n; j++) {
                row[j] = 0.6 * (rng.nextDouble() - 0.5);
            }
        }
        double[][] in = new double[4][n];
        for (double[] row : in) {
            for (int j = 0; j < n; j++) {
                row[j] = 2 * (rng.nextDouble() - 0.4);
            }
        }
        // inputs at random times, two of them sharing a time (summed by the engine, sequential in the reference)
        double[] times = {0.7, 1.9, 1.9, 3.3, 4.05, 6.5};
        int[] channels = {0, 1, 2, 3, 0, 2};
        SimulationGraph g = SimulationGraph.builder().inputs("in", 4).population("p", model, n, phase)
                .connectDense("in", "p", in).connectDense("p", "p", w).build();
        double duration = 10;
        List<Reference.Spike> expected = new Reference(phase, model, w, in).run(InputSpikes.of(times, channels),
                duration);
        EventRecord r = new EventSimulator(g).run(InputSpikes.of(times, channels), new TrialSettings(duration, 5000));
        assertTrue(expected.size() > 80, "the network should be active, got " + expected.size() + " spikes");
        assertSameSpikes(expected, r, 1e-9);
    }

    private static void assertSameSpikes(List<Reference.Spike> expected, EventRecord r, double tol) {
        List<double[]> actual = new ArrayList<>();
        for (int k = 0; k < r.eventCount(); k++) {
            if (!r.isInput(k)) {
                actual.add(new double[] {r.time(k), r.neuron(k)});
            }
        }
        assertEquals(expected.size(), actual.size(), "spike count");
        for (int k = 0; k < expected.size(); k++) {
            assertEquals(expected.get(k).neuron(), (int) actual.get(k)[1], "neuron of spike " + k);
            assertEquals(expected.get(k).time(), actual.get(k)[0], tol, "time of spike " + k);
        }
    }

    /** The reference: phases, the notes' formulas, one input at a time. */
    private static final class Reference {
        record Spike(double time, int neuron) {
        }

        private final double r;
        private final double period;
        private final double[] phase;
        private final double[][] recurrent;
        private final double[][] input;

        /** Weights {@code recurrent[from][to]} and {@code input[channel][to]}, or null for none. */
        Reference(double[] phase0, Theta model, double[][] recurrent, double[][] input) {
            this.r = model.r();
            this.period = model.period();
            this.phase = phase0.clone();
            this.recurrent = recurrent;
            this.input = input;
        }

        /** Φ(Φ⁻¹(φ) + w): V = 1/2 + r tan(rφ/τ − π/2), then back; the reset (φ = 0) and the spike stay put. */
        private double jump(double phi, double w) {
            if (phi == 0 || phi == period) {
                return phi;
            }
            double v = 0.5 + r * Math.tan(r / TAU * phi - Math.PI / 2);
            return TAU / r * (Math.atan((v + w - 0.5) / r) + Math.PI / 2);
        }

        List<Spike> run(InputSpikes in, double duration) {
            List<Spike> spikes = new ArrayList<>();
            double now = 0;
            int next = 0;
            while (true) {
                // the largest phase; phases equal up to rounding (identical neurons) go by ascending index
                double max = Arrays.stream(phase).max().orElseThrow();
                int spiker = 0;
                while (phase[spiker] < max - TIE) {
                    spiker++;
                }
                double tNet = now + Math.max(0, period - phase[spiker]);
                double tIn = next < in.size() ? in.time(next) : Double.POSITIVE_INFINITY;
                double t = Math.min(tIn, tNet);
                if (t > duration) {
                    return spikes;
                }
                advance(t - now);
                now = t;
                if (tIn <= tNet) {
                    deliver(input[in.source(next++)]);
                } else {
                    phase[spiker] = 0;
                    spikes.add(new Spike(t, spiker));
                    deliver(recurrent == null ? null : recurrent[spiker]);
                }
            }
        }

        private void advance(double dt) {
            for (int i = 0; i < phase.length; i++) {
                phase[i] = Math.min(period, phase[i] + dt);
            }
        }

        private void deliver(double[] weights) {
            if (weights == null) {
                return;
            }
            for (int i = 0; i < phase.length; i++) {
                phase[i] = jump(phase[i], weights[i]);
            }
        }
    }
}
