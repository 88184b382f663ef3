package io.smoothspike.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The spike tree against a linear scan after every change: earliest neuron and its key, ties to the lower index. */
class EarliestSpikeTreeTest {

    @Test
    void earliestMatchesALinearScanAfterEveryUpdate() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int n : new int[] {1, 2, 3, 5, 8, 13, 64, 100, 1000}) {
            double[] time = new double[n];
            for (int i = 0; i < n; i++) {
                time[i] = draw(rnd);
            }
            EarliestSpikeTree tree = new EarliestSpikeTree(time);
            tree.rebuild();
            check(time, tree, n + " neurons after rebuild");
            for (int step = 0; step < 20 * n + 50; step++) {
                int i = rnd.nextInt(n);
                time[i] = draw(rnd);
                tree.update(i);
                check(time, tree, n + " neurons, step " + step);
            }
        }
    }

    /** Few distinct values (ties are common), infinity included. */
    private static double draw(SplittableRandom rnd) {
        int v = rnd.nextInt(6);
        return v == 5 ? Double.POSITIVE_INFINITY : v;
    }

    private static void check(double[] time, EarliestSpikeTree tree, String where) {
        int best = 0;
        for (int i = 1; i < time.length; i++) {
            if (time[i] < time[best]) {
                best = i;
            }
        }
        assertEquals(best, tree.earliest(), where);
        assertEquals(time[best], tree.key(best), where);
        assertEquals(time[best], tree.earliestKey(), where);
    }
}
