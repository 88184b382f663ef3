package io.smoothspike.cli;

import io.smoothspike.data.LabeledImages;
import io.smoothspike.data.Mnist;
import io.smoothspike.dsl.Snn;
import io.smoothspike.network.Evaluation;
import io.smoothspike.network.Network;
import io.smoothspike.optim.Optimizer;
import io.smoothspike.optim.Optimizers;
import io.smoothspike.train.BatchEncoder;
import io.smoothspike.train.Trainer;
import io.smoothspike.train.TrainingData;
import io.smoothspike.train.TrainingSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Training throughput on real MNIST (docs/experiments.md §4): forward + backward + AdaBelief step on batches of 1000 in
 * the paper's silent initial state and after a short training ("trained").
 */
final class MnistBenchmark {

    /** Batches evaluated before the measurement, without parameter updates, to warm up the JIT. */
    static final int WARM_UP_BATCHES = 10;

    /** Neurons per hidden layer in the paper's network (784-100-100-10). */
    static final int PAPER_HIDDEN = 100;

    private MnistBenchmark() {
    }

    /**
     * The network of scripts/mnist.groovy with the paper's settings and {@code hidden} neurons per hidden layer
     * (784-hidden-hidden-10); as there, the spike cap is 2 per hidden neuron.
     */
    static Network network(int hidden, long seed) {
        var theta = Snn.theta(6 / Math.PI, 1.25);
        return Snn.network("mnist").trial(2, 2 * hidden)
                .input("pixels", 784).image(1)
                .population("h1", hidden, theta).phase0(3).trainInitial()
                .population("h2", hidden, theta).phase0(3).trainInitial()
                .population("out", 10, theta).phase0(3).trainInitial()
                .connect("pixels", "h1").weights(Snn.fanInUniform(0.5, seed))
                .connect("h1", "h2").weights(Snn.fanInUniform(0.5, seed + 1))
                .connect("h2", "out").weights(Snn.fanInUniform(0.5, seed + 2))
                .readout("out")
                .loss(Snn.crossEntropy(0.01))
                .compile();
    }

    static List<Map<String, Object>> run(Path dataDir, int batches, int trainEpochs, int threads,
            Consumer<Map<String, Object>> print) {
        Mnist train = load(dataDir, Mnist.Split.TRAIN);
        Mnist test = load(dataDir, Mnist.Split.TEST);
        List<Map<String, Object>> rows = new ArrayList<>();
        Network net = network(PAPER_HIDDEN, 1);
        rows.add(measure("silent", net, train, batches, threads, null));
        print.accept(rows.get(0));
        Path tmp;
        try {
            tmp = Files.createTempDirectory("smoothspike-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Trainer.train(net, new TrainingSettings().epochs(trainEpochs).batchSize(1000).optimizer("adabelief")
                    .learningRate(4e-3).pixelFlip(0.02).threads(threads).testLimit(1000),
                    new TrainingData(train, test), tmp, null, null);
        } finally {
            deleteTree(tmp);
        }
        Map<String, Object> trained = measure("trained", net, train, batches, threads, null);
        trained.put("trained_epochs", trainEpochs);
        rows.add(trained);
        print.accept(trained);
        return rows;
    }

    /** One split of MNIST from {@code dataDir} (null: {@link Mnist#locate}'s default places). */
    static Mnist load(Path dataDir, Mnist.Split split) {
        try {
            return Mnist.load(Mnist.locate(dataDir), split);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the training's scratch folder (checkpoint and metrics), deepest entries first. */
    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the benchmark's scratch folder " + dir, e);
        }
    }

    /** Batch b: training images 1000b … 1000b + 999 (wrapping around the set), encoded on a background thread. */
    private static CompletableFuture<BatchEncoder.Batch> encode(BatchEncoder encoder, LabeledImages train, int b) {
        return encoder.encodeAsync(k -> k % train.size(), b * 1000, b * 1000 + 1000, b);
    }

    /**
     * Trains {@code net} on {@link #WARM_UP_BATCHES} + {@code batches} batches of {@code train} (the warm-up ones
     * without updates) and returns the case's row: the measured batches' rate and the peak heap. {@code inspect}
     * (may be null) sees each measured batch after its forward and backward pass, before its step, with the
     * parameters that pass used; its time is not measured.
     */
    static Map<String, Object> measure(String name, Network net, LabeledImages train, int batches, int threads,
            Consumer<BatchEncoder.Batch> inspect) {
        List<String> names = net.trainableParameterNames();
        int size = names.stream().mapToInt(net::parameterLength).sum();
        Optimizer opt = Optimizers.create("adabelief", size, Map.of());
        double[] params = new double[size];
        double[] grad = new double[size];
        BatchEncoder encoder = new BatchEncoder(net, train, null, 0, threads);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long start = 0;
        int samples = 0;
        CompletableFuture<BatchEncoder.Batch> next = encode(encoder, train, 0);
        for (int b = 0; b < WARM_UP_BATCHES + batches; b++) {
            boolean warmUp = b < WARM_UP_BATCHES;
            if (b == WARM_UP_BATCHES) {
                start = System.nanoTime();
                samples = 0;
            }
            BatchEncoder.Batch batch = BatchEncoder.await(next);
            Evaluation ev = net.lossAndGradient(batch.inputs(), batch.labels(), threads);
            if (!warmUp && inspect != null) {
                long paused = System.nanoTime(); // nothing runs beside it: the next batch is not being encoded yet
                inspect.accept(batch);
                start += System.nanoTime() - paused;
            }
            // as the trainer does: the next batch is encoded while this one's step is applied
            next = encode(encoder, train, b + 1);
            if (warmUp) {
                continue; // the JIT warms up on the case's own state, which only the measured batches change
            }
            int off = 0;
            for (String n : names) {
                double[] v = net.parameter(n);
                System.arraycopy(v, 0, params, off, v.length);
                System.arraycopy(ev.gradient().get(n), 0, grad, off, v.length);
                off += v.length;
            }
            opt.step(params, grad, 4e-3);
            off = 0;
            for (String n : names) {
                int len = net.parameterLength(n);
                net.setParameter(n, java.util.Arrays.copyOfRange(params, off, off + len));
                off += len;
            }
            samples += batch.inputs().size();
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        BatchEncoder.await(next); // the batch after the last one: not measured, but not left running either
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("case", name);
        row.put("samples_per_s", Math.round(samples / seconds));
        row.put("seconds_per_60000", Math.round(60000 / (samples / seconds) * 100) / 100.0);
        row.put("peak_heap_mb", Math.round(peak / 1048576.0));
        row.put("max_heap_mb", Math.round(Runtime.getRuntime().maxMemory() / 1048576.0));
        row.put("batch", 1000);
        row.put("batches", batches);
        row.put("threads", threads);
        row.put("cores", Runtime.getRuntime().availableProcessors());
        return row;
    }
}
