package io.smoothspike.cli;

import io.smoothspike.data.LabeledImages;
import io.smoothspike.data.Mnist;
import io.smoothspike.network.Network;
import io.smoothspike.sim.EventSimulator;
import io.smoothspike.sim.InputSpikes;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How training cost grows with the hidden width: {@link MnistBenchmark}'s measurement on the network 784-H-H-10 of
 * scripts/mnist.groovy (paper's settings, silent start) for several H, set beside the forward pass's synaptic events
 * per sample, so that the cost per synaptic event can be compared across widths.
 */
final class WidthBenchmark {

    /** The widths measured by default. */
    static final List<Integer> DEFAULT_HIDDEN = List.of(100, 200, 400, 800);

    private WidthBenchmark() {
    }

    /** Parses {@code --hidden}: comma-separated positive widths; null gives {@link #DEFAULT_HIDDEN}. */
    static List<Integer> parseHidden(String text) {
        if (text == null) {
            return DEFAULT_HIDDEN;
        }
        try {
            List<Integer> widths = Arrays.stream(text.split(",")).map(String::trim).map(Integer::valueOf).toList();
            if (widths.stream().allMatch(h -> h > 0)) {
                return widths;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--hidden needs positive integers separated by commas, e.g. 100,200, got '"
                + text + "'");
    }

    /**
     * Measures each width in {@code hidden} on {@code batches} batches of the MNIST training set in {@code dataDir}
     * (null: the default places) after the warm-up, on {@code threads} threads, handing each row to {@code print} as
     * soon as it is measured.
     */
    static void run(Path dataDir, List<Integer> hidden, int batches, int threads,
            Consumer<Map<String, Object>> print) {
        if (batches < 1) {
            throw new UsageException("--batches must be at least 1, got " + batches);
        }
        Mnist train = MnistBenchmark.load(dataDir, Mnist.Split.TRAIN);
        for (int h : hidden) {
            print.accept(measure(train, h, batches, threads));
        }
    }

    /**
     * One width's row: the training rate, the synaptic events per sample of the measured batches' forward passes
     * (simulated again, untimed, with the parameters each pass used) and their quotient.
     */
    static Map<String, Object> measure(LabeledImages train, int hidden, int batches, int threads) {
        Network net = MnistBenchmark.network(hidden, 1);
        long[] counted = new long[2]; // samples, synaptic events
        Map<String, Object> measured = MnistBenchmark.measure("width", net, train, batches, threads, batch -> {
            EventSimulator sim = new EventSimulator(net.graph());
            for (InputSpikes in : batch.inputs()) {
                counted[0]++;
                counted[1] += SimBenchmark.deliveries(net.graph(), sim.run(in, net.trial()));
            }
        });
        long samplesPerS = (Long) measured.get("samples_per_s");
        double events = Math.round(counted[1] * 10.0 / counted[0]) / 10.0;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("case", "width");
        row.put("hidden", hidden);
        row.put("samples_per_s", samplesPerS);
        row.put("synaptic_events_per_sample", events);
        row.put("ns_per_synaptic_event", Math.round(1e9 / (samplesPerS * events) * 100) / 100.0);
        row.putAll(measured);
        return row;
    }
}
