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
import java.util.function.BooleanSupplier;

/**
 * Loss and gradient averaged over a batch of trials, evaluated in parallel threads.
 *
 * <p>The result is bit-identical for any number of threads: the batch is cut into at most {@value #CHUNKS} chunks
 * whose boundaries depend only on the batch size ({@link #chunkStart}); each chunk sums its trials in order, and the
 * chunk sums are added in chunk order, each entry of the gradient on its own. Threads only decide which chunk, and
 * which range of entries of the sum, is computed where: the mean is 0 + (1/n)·(chunk 0 sum) + (1/n)·(chunk 1 sum) + …
 * added in this order, the loss (0 + chunk 0 loss sum + chunk 1 loss sum + …)/n. {@link #sumChunk} computes one
 * chunk sum on its own, for a batch spread over machines. The chunk sums are zero between calls: the reduction clears
 * each range it has read (while it is in cache), and a failed call clears them all.
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
    /** Set when a worker failed or the caller was interrupted: the other workers stop at their next trial or range. */
    private volatile boolean cancelled;

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
        this.evaluators = ThreadLocal.withInitial(() -> chunkEvaluator(graph, trial, spec));
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
        int chunks = chunkCount(n);
        try {
            sumChunks(inputs, samples, loss, chunks);
            reduceChunks(chunks, n, mean);
        } catch (RuntimeException | Error e) {
            for (TrialGradient g : chunkGradients) {
                g.clear();
            }
            throw e;
        }
        double total = 0;
        for (int c = 0; c < chunks; c++) {
            total += chunkLoss[c];
        }
        return total / n;
    }

    /** Sums the trials of each chunk into its (zero) chunk gradient, chunks taken in order by the pool's threads. */
    private void sumChunks(List<InputSpikes> inputs, int[] samples, Loss loss, int chunks) {
        int n = inputs.size();
        AtomicInteger next = new AtomicInteger();
        runOnPool(chunks, () -> {
            TrialEvaluator ev = evaluators.get();
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                chunkLoss[c] = sumChunk(ev, inputs, samples, loss, chunkStart(c, chunks, n),
                        chunkStart(c + 1, chunks, n), chunkGradients[c], () -> cancelled);
            }
        });
    }

    /**
     * A trial evaluator as the chunk sums need it: no input-time gradients, and a chunk's input-layer weight gradients
     * held back and added pixel by pixel at its end.
     */
    public static TrialEvaluator chunkEvaluator(SimulationGraph graph, TrialSettings trial, ReadoutSpec spec) {
        TrialEvaluator ev = new TrialEvaluator(graph, trial, spec);
        ev.setInputTimeGradients(false);
        ev.setHeldBackInputRows(true);
        return ev;
    }

    /**
     * Sums the gradients of trials {@code from … to−1} (sample ids {@code samples[k]}) in order into {@code acc}
     * (zero), input rows added at the end, and returns the sum of their losses; stops early when {@code stop} says
     * so. With {@code ev} from {@link #chunkEvaluator}, this is one chunk sum of {@link #lossAndGradient}, bit for
     * bit, wherever it runs.
     */
    public static double sumChunk(TrialEvaluator ev, List<InputSpikes> inputs, int[] samples, Loss loss, int from,
            int to, TrialGradient acc, BooleanSupplier stop) {
        ev.discardInputRows(); // left over if this evaluator's last chunk failed
        double sum = 0;
        for (int k = from; k < to && !stop.getAsBoolean(); k++) {
            sum += ev.accumulate(inputs.get(k), samples[k], loss, acc);
        }
        ev.flushInputRows();
        return sum;
    }

    /** {@code mean} = (chunk sums in chunk order)/n, by ranges of entries on the pool's threads; clears the chunks. */
    private void reduceChunks(int chunks, int n, TrialGradient mean) {
        mean.clear();
        int ranges = (mean.size() + RANGE - 1) / RANGE;
        AtomicInteger nextRange = new AtomicInteger();
        runOnPool(ranges, () -> {
            for (int r = nextRange.getAndIncrement(); r < ranges && !cancelled; r = nextRange.getAndIncrement()) {
                int to = Math.min(mean.size(), (r + 1) * RANGE);
                for (int c = 0; c < chunks; c++) {
                    mean.addAndClear(chunkGradients[c], 1.0 / n, r * RANGE, to);
                }
            }
        });
    }

    /** Number of chunks a batch of {@code n} trials is cut into. */
    public static int chunkCount(int n) {
        return Math.min(CHUNKS, n);
    }

    /**
     * First trial of chunk c of {@code chunks} over n trials. The last quarter of the chunks are half as large as the
     * others: threads take chunks in order, so a thread that finishes early waits at most for a small chunk.
     */
    public static int chunkStart(int c, int chunks, int n) {
        int large = chunks - chunks / 4;
        long weight = 2L * Math.min(c, large) + Math.max(0, c - large);
        long total = 2L * large + (chunks - large);
        return (int) (weight * n / total);
    }

    /**
     * Runs {@code work} on min(threads, tasks) pool threads and waits for all of them, also after a failure or an
     * interrupt (which stop the others at their next trial or range), so that no thread still writes to the chunk sums
     * when this returns; then rethrows the first failure, or reports the interrupt.
     */
    private void runOnPool(int tasks, Runnable work) {
        Future<?>[] futures = new Future<?>[Math.min(threads, tasks)];
        for (int w = 0; w < futures.length; w++) {
            futures[w] = pool.submit(work);
        }
        Throwable failure = null;
        boolean interrupted = false;
        for (Future<?> f : futures) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancelled = true;
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                    cancelled = true;
                    break;
                }
            }
        }
        cancelled = false;
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("batch evaluation interrupted");
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
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
