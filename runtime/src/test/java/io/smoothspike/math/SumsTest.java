package io.smoothspike.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The interleaved sums against plain left-to-right loops, for every remainder of the four-way split. */
class SumsTest {

    @Test
    void sumAndDotAgreeWithPlainLoopsForEveryLengthAndOffset() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] x = rng.doubles(40, -1, 1).toArray();
        double[] y = rng.doubles(40, -1, 1).toArray();
        for (int n = 0; n <= 13; n++) {
            for (int from = 0; from < 3; from++) {
                double s = 0;
                double d = 0;
                for (int k = 0; k < n; k++) {
                    s += x[from + k];
                    d += x[from + k] * y[2 * from + k];
                }
                assertEquals(s, Sums.sum(x, from, n), 1e-15 * (n + 1), "sum n=" + n + " from=" + from);
                assertEquals(d, Sums.dot(x, from, y, 2 * from, n), 1e-15 * (n + 1), "dot n=" + n + " from=" + from);
            }
        }
    }

    @Test
    void dotAndAddScaledIsTheDotBitwiseAndAddsTheScaledVector() {
        SplittableRandom rng = new SplittableRandom(2);
        double[] x = rng.doubles(20, -1, 1).toArray();
        double[] y = rng.doubles(40, -1, 1).toArray();
        for (int n = 0; n <= 13; n++) {
            for (int from = 0; from < 3; from++) {
                double[] z = rng.doubles(40, -1, 1).toArray();
                double[] expected = z.clone();
                for (int k = 0; k < n; k++) {
                    expected[3 + k] += x[k] * 0.7;
                }
                double d = Sums.dotAndAddScaled(x, y, 2 * from, n, z, 3, 0.7);
                assertEquals(Sums.dot(x, 0, y, 2 * from, n), d, 0.0, "dot n=" + n + " from=" + from);
                assertArrayEquals(expected, z, 0.0, "z n=" + n + " from=" + from);
            }
        }
    }

    @Test
    void emptyRangesSumToZero() {
        assertEquals(0.0, Sums.sum(new double[] {1, 2}, 1, 0));
        assertEquals(0.0, Sums.dot(new double[] {1}, 0, new double[] {2}, 0, 0));
    }
}
