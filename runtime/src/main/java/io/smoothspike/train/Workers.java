package io.smoothspike.train;

import java.util.function.IntConsumer;

/** Runs one task per worker index on its own thread, waits for all, and rethrows the first failure. */
public final class Workers {

    private Workers() {
    }

    /**
     * Runs {@code task.accept(w)} for w = 0 … count−1 in parallel threads; {@code what} names the threads. An interrupt
     * of the calling thread does not cut the work short (no half-done evaluation or batch reaches the caller): it
     * waits for every worker and returns with its interrupt status set, for the caller to stop at its next step.
     */
    public static void run(int count, String what, IntConsumer task) {
        Thread[] threads = new Thread[count];
        Throwable[] failure = new Throwable[1];
        for (int w = 0; w < count; w++) {
            final int index = w;
            threads[w] = new Thread(() -> {
                try {
                    task.accept(index);
                } catch (RuntimeException | Error e) {
                    synchronized (failure) {
                        if (failure[0] == null) {
                            failure[0] = e;
                        }
                    }
                }
            }, "smoothspike-" + what + "-" + w);
            threads[w].start();
        }
        boolean interrupted = false;
        for (Thread t : threads) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true; // the work finishes whole; the caller sees the interrupt afterwards
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e; // e.g. OutOfMemoryError: the caller sees it as it is, not a later NullPointerException
        }
    }
}
