package io.smoothspike.cli;

import java.util.concurrent.atomic.AtomicLongArray;
import io.smoothspike.train.Workers;
import java.util.function.IntFunction;

/** Runs benchmark workers on several threads for a fixed time and sums what they count. */
final class Throughput {

    /** One thread's work: each call runs one unit (a trial) and adds to {@code counts}. */
    interface Worker {
        void runOnce(long[] counts);
    }

    private Throughput() {
    }

    /**
     * Warms up for {@code seconds/2}, then runs {@code threads} workers (made by {@code factory} from the thread
     * index) for {@code seconds}; returns the summed counts (width {@code width}) and, last, the elapsed nanoseconds.
     */
    static long[] measure(int threads, double seconds, int width, IntFunction<Worker> factory) {
        run(threads, seconds / 2, width, factory);
        long start = System.nanoTime();
        long[] counts = run(threads, seconds, width, factory);
        long[] out = java.util.Arrays.copyOf(counts, width + 1);
        out[width] = System.nanoTime() - start;
        return out;
    }

    private static long[] run(int threads, double seconds, int width, IntFunction<Worker> factory) {
        AtomicLongArray sums = new AtomicLongArray(width);
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        Workers.run(threads, "benchmark", index -> {
            Worker worker = factory.apply(index);
            long[] local = new long[width];
            while (System.nanoTime() < deadline) {
                worker.runOnce(local);
            }
            for (int k = 0; k < width; k++) {
                sums.addAndGet(k, local[k]);
            }
        });
        long[] out = new long[width];
        for (int k = 0; k < width; k++) {
            out[k] = sums.get(k);
        }
        return out;
    }
}
