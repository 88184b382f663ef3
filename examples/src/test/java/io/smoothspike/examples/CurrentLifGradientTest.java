package io.smoothspike.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.grad.GradientCheck;
import io.smoothspike.grad.PseudoSettings;
import io.smoothspike.grad.ReadoutSpec;
import io.smoothspike.grad.Task;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.loss.SpikeTimeSquaredError;
import io.smoothspike.model.PseudoState;
import io.smoothspike.sim.EventRecord;
import io.smoothspike.sim.EventSimulator;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.TrialSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exact gradients of networks of {@link CurrentLif} neurons against central finite differences (weights, input
 * times, initial states and the model constants), with ordinary spikes and with pseudospikes, at the tolerance of the
 * built-in models' checks (relative error at most 1e-6).
 */
class CurrentLifGradientTest {

    private static final double TOLERANCE = 1e-6;

    private static GradientCheck.Result check(Task task) {
        GradientCheck.Result r = GradientCheck.run(task, GradientCheck.Options.ALL);
        System.out.println(r.summary());
        assertTrue(r.skipped() * 10 <= r.checked() + r.skipped(), "few skipped: " + r.summary());
        assertTrue(r.worstRelative() <= TOLERANCE, r.summary());
        return r;
    }

    private static double[] targets(int count) {
        double[] t = new double[count];
        for (int k = 0; k < count; k++) {
            t[k] = 1 + 1.5 * k;
        }
        return t;
    }

    /** One neuron, three inputs (excitatory, inhibitory, excitatory), reading out {@code outputs} times. */
    private static Task singleNeuron(int outputs) {
        SimulationGraph g = SimulationGraph.builder().inputs("in", 3)
                .population("n", new CurrentLif(0.6, 1), 1, new double[] {0.2, 0.5})
                .connectDense("in", "n", new double[][] {{6}, {-1}, {7}}).build();
        InputSpikes in = InputSpikes.of(new double[] {0.4, 1.7, 2.9}, new int[] {0, 1, 2});
        ReadoutSpec readout = new ReadoutSpec(new int[] {0}, new int[] {outputs}, PseudoSettings.DEFAULT);
        return new Task("current-lif neuron", g, new TrialSettings(6, 50), readout, List.of(in),
                new SpikeTimeSquaredError(new double[][] {targets(outputs)}));
    }

    @Test
    void singleNeuronWithOrdinarySpikesAndPseudospikes() {
        Task probe = singleNeuron(1);
        EventRecord rec = new EventSimulator(probe.graph()).run(probe.inputs().get(0), probe.trial());
        int ordinary = rec.spikeCount(0);
        assertTrue(ordinary >= 2, "the neuron fires and resets: " + ordinary + " spikes");
        for (int n : new int[] {ordinary, ordinary + 2}) {
            GradientCheck.Result r = check(singleNeuron(n));
            assertTrue(r.checked() >= 10, "weights, times, initial state and constants are checked: " + r.summary());
        }
    }

    @Test
    void twoLayerNetworkWithSilentOutput() {
        double[][] inToHidden = {{2.5, 0.8, -0.5}, {1.5, 3.0, 1.2}, {-0.7, 1.4, 3.5}};
        double[][] hiddenToOut = {{1.8, 0.2}, {0.9, -0.4}, {1.1, 0.3}};
        SimulationGraph g = SimulationGraph.builder().inputs("in", 3)
                .population("hidden", new CurrentLif(0.5, 0.8), 3)
                .population("out", new CurrentLif(0.8, 0.6), 2)
                .connectDense("in", "hidden", inToHidden)
                .connectDense("hidden", "out", hiddenToOut).build();
        List<InputSpikes> trials = List.of(
                InputSpikes.of(new double[] {0.2, 0.5, 1.1}, new int[] {0, 1, 2}),
                InputSpikes.of(new double[] {0.3, 0.9, 1.4}, new int[] {2, 0, 1}));
        ReadoutSpec readout = new ReadoutSpec(new int[] {3, 4}, new int[] {1, 1}, PseudoSettings.DEFAULT);
        Task task = new Task("current-lif 3-3-2", g, new TrialSettings(4, 50), readout, trials,
                new SpikeTimeSquaredError(new double[][] {{1.5}, {2.5}}));
        EventRecord first = new EventSimulator(g).run(trials.get(0), task.trial());
        assertTrue(first.spikeCount(0) + first.spikeCount(1) + first.spikeCount(2) >= 2, "the hidden layer fires");
        assertTrue(first.spikeCount(3) >= 1, "the first read-out neuron fires");
        assertEquals(0, first.spikeCount(4), "the second read-out neuron is silent: its output time is a pseudospike");
        GradientCheck.Result r = check(task);
        assertTrue(r.checked() >= 20, r.summary());
    }

    /** The pseudodynamics' derivatives against central differences of the pseudo phase and period. */
    @Test
    void pseudodynamicsDerivativesMatchFiniteDifferences() {
        double[] state = {0.3, -0.2};
        double u = 0.4;
        double alpha = 0.7;
        CurrentLif model = new CurrentLif(0.9, 1.3);
        PseudoState exact = PseudoState.of(model);
        model.pseudo(state, 0, u, alpha, exact);
        double h = 1e-6;
        for (int c = 0; c < 2; c++) {
            double[] up = state.clone();
            double[] down = state.clone();
            up[c] += h;
            down[c] -= h;
            PseudoState[] pair = {pseudo(model, up, u, alpha), pseudo(model, down, u, alpha)};
            assertEquals((pair[0].phase - pair[1].phase) / (2 * h), exact.dPhaseDState[c], 1e-8, "dφ/dx" + c);
            assertEquals((pair[0].period - pair[1].period) / (2 * h), exact.dPeriodDState[c], 1e-8, "dΘ/dx" + c);
        }
        PseudoState[] inputs = {pseudo(model, state, u + h, alpha), pseudo(model, state, u - h, alpha)};
        assertEquals((inputs[0].phase - inputs[1].phase) / (2 * h), exact.dPhaseDInput, 1e-8, "dφ/du");
        assertEquals((inputs[0].period - inputs[1].period) / (2 * h), exact.dPeriodDInput, 1e-8, "dΘ/du");
        double[] constants = model.constants();
        for (int k = 0; k < constants.length; k++) {
            double[] up = constants.clone();
            double[] down = constants.clone();
            up[k] += h;
            down[k] -= h;
            PseudoState[] pair = {pseudo(model.withConstants(up), state, u, alpha),
                pseudo(model.withConstants(down), state, u, alpha)};
            assertEquals((pair[0].phase - pair[1].phase) / (2 * h), exact.dPhaseDConstant[k], 1e-8, "dφ/dc" + k);
            assertEquals((pair[0].period - pair[1].period) / (2 * h), exact.dPeriodDConstant[k], 1e-8, "dΘ/dc" + k);
        }
    }

    private static PseudoState pseudo(CurrentLif model, double[] state, double u, double alpha) {
        PseudoState out = PseudoState.of(model);
        model.pseudo(state, 0, u, alpha, out);
        return out;
    }
}
