package io.smoothspike.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Workers run every index once, hand a worker's failure to the caller as it was thrown, and finish their work whole
 * when the caller is interrupted.
 */
class WorkersTest {

    @Test
    void everyWorkerRunsOnce() {
        int[] runs = new int[4];
        Workers.run(4, "test", w -> runs[w]++);
        assertArrayEquals(new int[] {1, 1, 1, 1}, runs);
    }

    @Test
    void aWorkersExceptionReachesTheCaller() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad sample");
        assertSame(thrown, assertThrows(IllegalArgumentException.class, () -> Workers.run(3, "test", w -> {
            if (w == 1) {
                throw thrown;
            }
        })));
    }

    @Test
    void aWorkersErrorReachesTheCallerAsAnError() {
        StackOverflowError thrown = new StackOverflowError("deep");
        assertSame(thrown, assertThrows(StackOverflowError.class, () -> Workers.run(2, "test", w -> {
            throw thrown;
        })));
    }

    @Test
    void anInterruptedCallerWaitsForTheWholeWorkAndKeepsItsInterrupt() throws InterruptedException {
        int[] done = new int[2];
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            Workers.run(2, "test", w -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                done[w] = 1;
            });
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        started.await();
        caller.interrupt(); // what Ctrl-C in the REPL does while an evaluation runs
        Thread.sleep(50);
        release.countDown();
        caller.join(10_000);
        assertArrayEquals(new int[] {1, 1}, done);
        assertTrue(interruptKept.get(), "the caller's interrupt status was lost");
    }
}
