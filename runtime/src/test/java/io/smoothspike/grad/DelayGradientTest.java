package io.smoothspike.grad;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.graph.DelayKind;
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
import io.smoothspike.sim.TrialGradient;
import io.smoothspike.sim.TrialSettings;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact gradients of networks with delays versus finite differences: every model, every delay kind, feed-forward
 * (inputs → hidden → output, dense then sparse) and recurrent (a sparse hidden → hidden projection as well), for
 * weights, delays, input times, initial states and constants, with output times that include pseudospikes.
 */
class DelayGradientTest {

    /** Input spike times (channels 0, 1, 2, 0). */
    private static final double[] INPUT_TIMES = {0.3, 0.9, 1.6, 2.4};

    private record Setup(NeuronModel model, double[] init, double scale, double duration) {
    }

    private static Setup setup(String id) {
        return switch (id) {
            case "qif" -> new Setup(new Qif(1.3), new double[] {Math.atan(0.3), 0.4}, 4, 6);
            case "theta" -> new Setup(new Theta(1.1, 0.8), new double[] {0.7}, 0.9, 6);
            case "lif" -> new Setup(new Lif(1.2, 1), new double[] {0.2, 0.5}, 4, 6);
            default -> new Setup(new OscillatoryLif(1.1, 1.6, 1), new double[] {0.3}, 0.2, 4);
        };
    }

    /** Delays of {@code kind} for a projection of the given sizes: spread over [0.15, 2.1], times {@code scale}. */
    private static double[] delays(DelayKind kind, int sources, int synapses, double shift, double scale) {
        double[] d = new double[kind.length(sources, synapses)];
        for (int k = 0; k < d.length; k++) {
            d[k] = scale * (0.15 + (shift + 0.61 * k) % 1.95);
        }
        return d;
    }

    /**
     * {@code n} neurons in {@code state}, the first coordinate raised by {@code shift} and spread by 0.1 (so that no
     * two neurons tie).
     */
    private static double[] spread(double[] state, int n, double shift) {
        double[] s = new double[state.length * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(state, 0, s, i * state.length, state.length);
            s[i * state.length] += shift + 0.1 * i;
        }
        return s;
    }

    /**
     * The network: 3 inputs → 3 hidden (dense) → 2 outputs (sparse), and in the recurrent case hidden → hidden; every
     * projection with delays of {@code kind} ({@code NONE}: undelayed), scaled by {@code scale}.
     */
    static SimulationGraph graph(String id, DelayKind kind, boolean recurrent, double scale) {
        Setup s = setup(id);
        double w = s.scale();
        SimulationGraph.Builder b = SimulationGraph.builder().inputs("in", 3)
                .population("h", s.model(), 3, spread(s.init(), 3, 0))
                .population("out", s.model(), 2, spread(s.init(), 2, 0.07))
                .connectDense("in", "h", new double[][] {{w, 0.5 * w, -0.2 * w}, {-0.3 * w, w, 0.6 * w},
                    {0.7 * w, -0.25 * w, 0.9 * w}})
                .delays(kind, delays(kind, 3, 9, 0.1, scale))
                .connectMasked("h", "out", new double[][] {{0.8 * w, 0.4 * w}, {0.6 * w, 0}, {-0.3 * w, 0.9 * w}},
                        new boolean[][] {{true, true}, {true, false}, {true, true}})
                .delays(kind, delays(kind, 3, 5, 0.7, scale));
        if (recurrent) {
            b.connectMasked("h", "h", new double[][] {{0, 0.3 * w, 0}, {0, 0, -0.2 * w}, {0.25 * w, 0, 0}},
                    new boolean[][] {{false, true, false}, {false, false, true}, {true, false, false}})
                    .delays(kind, delays(kind, 3, 3, 1.2, scale));
        }
        return b.build();
    }

    static Task task(String id, DelayKind kind, boolean recurrent) {
        return task(id, graph(id, kind, recurrent, 1), kind + (recurrent ? "-recurrent" : ""));
    }

    /** The task of the network {@code g} of model {@code id}: output times of the two output neurons. */
    static Task task(String id, SimulationGraph g, String name) {
        Setup s = setup(id);
        TrialSettings trial = new TrialSettings(s.duration(), 100);
        InputSpikes in = InputSpikes.of(INPUT_TIMES, new int[] {0, 1, 2, 0});
        EventRecord rec = new EventSimulator(g).run(in, trial);
        int offset = g.populations().get(1).offset();
        boolean pseudo = s.model().hasPseudodynamics();
        int[] neurons = {offset, offset + 1};
        int[] counts = new int[2];
        double[][] targets = new double[2][];
        for (int r = 0; r < 2; r++) {
            // ordinary spikes, and (where the model has them) one pseudospike beyond them
            counts[r] = Math.max(1, rec.spikeCount(offset + r) + (pseudo ? 1 : 0));
            targets[r] = new double[counts[r]];
            for (int k = 0; k < counts[r]; k++) {
                targets[r][k] = 1 + 1.3 * k + 0.4 * r;
            }
        }
        ReadoutSpec readout = new ReadoutSpec(neurons, counts, PseudoSettings.DEFAULT);
        return new Task(id + "-" + name, g, trial, readout, List.of(in),
                new SpikeTimeSquaredError(targets));
    }

    static Stream<Arguments> cases() {
        return Stream.of("qif", "theta", "lif", "oscillatory-lif").flatMap(id -> Stream.of(DelayKind.PROJECTION,
                DelayKind.AXONAL, DelayKind.SYNAPSE).flatMap(k -> Stream.of(Arguments.of(id, k, false),
                Arguments.of(id, k, true))));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(String id, DelayKind kind, boolean recurrent) {
        Task task = task(id, kind, recurrent);
        GradientCheck.Result r = GradientCheck.run(task, GradientCheck.Options.ALL);
        System.out.println(r.summary());
        TrialGradient g = new TrialGradient(task.graph());
        new TrialEvaluator(task.graph(), task.trial(), task.readout()).lossAndGradient(task.inputs().get(0), 0,
                task.loss(), g);
        for (int j = 0; j < task.graph().projections().size(); j++) {
            assertTrue(Arrays.stream(g.delays(j)).anyMatch(d -> d != 0), "projection " + j + " has delay gradients");
        }
        assertTrue(r.skipped() * 10 <= r.checked() + r.skipped(), "few skipped: " + r.summary());
        assertTrue(r.worstRelative() <= 1e-6, r.summary());
    }
}
