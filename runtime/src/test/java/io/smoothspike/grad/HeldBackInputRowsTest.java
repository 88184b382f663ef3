package io.smoothspike.grad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.smoothspike.graph.DelayKind;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.loss.FirstSpikeCrossEntropy;
import io.smoothspike.loss.Loss;
import io.smoothspike.model.Qif;
import io.smoothspike.model.Theta;
import io.smoothspike.sim.EventSimulator;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.TrialGradient;
import io.smoothspike.sim.TrialSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input-layer weight gradients held back over trials and added source row by source row equal those added at once,
 * bit for bit, whatever the input pattern: simultaneous inputs, inputs alone at their time, channels spiking several
 * times, several input projections, targets that do not share rows (QIF), and delayed input projections beside
 * undelayed ones into the same population.
 */
class HeldBackInputRowsTest {

    static final int CHANNELS = 40;
    static final TrialSettings TRIAL = new TrialSettings(2, 200);

    /**
     * Inputs → theta "a" (12) → theta "b" (8, read out), inputs → "b", inputs → QIF "q" (5), all dense; with
     * {@code delayed}, inputs → "b" has axonal delays and "a" → "b" per-synapse delays.
     */
    static SimulationGraph graph(SplittableRandom rng, boolean delayed) {
        Theta theta = new Theta(6 / Math.PI, 1.25);
        double[] a = new double[12];
        double[] b = new double[8];
        Arrays.fill(a, theta.period() / 2);
        Arrays.fill(b, theta.period() / 3);
        double[] q = new double[10];
        for (int i = 0; i < 5; i++) {
            q[2 * i] = Math.atan(0.2 * i - 0.5);
        }
        SimulationGraph.Builder g = SimulationGraph.builder().inputs("in", CHANNELS)
                .population("a", theta, 12, a)
                .population("b", theta, 8, b)
                .population("q", new Qif(1.3), 5, q)
                .connectDense("in", "a", weights(rng, CHANNELS, 12, 0.45))
                .connectDense("in", "b", weights(rng, CHANNELS, 8, 0.2));
        if (delayed) {
            g.delays(DelayKind.AXONAL, rng.doubles(CHANNELS, 0, 0.5).toArray());
        }
        g.connectDense("in", "q", weights(rng, CHANNELS, 5, 0.3))
                .connectDense("a", "b", weights(rng, 12, 8, 0.4));
        if (delayed) {
            g.delays(DelayKind.SYNAPSE, rng.doubles(12 * 8, 0, 0.5).toArray());
        }
        return g.build();
    }

    static double[][] weights(SplittableRandom rng, int from, int to, double bias) {
        double[][] w = new double[from][to];
        for (double[] row : w) {
            for (int j = 0; j < to; j++) {
                row[j] = (rng.nextDouble() - 0.5 + bias) / Math.sqrt(from);
            }
        }
        return w;
    }

