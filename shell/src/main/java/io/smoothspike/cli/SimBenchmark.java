package io.smoothspike.cli;

import io.smoothspike.graph.Projection;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.paper.PaperTasks;
import io.smoothspike.sim.EventRecord;
import io.smoothspike.sim.EventSimulator;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.TrialSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Forward-simulation throughput of the event engine on the paper's network shapes; {@code mnist-theta-delays} is
 * {@code mnist-theta} (the same weights and inputs) with per-synapse delays U(0, T/4).
 */
final class SimBenchmark {

    /** A benchmark case: a graph, a trial, and a pool of inputs cycled through. */
    record Case(String name, SimulationGraph graph, TrialSettings trial, InputSpikes[] inputs) {
    }

    /** The names of the cases. */
    static final List<String> NAMES = List.of("mnist-theta", "mnist-theta-delays", "recurrent-qif");

    private SimBenchmark() {
    }

    static List<Case> cases(String only) {
        if (only != null && !NAMES.contains(only)) {
            throw new UsageException("unknown case '" + only + "'; known: " + NAMES);
        }
        return NAMES.stream().filter(n -> only == null || n.equals(only)).map(SimBenchmark::build).toList();
    }

    private static Case build(String name) {
        if (name.startsWith("mnist-theta")) {
            SplittableRandom rng = new SplittableRandom(7);
            InputSpikes[] inputs = new InputSpikes[256];
            for (int k = 0; k < inputs.length; k++) {
                inputs[k] = PaperTasks.randomBinaryImage(0.19, rng);
            }
            double maxDelay = name.endsWith("-delays") ? PaperTasks.MNIST_MAX_DELAY : 0;
            return new Case(name, PaperTasks.mnistTheta(PaperTasks.MNIST_ACTIVE_BIAS, 3, maxDelay),
                    PaperTasks.MNIST_TRIAL, inputs);
        }
        int n = 1000;
        InputSpikes[] inputs = new InputSpikes[16];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = PaperTasks.recurrentQifInput(n, 10, 100 + k);
        }
        return new Case(name, PaperTasks.recurrentQif(n, 0.1, 0.3, 5), new TrialSettings(10, 1_000_000), inputs);
    }

    static Map<String, Object> measure(Case c, double seconds, int threads) {
        // a trial's record depends only on its input: count once, outside the timed runs
        long[][] perInput = trialCounts(c);
        // counts: trials, events, synaptic events, network spikes
        long[] t = Throughput.measure(threads, seconds, 4, index -> {
            EventSimulator sim = new EventSimulator(c.graph());
            int[] next = {index};
            return counts -> {
                int input = next[0] % c.inputs().length;
                sim.run(c.inputs()[input], c.trial());
                next[0] += threads;
                counts[0]++;
                for (int k = 0; k < 3; k++) {
                    counts[k + 1] += perInput[input][k];
                }
            };
        });
        double elapsed = t[4] * 1e-9;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("case", c.name());
        row.put("synaptic_events_per_s", Math.round(t[2] / elapsed));
        row.put("events_per_s", Math.round(t[1] / elapsed));
        row.put("trials_per_s", Math.round(t[0] / elapsed * 10) / 10.0);
        row.put("network_spikes_per_trial", Math.round(t[3] / (double) t[0] * 100) / 100.0);
        if (c.name().startsWith("mnist-theta")) {
            row.put("hidden_spikes_per_neuron", Math.round(hiddenActivity(c) * 1000) / 1000.0);
        }
        row.put("synapses", c.graph().synapseCount());
        row.put("threads", threads);
        row.put("cores", Runtime.getRuntime().availableProcessors());
        row.put("seconds", Math.round(elapsed * 100) / 100.0);
        return row;
    }

    /** Per input: events, synaptic events and network spikes of its trial. */
    private static long[][] trialCounts(Case c) {
        EventSimulator sim = new EventSimulator(c.graph());
        long[][] counts = new long[c.inputs().length][];
        for (int k = 0; k < counts.length; k++) {
            EventRecord rec = sim.run(c.inputs()[k], c.trial());
            counts[k] = new long[] {rec.eventCount(), deliveries(c.graph(), rec), rec.spikeCount()};
        }
        return counts;
    }

    /** Number of synaptic events (deliveries) of a trial: the fan-out of every processed event. */
    static long deliveries(SimulationGraph g, EventRecord rec) {
        long n = 0;
        for (int k = 0; k < rec.eventCount(); k++) {
            if (rec.isInput(k)) {
                for (Projection p : g.fromInputs()) {
                    n += p.fanOut(rec.inputChannel(k));
                }
            } else {
                int neuron = rec.neuron(k);
                int pop = g.populationOf(neuron);
                int local = neuron - g.populations().get(pop).offset();
                for (Projection p : g.fromPopulation(pop)) {
                    n += p.fanOut(local);
                }
            }
        }
        return n;
    }

    /** Ordinary spikes per hidden neuron per trial, averaged over the input pool. */
    private static double hiddenActivity(Case c) {
        EventSimulator sim = new EventSimulator(c.graph());
        int hidden = c.graph().populations().get(0).size() + c.graph().populations().get(1).size();
        long spikes = 0;
        for (InputSpikes in : c.inputs()) {
            EventRecord rec = sim.run(in, c.trial());
            for (int n = 0; n < hidden; n++) {
                spikes += rec.spikeCount(n);
            }
        }
        return spikes / (double) hidden / c.inputs().length;
    }
}
