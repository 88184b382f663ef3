package io.smoothspike.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Workers run every index once and hand a worker's failure to the caller as it was thrown. */
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
}