    /** Spikes at a few shared times (groups), some alone at their time, some channels several times. */
    static InputSpikes input(SplittableRandom rng) {
        int n = 20 + rng.nextInt(40);
        double[] times = new double[n];
        int[] channels = new int[n];
        double[] shared = {0.01, 0.3, 0.3 + 1e-9, 0.9};
        for (int k = 0; k < n; k++) {
            times[k] = rng.nextInt(3) == 0 ? 1.8 * rng.nextDouble() : shared[rng.nextInt(shared.length)];
            channels[k] = rng.nextInt(k % 5 == 0 ? 4 : CHANNELS); // channels 0–3 often spike several times
        }
        return InputSpikes.of(times, channels);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void heldBackRowsAddUpBitwiseAsRowsAddedAtOnce(boolean delayed) {
        SplittableRandom rng = new SplittableRandom(11);
        SimulationGraph g = graph(rng, delayed);
        ReadoutSpec readout = ReadoutSpec.firstSpikes(g, 1, PseudoSettings.DEFAULT);
        int trials = 25;
        List<InputSpikes> inputs = new ArrayList<>();
        int[] labels = new int[trials];
        for (int k = 0; k < trials; k++) {
            inputs.add(input(rng));
            labels[k] = rng.nextInt(8);
        }
        Loss loss = new FirstSpikeCrossEntropy(labels, 8, 1e-2, TRIAL.duration());
        assertSameSums(g, readout, inputs, loss, "theta and QIF targets, mixed input times"
                + (delayed ? ", delays" : ""));
    }

    @Test
    void heldBackRowsOfTheMnistNetworkAddUpBitwise() {
        Task task = TestTasks.mnistLike(TestTasks.ACTIVE_BIAS, 20, 4);
        assertSameSums(task.graph(), task.readout(), task.inputs(), task.loss(), "MNIST-like images");
    }

    /**
     * Sums each half of the trials into a zero gradient twice, rows added at once and rows held back (one flush per
     * half, as a batch does per chunk), and compares the bits.
     */
    private static void assertSameSums(SimulationGraph g, ReadoutSpec readout, List<InputSpikes> inputs, Loss loss,
            String what) {
        TrialEvaluator atOnce = new TrialEvaluator(g, TRIAL, readout);
        atOnce.setInputTimeGradients(false);
        TrialEvaluator heldBack = new TrialEvaluator(g, TRIAL, readout);
        heldBack.setInputTimeGradients(false);
        heldBack.setHeldBackInputRows(true);
        int half = inputs.size() / 2;
        int spikes = 0;
        boolean nonzero = false;
        for (int[] range : new int[][] {{0, half}, {half, inputs.size()}}) {
            TrialGradient expected = new TrialGradient(g);
            TrialGradient actual = new TrialGradient(g);
            double lossAtOnce = 0;
            double lossHeldBack = 0;
            for (int k = range[0]; k < range[1]; k++) {
                lossAtOnce += atOnce.accumulate(inputs.get(k), k, loss, expected);
                spikes += atOnce.record().eventCount() - inputs.get(k).size();
                lossHeldBack += heldBack.accumulate(inputs.get(k), k, loss, actual);
            }
            heldBack.flushInputRows();
            String part = what + ", trials " + range[0] + "-" + (range[1] - 1);
            assertEquals(lossAtOnce, lossHeldBack, 0.0, part + ": loss");
            for (int j = 0; j < g.projections().size(); j++) {
                assertBits(expected.weights(j), actual.weights(j), part + ", projection " + j);
                assertBits(expected.delays(j), actual.delays(j), part + ", delays of projection " + j);
                nonzero |= Arrays.stream(expected.weights(j)).anyMatch(x -> x != 0);
            }
            for (int p = 0; p < g.populations().size(); p++) {
                assertBits(expected.initialState(p), actual.initialState(p), part + ", states " + p);
            }
        }
        assertTrue(spikes > 0, what + ": the network spikes");
        assertTrue(nonzero, what + ": some weight gradient is not zero");
    }

    @Test
    void aSingleTrialGradientIncludesItsHeldBackRows() {
        Task task = TestTasks.mnistLike(TestTasks.ACTIVE_BIAS, 3, 4);
        TrialEvaluator atOnce = new TrialEvaluator(task.graph(), task.trial(), task.readout());
        atOnce.setInputTimeGradients(false);
        TrialEvaluator heldBack = new TrialEvaluator(task.graph(), task.trial(), task.readout());
        heldBack.setInputTimeGradients(false);
        heldBack.setHeldBackInputRows(true);
        for (int k = 0; k < 3; k++) {
            TrialGradient expected = new TrialGradient(task.graph());
            TrialGradient actual = new TrialGradient(task.graph());
            atOnce.lossAndGradient(task.inputs().get(k), k, task.loss(), expected);
            heldBack.lossAndGradient(task.inputs().get(k), k, task.loss(), actual);
            assertBits(expected.weights(0), actual.weights(0), "trial " + k + ", input weights");
        }
    }

    @Test
    void misuseIsRefusedWithTheFix() {
        Task task = TestTasks.mnistLike(TestTasks.ACTIVE_BIAS, 2, 4);
        EventSimulator sim = new EventSimulator(task.graph());
        IllegalStateException on = assertThrows(IllegalStateException.class, () -> sim.setHeldBackInputRows(true));
        assertTrue(on.getMessage().contains("setInputTimeGradients(false)"), on.getMessage());

        TrialEvaluator ev = new TrialEvaluator(task.graph(), task.trial(), task.readout());
        ev.setInputTimeGradients(false);
        ev.setHeldBackInputRows(true);
        ev.accumulate(task.inputs().get(0), 0, task.loss(), new TrialGradient(task.graph()));
        IllegalStateException other = assertThrows(IllegalStateException.class,
                () -> ev.accumulate(task.inputs().get(1), 1, task.loss(), new TrialGradient(task.graph())));
        assertTrue(other.getMessage().contains("flushInputRows"), other.getMessage());
        IllegalStateException off = assertThrows(IllegalStateException.class, () -> ev.setHeldBackInputRows(false));
        assertTrue(off.getMessage().contains("flushInputRows() or discardInputRows()"), off.getMessage());
        IllegalStateException times = assertThrows(IllegalStateException.class,
                () -> ev.setInputTimeGradients(true));
        assertTrue(times.getMessage().contains("setHeldBackInputRows(false)"), times.getMessage());
        ev.discardInputRows();
        ev.setHeldBackInputRows(false);
        ev.setInputTimeGradients(true);
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int k = 0; k < expected.length; k++) {
            if (Double.doubleToRawLongBits(expected[k]) != Double.doubleToRawLongBits(actual[k])) {
                fail(what + ": entry " + k + " is " + actual[k] + ", expected " + expected[k]);
            }
        }
    }
}
