package io.smoothspike.cli;

import io.smoothspike.grad.PseudoSettings;
import io.smoothspike.grad.ReadoutSpec;
import io.smoothspike.grad.Task;
import io.smoothspike.grad.TrialEvaluator;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.loss.SpikeTimeSquaredError;
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
        return List.of("mnist-theta-silent", "mnist-theta-active", "mnist-theta-active-delays", "recurrent-qif");
    }

    static Task task(String name) {
        return switch (name) {
            case "mnist-theta-silent" -> PaperTasks.mnistLike(0, 256, 7);
            case "mnist-theta-active" -> PaperTasks.mnistLike(PaperTasks.MNIST_ACTIVE_BIAS, 256, 7);
            case "mnist-theta-active-delays" -> PaperTasks.mnistLike(PaperTasks.MNIST_ACTIVE_BIAS, 256, 7,
                    PaperTasks.MNIST_MAX_DELAY);
            case "recurrent-qif" -> recurrentTask();
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
