package io.smoothspike.cli;

import io.smoothspike.graph.Projection;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.sim.EventRecord;
import io.smoothspike.sim.EventSimulator;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.TrialSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Forward-simulation throughput of the event engine on the paper's network shapes. */
final class SimBenchmark {

    /** Mean offset of the MNIST-shaped benchmark weights that makes the hidden layers active. */
    static final double ACTIVE_BIAS = 0.135;

    /** A benchmark case: a graph, a trial, and a pool of inputs cycled through. */
    record Case(String name, SimulationGraph graph, TrialSettings trial, InputSpikes[] inputs) {
    }

    private SimBenchmark() {
    }

    static List<Case> cases(String only) {
        List<String> names = List.of("mnist-theta", "recurrent-qif");
        if (only != null && !names.contains(only)) {
            throw new UsageException("unknown case '" + only + "'; known: " + names);
        }
        return names.stream().filter(n -> only == null || n.equals(only)).map(SimBenchmark::build).toList();
    }

    private static Case build(String name) {
        if (name.equals("mnist-theta")) {
            SplittableRandom rng = new SplittableRandom(7);
            InputSpikes[] inputs = new InputSpikes[256];
            for (int k = 0; k < inputs.length; k++) {
                inputs[k] = BuiltInNetworks.randomBinaryImage(0.19, rng);
            }
            return new Case(name, BuiltInNetworks.mnistTheta(ACTIVE_BIAS, 3), BuiltInNetworks.MNIST_TRIAL, inputs);
        }
        int n = 1000;
        InputSpikes[] inputs = new InputSpikes[16];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = BuiltInNetworks.recurrentQifInput(n, 10, 100 + k);
        }
        return new Case(name, BuiltInNetworks.recurrentQif(n, 0.1, 0.3, 5), new TrialSettings(10, 1_000_000), inputs);
    }

    static Map<String, Object> measure(Case c, double seconds, int threads) {
        run(c, seconds / 2, threads, new long[4]);
        long[] totals = new long[4];
        long start = System.nanoTime();
        run(c, seconds, threads, totals);
        double elapsed = (System.nanoTime() - start) * 1e-9;
        long trials = totals[0];
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("case", c.name());
        row.put("synaptic_events_per_s", Math.round(totals[2] / elapsed));
        row.put("events_per_s", Math.round(totals[1] / elapsed));
        row.put("trials_per_s", Math.round(trials / elapsed * 10) / 10.0);
        row.put("network_spikes_per_trial", Math.round(totals[3] / (double) trials * 100) / 100.0);
        if (c.name().equals("mnist-theta")) {
            row.put("hidden_spikes_per_neuron", Math.round(hiddenActivity(c) * 1000) / 1000.0);
        }
        row.put("synapses", c.graph().synapseCount());
        row.put("threads", threads);
        row.put("cores", Runtime.getRuntime().availableProcessors());
        row.put("seconds", Math.round(elapsed * 100) / 100.0);
        return row;
    }

    /** Runs trials on {@code threads} threads for {@code seconds}; adds trials, events, deliveries, spikes. */
    private static void run(Case c, double seconds, int threads, long[] totals) {
        AtomicLong[] sums = {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()};
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        Thread[] workers = new Thread[threads];
        for (int w = 0; w < threads; w++) {
            final int offset = w;
            workers[w] = new Thread(() -> {
                EventSimulator sim = new EventSimulator(c.graph());
                long trials = 0;
                long events = 0;
                long deliveries = 0;
                long spikes = 0;
                int k = offset;
                while (System.nanoTime() < deadline) {
                    EventRecord rec = sim.run(c.inputs()[k % c.inputs().length], c.trial());
                    k += threads;
                    trials++;
                    events += rec.eventCount();
                    spikes += rec.spikeCount();
                    deliveries += deliveries(c.graph(), rec);
                }
                sums[0].addAndGet(trials);
                sums[1].addAndGet(events);
                sums[2].addAndGet(deliveries);
                sums[3].addAndGet(spikes);
            });
            workers[w].start();
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("benchmark interrupted", e);
            }
        }
        for (int k = 0; k < 4; k++) {
            totals[k] += sums[k].get();
        }
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
