package io.smoothspike.cli;

import io.smoothspike.grad.PseudoSettings;
import io.smoothspike.grad.ReadoutSpec;
import io.smoothspike.grad.Task;
import io.smoothspike.grad.TrialEvaluator;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.data.PoissonTrains;
import io.smoothspike.loss.SpikeTimeSquaredError;
import io.smoothspike.model.Qif;
import io.smoothspike.paper.PaperTasks;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.TrialGradient;
import io.smoothspike.sim.TrialSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forward versus forward + backward throughput of single trials: forward = event pass, output times with
 * pseudospikes and loss; forward + backward = the same with recording, then the exact gradient.
 * {@code mnist-theta-active-delays} is {@code mnist-theta-active} with per-synapse delays U(0, T/4).
 */
final class GradBenchmark {

    private GradBenchmark() {
    }

    static List<String> names() {
        return List.of("mnist-theta-silent", "mnist-theta-active", "mnist-theta-active-delays", "recurrent-qif",
                "temporal-qif");
    }

    static Task task(String name) {
        return switch (name) {
            case "mnist-theta-silent" -> PaperTasks.mnistLike(0, 256, 7);
            case "mnist-theta-active" -> PaperTasks.mnistLike(PaperTasks.MNIST_ACTIVE_BIAS, 256, 7);
            case "mnist-theta-active-delays" -> PaperTasks.mnistLike(PaperTasks.MNIST_ACTIVE_BIAS, 256, 7,
                    PaperTasks.MNIST_MAX_DELAY);
            case "recurrent-qif" -> recurrentTask();
            case "temporal-qif" -> temporalTask();
            default -> throw new UsageException("unknown case '" + name + "'; known: " + names());
        };
    }

    /** The 1000-neuron recurrent QIF network of {@code bench sim}, first spikes of 10 neurons read out. */
    private static Task recurrentTask() {
        int n = 1000;
        SimulationGraph g = PaperTasks.recurrentQif(n, 0.1, 0.3, 5);
        List<InputSpikes> inputs = new ArrayList<>();
        for (int k = 0; k < 16; k++) {
            inputs.add(PaperTasks.recurrentQifInput(n, 10, 100 + k));
        }
        int[] neurons = new int[10];
        int[] counts = new int[10];
        double[][] targets = new double[10][1];
        for (int r = 0; r < 10; r++) {
            neurons[r] = r;
            counts[r] = 1;
            targets[r][0] = 1 + 0.5 * r;
        }
        return new Task("recurrent-qif", g, new TrialSettings(10, 1_000_000),
                new ReadoutSpec(neurons, counts, PseudoSettings.DEFAULT), inputs, new SpikeTimeSquaredError(targets));
    }

    /** Input channels, recurrent neurons, read-out neurons and trial duration of {@code temporal-qif}. */
    static final int TEMPORAL_INPUTS = 700;
    static final int TEMPORAL_NEURONS = 256;
    static final int TEMPORAL_READOUT = 20;
    static final double TEMPORAL_DURATION = 4;

    /**
     * A recurrent QIF network at the scale of temporal event data (the layout of the Spiking Heidelberg Digits):
     * 700 input channels with Poisson spikes of rate 1 over T = 4 (about 2 800 input spikes per trial), all-to-all
     * into 256 recurrent QIF neurons (weights N(0, 8²/700), recurrent N(0, 2²/256); about 260 recurrent spikes per
     * trial), all-to-all into 20 read-out QIF neurons (N(0, 6²/256)) whose first spikes are trained towards targets.
     */
    private static Task temporalTask() {
        java.util.Random rng = new java.util.Random(11);
        SimulationGraph g = SimulationGraph.builder()
                .inputs("channels", TEMPORAL_INPUTS)
                .population("rnn", new Qif(1), TEMPORAL_NEURONS)
                .population("out", new Qif(1), TEMPORAL_READOUT)
                .connectDense("channels", "rnn", gaussian(rng, TEMPORAL_INPUTS, TEMPORAL_NEURONS, INPUT_SCALE))
                .connectDense("rnn", "rnn", gaussian(rng, TEMPORAL_NEURONS, TEMPORAL_NEURONS, RECURRENT_SCALE))
                .connectDense("rnn", "out", gaussian(rng, TEMPORAL_NEURONS, TEMPORAL_READOUT, READOUT_SCALE))
                .build();
        List<InputSpikes> inputs = new ArrayList<>();
        for (int k = 0; k < 16; k++) {
            inputs.add(PoissonTrains.inputs(TEMPORAL_INPUTS, 1, TEMPORAL_DURATION, 200 + k));
        }
        int[] neurons = new int[TEMPORAL_READOUT];
        int[] counts = new int[TEMPORAL_READOUT];
        double[][] targets = new double[TEMPORAL_READOUT][1];
        for (int r = 0; r < TEMPORAL_READOUT; r++) {
            neurons[r] = TEMPORAL_NEURONS + r;
            counts[r] = 1;
            targets[r][0] = 1 + 0.1 * r;
        }
        return new Task("temporal-qif", g, new TrialSettings(TEMPORAL_DURATION, 100_000),
                new ReadoutSpec(neurons, counts, PseudoSettings.DEFAULT), inputs, new SpikeTimeSquaredError(targets));
    }

    /** Weight scales of {@code temporal-qif}: about one spike per recurrent neuron and trial, some read-out spikes. */
    private static final double INPUT_SCALE = 8;
    private static final double RECURRENT_SCALE = 2;
    private static final double READOUT_SCALE = 6;

    /** A pre × post matrix of N(0, scale²/pre) entries. */
    private static double[][] gaussian(java.util.Random rng, int pre, int post, double scale) {
        double[][] w = new double[pre][post];
        double sd = scale / Math.sqrt(pre);
        for (double[] row : w) {
            for (int j = 0; j < post; j++) {
                row[j] = sd * rng.nextGaussian();
            }
        }
        return w;
    }

    static Map<String, Object> measure(String name, double seconds, int threads) {
        Task task = task(name);
        List<InputSpikes> in = task.inputs();
        long[] forward = Throughput.measure(threads, seconds, 1, index -> {
            TrialEvaluator ev = new TrialEvaluator(task.graph(), task.trial(), task.readout());
            int[] next = {index};
            return counts -> {
                int k = next[0] % in.size();
                ev.loss(in.get(k), k, task.loss());
                next[0] += threads;
                counts[0]++;
            };
        });
        long[] both = Throughput.measure(threads, seconds, 1, index -> {
            TrialEvaluator ev = new TrialEvaluator(task.graph(), task.trial(), task.readout());
            TrialGradient grad = new TrialGradient(task.graph());
            int[] next = {index};
            return counts -> {
                int k = next[0] % in.size();
                ev.lossAndGradient(in.get(k), k, task.loss(), grad);
                next[0] += threads;
                counts[0]++;
            };
        });
        double f = forward[0] / (forward[1] * 1e-9);
        double fb = both[0] / (both[1] * 1e-9);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("case", name);
        row.put("forward_trials_per_s", Math.round(f * 10) / 10.0);
        row.put("forward_backward_trials_per_s", Math.round(fb * 10) / 10.0);
        row.put("backward_cost_ratio", Math.round(f / fb * 100) / 100.0);
        row.put("threads", threads);
        row.put("cores", Runtime.getRuntime().availableProcessors());
        return row;
    }
}
