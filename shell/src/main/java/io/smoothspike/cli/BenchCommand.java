package io.smoothspike.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smoothspike.data.YinYang;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code smoothspike bench <suite>}: throughput benchmarks printing one JSON line per case. */
final class BenchCommand {

    private static final String HELP = """
            Usage: smoothspike bench sim|grad [--case NAME] [--seconds S] [--threads N]
                   smoothspike bench mnist [--batches N] [--train-epochs E] [--threads N] [--data DIR]
                   smoothspike bench yinyang [--epochs E] [--samples N] [--threads N]
                   smoothspike bench width [--hidden H,H,...] [--batches N] [--threads N] [--data DIR]

            Suites:
              sim    event engine, forward simulation only. Cases:
                       mnist-theta    784-100-100-10 theta network, random binary 28x28 inputs,
                                      hidden layers active (about 0.4 spikes per hidden neuron)
                       mnist-theta-delays  the same with per-synapse delays uniform in [0, T/4]
                       recurrent-qif  1000 QIF neurons, 10% connectivity, Poisson drive
              grad   one trial's forward pass versus forward + backward (loss and exact gradient),
                     backward_cost_ratio = forward rate / forward-backward rate. Cases:
                       mnist-theta-silent, mnist-theta-active  the MNIST network, paper (silent) and
                                      active initialisation, random binary images, cross-entropy
                       mnist-theta-active-delays  the active one with per-synapse delays in [0, T/4]
                       recurrent-qif  the network of 'sim', first spikes of 10 neurons read out
                       temporal-qif   the scale of temporal event data: 700 Poisson input channels
                                      (about 2800 input spikes per trial, T = 4), 256 recurrent QIF
                                      neurons, 20 QIF read-out neurons; forward + backward rate =
                                      training trials per second and thread
              mnist  training throughput on real MNIST: forward + backward + AdaBelief step, batch 1000,
                     cases "silent" (paper initialisation) and "trained" (after --train-epochs, default 1);
                     10 warm-up batches (no updates), then --batches (default 30) measured;
                     needs './smoothspike data mnist' first
              yinyang training throughput on the Yin-Yang training split with the network and settings of
                     scripts/yinyang.groovy (case "theta-60"): the trainer's own steps, batch 30; the last of
                     --epochs epochs is measured, the ones before warm up (evaluation after each is not timed)
              width  cost against hidden width: the mnist measurement (silent case) on 784-H-H-10 for each H
                     (spike cap 2H, as scripts/mnist.groovy), beside the forward pass's synaptic events per
                     sample (as 'sim' counts them, on the first measured batch) and the training time per
                     synaptic event, ns_per_synaptic_event = 1e9 / (samples_per_s * synaptic_events_per_sample);
                     needs './smoothspike data mnist' first
            Options of sim and grad:
              --case NAME         run only this case (default: all cases of the suite)
              --seconds S         measuring time per case after a warm-up of S/2 (default 5)
              --threads N         simulating threads, one simulator each (default 1)
            Options of mnist:
              --batches N         measured batches per case (default 30)
              --train-epochs E    epochs trained before the "trained" case (default 1)
              --threads N         simulating threads (default: all cores)
              --data DIR          folder with the MNIST files (default: SMOOTHSPIKE_DATA or the user cache)
            Options of yinyang:
              --epochs E          epochs trained, the last one measured (default 3)
              --samples N         training samples per epoch, the first N of the split (default 5000)
              --threads N         simulating threads (default: all cores)
            Options of width:
              --hidden H,H,...    hidden widths (default 100,200,400,800)
              --batches N         measured batches per width, after 10 warm-up batches (default 3)
              --threads N         simulating threads (default: all cores)
              --data DIR          folder with the MNIST files (default: SMOOTHSPIKE_DATA or the user cache)
            Prints one JSON line per case.
            """;

    /** The options taking a value, per suite. */
    static final Map<String, Set<String>> OPTIONS = Map.of(
            "sim", Set.of("case", "seconds", "threads"),
            "grad", Set.of("case", "seconds", "threads"),
            "mnist", Set.of("batches", "train-epochs", "threads", "data"),
            "yinyang", Set.of("epochs", "samples", "threads"),
            "width", Set.of("hidden", "batches", "threads", "data"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchCommand() {
    }

    static int run(String[] args, PrintStream out) {
        if (args.length == 0 || args[0].startsWith("-")) {
            if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
                out.print(HELP);
                return 0;
            }
            throw new UsageException("name a suite, e.g. 'smoothspike bench sim' (see 'smoothspike bench --help')");
        }
        String suite = args[0];
        if (!OPTIONS.containsKey(suite)) {
            throw new UsageException("unknown benchmark suite '" + suite + "'; known: " + String.join(", ",
                    new java.util.TreeSet<>(OPTIONS.keySet())));
        }
        Options o = Options.parse(java.util.Arrays.copyOfRange(args, 1, args.length), OPTIONS.get(suite));
        if (o.help()) {
            out.print(HELP);
            return 0;
        }
        double seconds = o.doubleValue("seconds", 5);
        int threads = o.intValue("threads", suite.equals("sim") || suite.equals("grad")
                ? 1 : Runtime.getRuntime().availableProcessors());
        if (!(seconds > 0) || threads < 1) {
            throw new UsageException("--seconds must be positive and --threads at least 1");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        switch (suite) {
            case "sim" -> {
                for (SimBenchmark.Case c : SimBenchmark.cases(o.value("case", null))) {
                    rows.add(SimBenchmark.measure(c, seconds, threads));
                    print(out, rows.get(rows.size() - 1));
                }
            }
            case "grad" -> {
                String only = o.value("case", null);
                List<String> names = only == null ? GradBenchmark.names() : List.of(only);
                for (String name : names) {
                    rows.add(GradBenchmark.measure(name, seconds, threads));
                    print(out, rows.get(rows.size() - 1));
                }
            }
            case "mnist" -> {
                String data = o.value("data", null);
                rows.addAll(MnistBenchmark.run(data == null ? null : java.nio.file.Path.of(data),
                        o.intValue("batches", 30), o.intValue("train-epochs", 1), threads, row -> print(out, row)));
            }
            case "yinyang" -> {
                int samples = o.intValue("samples", YinYang.Split.TRAIN.size());
                rows.add(YinYangBenchmark.run(o.intValue("epochs", 3), samples, threads));
                print(out, rows.get(0));
            }
            case "width" -> {
                List<Integer> hidden = WidthBenchmark.parseHidden(o.value("hidden", null));
                int batches = o.intValue("batches", 3);
                String data = o.value("data", null);
                WidthBenchmark.run(data == null ? null : java.nio.file.Path.of(data), hidden, batches, threads,
                        row -> print(out, row));
            }
            default -> throw new IllegalStateException("suite '" + suite + "' has options but no benchmark");
        }
        return 0;
    }

    private static void print(PrintStream out, Map<String, Object> row) {
        try {
            out.println(JSON.writeValueAsString(row));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
