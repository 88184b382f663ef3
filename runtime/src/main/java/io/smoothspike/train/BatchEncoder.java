package io.smoothspike.train;

import io.smoothspike.data.DataSource;
import io.smoothspike.data.LabeledImages;
import io.smoothspike.loss.TrialTargets;
import io.smoothspike.network.Network;
import io.smoothspike.sim.InputSpikes;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * Encodes batches of a data set's trials (images or spike times, see {@link TrialSet}) into a network's input spikes
 * on parallel threads. The result does not depend on the number of threads: every trial is augmented with its own
 * stream {@link Augmentation#random}.
 */
public final class BatchEncoder {

    /** A batch: input spikes and targets (labels or target times) of each trial. */
    public record Batch(List<InputSpikes> inputs, TrialTargets targets) {

        /** The trials' labels (null for trials without them). */
        public int[] labels() {
            return targets.labels();
        }
    }

    private final Network net;
    private final TrialSet trials;
    private final Augmentation augmentation;
    private final long seed;
    private final int threads;

    /** Encodes {@code images} for {@code net} on {@code threads} threads; {@code augmentation} may be null. */
    public BatchEncoder(Network net, LabeledImages images, Augmentation augmentation, long seed, int threads) {
        this(net, new TrialSet.Images(images), augmentation, seed, threads);
    }

    /**
     * Encodes {@code trials} for {@code net} on {@code threads} threads; {@code augmentation} (of images, may be
     * null) is ignored for a {@link DataSource}, which augments itself.
     */
    public BatchEncoder(Network net, TrialSet trials, Augmentation augmentation, long seed, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.net = net;
        this.trials = trials;
        this.augmentation = augmentation;
        this.seed = seed;
        this.threads = threads;
    }

    /**
     * {@link #encode} on a background thread: a trainer encodes the next batch while it applies the current step, so
     * that a core otherwise idle does it. {@link #await} returns the batch.
     */
    public CompletableFuture<Batch> encodeAsync(IntUnaryOperator sample, int from, int to, long step) {
        return CompletableFuture.supplyAsync(() -> encode(sample, from, to, step));
    }

    /** The batch of {@link #encodeAsync}, waiting for it; an exception of the encoding is rethrown as it is. */
    public static Batch await(CompletableFuture<Batch> batch) {
        try {
            return batch.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * Trials {@code from … to−1} of optimizer step {@code step}: trial k shows sample {@code sample(k)}, augmented
     * with {@link Augmentation#random Augmentation.random(seed, step, k − from)}.
     */
    public Batch encode(IntUnaryOperator sample, int from, int to, long step) {
        int n = to - from;
        InputSpikes[] inputs = new InputSpikes[n];
        boolean timing = trials.hasTargetTimes();
        int[] labels = timing ? null : new int[n];
        double[][] times = timing ? new double[n][] : null;
        AtomicInteger next = new AtomicInteger();
        Workers.run(Math.min(threads, n), "encoding", worker -> {
            TrialSet.Reader reader = trials.reader(net, augmentation, seed); // one per worker: it keeps buffers
            for (int j = next.getAndIncrement(); j < n; j = next.getAndIncrement()) {
                int i = sample.applyAsInt(from + j);
                inputs[j] = reader.input(i, from + j, step, j);
                if (timing) {
                    times[j] = targetTimes(i);
                } else {
                    labels[j] = trials.label(i);
                }
            }
        });
        return new Batch(List.of(inputs), timing ? TrialTargets.ofTimes(times) : TrialTargets.ofLabels(labels));
    }

    /** Trial i's target times, one per read-out neuron. */
    private double[] targetTimes(int i) {
        double[] t = trials.targetTimes(i);
        int readout = net.readout().neurons().length;
        if (t == null || t.length != readout) {
            throw new IllegalArgumentException("data source trial " + i + " gives " + (t == null ? "no" : t.length)
                    + " target times, the network's read-out has " + readout + " neurons; give one target time per "
                    + "read-out neuron");
        }
        return t;
    }
}
