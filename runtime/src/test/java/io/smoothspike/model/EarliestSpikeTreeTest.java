package io.smoothspike.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The spike tree against a linear scan after every change: earliest neuron and its key, ties to the lower index; with
 * the times a simulation produces (compared by their bits), with negative times and −0.0 (compared as numbers, −0.0
 * equal to +0.0), and with NaN times, which come up as the earliest.
 */
class EarliestSpikeTreeTest {

    @Test
    void earliestMatchesALinearScanAfterEveryUpdate() {
        // few distinct values (ties are common), +0.0, the least and greatest doubles and infinity included
        run(3, rnd -> {
            int v = rnd.nextInt(8);
            return v == 5 ? Double.POSITIVE_INFINITY : v == 6 ? Double.MAX_VALUE : v == 7 ? Double.MIN_VALUE : v;
        });
    }

    @Test
    void negativeTimesAndNegativeZeroCompareAsNumbers() {
        run(4, rnd -> {
            int v = rnd.nextInt(8);
            return v == 7 ? Double.POSITIVE_INFINITY : v == 6 ? -0.0 : v - 3;
        });
    }

    @Test
    void nanTimesComeFirst() {
        run(5, rnd -> {
            int v = rnd.nextInt(40);
            return v == 0 ? Double.NaN : v % 7;
        });
    }

    private static void run(long seed, ToDoubleFunction<SplittableRandom> draw) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int n : new int[] {1, 2, 3, 5, 8, 13, 64, 100, 1000}) {
            double[] time = new double[n];
            for (int i = 0; i < n; i++) {
                time[i] = draw.applyAsDouble(rnd);
            }
            EarliestSpikeTree tree = new EarliestSpikeTree(time);
            tree.rebuild();
            check(time, tree, n + " neurons after rebuild");
            for (int step = 0; step < 20 * n + 50; step++) {
                int i = rnd.nextInt(n);
                time[i] = draw.applyAsDouble(rnd);
                tree.update(i);
                check(time, tree, n + " neurons, step " + step);
            }
        }
    }

    private static void check(double[] time, EarliestSpikeTree tree, String where) {
        int best = 0;
        for (int i = 1; i < time.length; i++) {
            boolean nan = Double.isNaN(time[i]);
            if (nan && !Double.isNaN(time[best]) || !nan && time[i] < time[best]) {
                best = i;
            }
        }
        assertEquals(best, tree.earliest(), where);
        assertEquals(time[best], tree.key(best), where);
        assertEquals(time[best], tree.earliestKey(), where);
        assertTrue(Double.doubleToRawLongBits(time[best]) == Double.doubleToRawLongBits(tree.earliestKey()), where);
    }
}
