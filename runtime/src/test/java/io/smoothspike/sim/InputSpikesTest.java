package io.smoothspike.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Unsorted input spikes come out sorted by time, equal times in their given order. */
class InputSpikesTest {

    @Test
    void unsortedSpikesAreSortedStablyByTime() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int n = 0; n <= 40; n++) {
            double[] times = new double[n];
            int[] sources = new int[n];
            for (int k = 0; k < n; k++) {
                // few distinct times, so that many are equal; -0.0 sorts before 0.0 as Double.compare has it
                int level = rnd.nextInt(5);
                times[k] = level == 0 ? (rnd.nextBoolean() ? -0.0 : 0.0) : level * 0.25;
                sources[k] = k;
            }
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingDouble((Integer k) -> times[k])).mapToInt(k -> k).toArray();
            InputSpikes in = InputSpikes.of(times, sources);
            assertEquals(n, in.size());
            int[] got = new int[n];
            for (int k = 0; k < n; k++) {
                got[k] = in.source(k);
                assertEquals(Double.doubleToRawLongBits(times[got[k]]), Double.doubleToRawLongBits(in.time(k)));
            }
            assertArrayEquals(expected, got, "n=" + n);
        }
    }

    @Test
    void negativeOrInfiniteTimesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> InputSpikes.of(new double[] {1, -0.5}, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> InputSpikes.of(new double[] {Double.POSITIVE_INFINITY}, new int[] {0}));
    }
}
