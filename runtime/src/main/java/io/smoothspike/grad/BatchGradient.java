package io.smoothspike.grad;

import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.loss.Loss;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.TrialGradient;
import io.smoothspike.sim.TrialSettings;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loss and gradient averaged over a batch of trials, evaluated in parallel threads.
 *
 * <p>The result is bit-identical for any number of threads: the batch is cut into at most {@value #CHUNKS} chunks
 * whose boundaries depend only on the batch size ({@link #chunkStart}); each chunk sums its trials in order, and the
 * chunk sums are added in chunk order, each entry of the gradient on its own. Threads only decide which chunk, and
 * which range of entries of the sum, is computed where.
 */
public final class BatchGradient implements AutoCloseable {

    /** Number of partial sums a batch is reduced through. */
    public static final int CHUNKS = 32;
    /** Gradient entries per range of the parallel chunk sum (32 KiB of doubles). */
    private static final int RANGE = 4096;

    private final SimulationGraph graph;
    private final int threads;
    private final ExecutorService pool;
    private final ThreadLocal<TrialEvaluator> evaluators;
    private final TrialGradient[] chunkGradients = new TrialGradient[CHUNKS];
    private final double[] chunkLoss = new double[CHUNKS];

    /** A batch evaluator with {@code threads ≥ 1} worker threads. */
    public BatchGradient(SimulationGraph graph, TrialSettings trial, ReadoutSpec spec, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.graph = graph;
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "smoothspike-batch");
            t.setDaemon(true);
            return t;
        });
        this.evaluators = ThreadLocal.withInitial(() -> {
            TrialEvaluator ev = new TrialEvaluator(graph, trial, spec);
            ev.setInputTimeGradients(false);
            return ev;
        });
        for (int c = 0; c < CHUNKS; c++) {
            chunkGradients[c] = new TrialGradient(graph);
        }
    }

    /**
     * Mean loss over the trials {@code inputs[k]} (sample ids {@code samples[k]}, passed to the loss), and the mean
     * gradient of weights, initial states and constants written into {@code mean}.
     */
    public double lossAndGradient(List<InputSpikes> inputs, int[] samples, Loss loss, TrialGradient mean) {
        int n = inputs.size();
        if (n == 0 || samples.length != n) {
            throw new IllegalArgumentException("a batch needs at least one trial and one sample id per trial; got "
                    + n + " trials and " + samples.length + " ids");
        }
        int chunks = Math.min(CHUNKS, n);
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            TrialEvaluator ev = evaluators.get();
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                int from = chunkStart(c, chunks, n);
                int to = chunkStart(c + 1, chunks, n);
                TrialGradient acc = chunkGradients[c];
                acc.clear();
                double sum = 0;
                for (int k = from; k < to; k++) {
                    sum += ev.accumulate(inputs.get(k), samples[k], loss, acc);
                }
                chunkLoss[c] = sum;
            }
        };
        runOnPool(chunks, work);
        mean.clear();
        int ranges = (mean.size() + RANGE - 1) / RANGE;
        AtomicInteger nextRange = new AtomicInteger();
        runOnPool(ranges, () -> {
            for (int r = nextRange.getAndIncrement(); r < ranges; r = nextRange.getAndIncrement()) {
                int to = Math.min(mean.size(), (r + 1) * RANGE);
                for (int c = 0; c < chunks; c++) {
                    mean.add(chunkGradients[c], 1.0 / n, r * RANGE, to);
                }
            }
        });
        double total = 0;
        for (int c = 0; c < chunks; c++) {
            total += chunkLoss[c];
        }
        return total / n;
    }

    /**
     * First trial of chunk c of {@code chunks} over n trials. The last quarter of the chunks are half as large as the
     * others: threads take chunks in order, so a thread that finishes early waits at most for a small chunk.
     */
    static int chunkStart(int c, int chunks, int n) {
        int large = chunks - chunks / 4;
        long weight = 2L * Math.min(c, large) + Math.max(0, c - large);
        long total = 2L * large + (chunks - large);
        return (int) (weight * n / total);
    }

    /** Runs {@code work} on min(threads, tasks) pool threads, waits for them and rethrows the first failure. */
    private void runOnPool(int tasks, Runnable work) {
        Future<?>[] futures = new Future<?>[Math.min(threads, tasks)];
        for (int w = 0; w < futures.length; w++) {
            futures[w] = pool.submit(work);
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("batch evaluation interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    public SimulationGraph graph() {
        return graph;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
