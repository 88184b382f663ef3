package io.smoothspike.grad;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.loss.SpikeTimeSquaredError;
import io.smoothspike.model.Lif;
import io.smoothspike.model.NeuronModel;
import io.smoothspike.model.OscillatoryLif;
import io.smoothspike.model.Qif;
import io.smoothspike.model.Theta;
import io.smoothspike.sim.EventRecord;
import io.smoothspike.sim.EventSimulator;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.TrialSettings;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each model as a single neuron with weight, input-time, initial-state and constant parameters: exact gradient of a
 * spike-time loss versus finite differences, with ordinary spikes and (where the model has them) pseudospikes.
 */
class ModelGradientTest {

    private static Task task(String id, int outputs) {
        NeuronModel model;
        double[] init;
        double[][] w;
        double duration;
        switch (id) {
            case "qif" -> {
                model = new Qif(1.3);
                init = new double[] {Math.atan(0.3), 0.4};
                w = new double[][] {{4}, {-1.5}, {3}};
                duration = 6;
            }
            case "theta" -> {
                model = new Theta(1.1, 0.8);
                init = new double[] {0.7};
                w = new double[][] {{0.8}, {-0.6}, {1.1}};
                duration = 6;
            }
            case "lif" -> {
                model = new Lif(1.2, 1);
                init = new double[] {0.2, 0.5};
                w = new double[][] {{6}, {-1}, {7}};
                duration = 6;
            }
            default -> {
                model = new OscillatoryLif(1.1, 1.6, 1);
                init = new double[] {0.3};
                w = new double[][] {{0.3}, {-0.4}, {0.25}};
                duration = 4;
            }
        }
        SimulationGraph g = SimulationGraph.builder().inputs("in", 3).population("n", model, 1, init)
                .connectDense("in", "n", w).build();
        InputSpikes in = InputSpikes.of(new double[] {0.4, 1.7, 2.9}, new int[] {0, 1, 2});
        double[] targets = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            targets[k] = 1 + 1.5 * k;
        }
        ReadoutSpec readout = new ReadoutSpec(new int[] {0}, new int[] {outputs}, PseudoSettings.DEFAULT);
        return new Task(id, g, new TrialSettings(duration, 50), readout, List.of(in),
                new SpikeTimeSquaredError(new double[][] {targets}));
    }

    @ParameterizedTest
    @ValueSource(strings = {"qif", "theta", "lif", "oscillatory-lif"})
    void gradientMatchesFiniteDifferences(String id) {
        Task probe = task(id, 1);
        EventRecord rec = new EventSimulator(probe.graph()).run(probe.inputs().get(0), probe.trial());
        int ordinary = rec.spikeCount(0);
        assertTrue(ordinary >= 1, id + " spikes at least once");
        boolean pseudo = probe.graph().populations().get(0).model().hasPseudodynamics();
        // ordinary spikes only, then (models with pseudodynamics) two pseudospikes beyond them
        int[] outputs = pseudo ? new int[] {ordinary, ordinary + 2} : new int[] {ordinary};
        for (int n : outputs) {
            GradientCheck.Result r = GradientCheck.run(task(id, n), GradientCheck.Options.ALL);
            System.out.println(r.summary());
            assertTrue(r.checked() >= 8, "weights, times, initial state and constants are checked");
            assertTrue(r.skipped() * 10 <= r.checked() + r.skipped(), "few skipped: " + r.summary());
            assertTrue(r.worstRelative() <= 1e-6, r.summary());
        }
    }
}
