package io.smoothspike.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Single deliveries taken back through {@code prepareBackwardDeliveries} and {@code backwardPrepared} give the bits of
 * {@code backwardSparse} one at a time: weight gradients, time adjoints, initial-state and constant gradients. Runs
 * of them are announced as the engine announces runs of input spikes (latest first, up to the next spike or row),
 * sometimes longer than the kernel prepares, sometimes wrongly (then the kernel falls back).
 */
class LazyKernelPreparedBackwardTest {

    private static final int NEURONS = 30;

    /** A recorded touch: a single delivery (row null), a row, or a spike (weight NaN). */
    private record Touch(double t, int neuron, double weight, int[] row, double[] rowWeights) {
        boolean single() {
            return row == null && !Double.isNaN(weight);
        }
    }

    @Test
    void preparedBackwardMatchesPlainBackward() {
        Qif model = new Qif(1);
        PopulationKernel prepared = model.newKernel(NEURONS);
        PopulationKernel plain = model.newKernel(NEURONS);
        SplittableRandom rnd = new SplittableRandom(17);
        double[] init = KernelPairs.randomStates(model, NEURONS, rnd);
        List<Touch> touches = new ArrayList<>();
        for (PopulationKernel k : List.of(prepared, plain)) {
            k.setRecording(true);
            k.initialize(init);
        }
        double t = 0;
        for (int step = 0; step < 3000; step++) {
            t += step % 23 == 0 ? rnd.nextDouble(0, 1) : rnd.nextDouble(0, 0.02);
            while (plain.nextSpikeTime() < t) {
                double ts = plain.nextSpikeTime();
                int who = plain.nextSpiker();
                plain.fire(who, ts);
                prepared.fire(who, ts);
                touches.add(new Touch(ts, who, Double.NaN, null, null));
            }
            if (rnd.nextInt(8) == 0) {
                int[] row = rnd.ints(0, NEURONS).distinct().limit(12).sorted().toArray();
                double[] w = rnd.doubles(row.length, -1, 1).toArray();
                plain.deliverSparse(row, w, 0, row.length, t);
                prepared.deliverSparse(row, w, 0, row.length, t);
                touches.add(new Touch(t, -1, 0, row, w));
            } else {
                int i = rnd.nextInt(NEURONS);
                double w = rnd.nextDouble(-2, 2) * (step % 9 == 0 ? 6 : 1); // strong ones leave the series' range
                plain.deliver(i, w, t);
                prepared.deliver(i, w, t);
                touches.add(new Touch(t, i, w, null, null));
            }
        }
        double[] finalAdjoint = rnd.doubles(2 * NEURONS, -1, 1).toArray();
        prepared.beginBackward(t + 0.5, finalAdjoint);
        plain.beginBackward(t + 0.5, finalAdjoint);
        int announcedFrom = -1;
        int announcedCount = 0;
        int taken = 0;
        for (int e = touches.size() - 1; e >= 0; e--) {
            Touch touch = touches.get(e);
            String where = "touch " + e;
            if (touch.row() != null) {
                double[] ga = new double[touch.row().length];
                double[] gb = new double[touch.row().length];
                double a = prepared.backwardSparse(touch.row(), touch.rowWeights(), ga, 0, ga.length, touch.t(), true);
                double b = plain.backwardSparse(touch.row(), touch.rowWeights(), gb, 0, gb.length, touch.t(), true);
                assertBits(b, a, where);
                for (int k = 0; k < ga.length; k++) {
                    assertBits(gb[k], ga[k], where);
                }
            } else if (!touch.single()) {
                double adjoint = rnd.nextDouble(-1, 1);
                prepared.backwardFire(touch.neuron(), touch.t(), adjoint);
                plain.backwardFire(touch.neuron(), touch.t(), adjoint);
            } else {
                if (e > announcedFrom || e <= announcedFrom - announcedCount) {
                    announcedFrom = e;
                    announcedCount = announce(prepared, touches, e, rnd);
                }
                int[] target = {touch.neuron()};
                double[] weight = {touch.weight()};
                double[] ga = new double[1];
                double[] gb = new double[1];
                double a = prepared.backwardPrepared(announcedFrom - e, target, weight, ga, 0, touch.t(), true);
                double b = plain.backwardSparse(target, weight, gb, 0, 1, touch.t(), true);
                assertBits(b, a, where);
                assertBits(gb[0], ga[0], where);
                taken++;
            }
        }
        double[] sa = new double[2 * NEURONS];
        double[] sb = new double[2 * NEURONS];
        double[] ca = new double[1];
        double[] cb = new double[1];
        prepared.endBackward(sa, ca);
        plain.endBackward(sb, cb);
        for (int k = 0; k < sa.length; k++) {
            assertBits(sb[k], sa[k], "initial-state gradient " + k);
        }
        assertBits(cb[0], ca[0], "tau gradient");
        assertTrue(taken > 2000, "single deliveries taken back: " + taken);
    }

    /**
     * Announces the run of single deliveries down from touch e (as the engine does: up to the next other touch),
     * sometimes a few more than there are, sometimes with a wrong time; returns how many were announced.
     */
    private static int announce(PopulationKernel kernel, List<Touch> touches, int e, SplittableRandom rnd) {
        int[] targets = new int[64];
        double[] times = new double[64];
        int n = 0;
        while (n < 40 && e - n >= 0 && touches.get(e - n).single()) {
            targets[n] = touches.get(e - n).neuron();
            times[n] = touches.get(e - n).t();
            n++;
        }
        if (rnd.nextInt(10) == 0 && n > 1) {
            times[rnd.nextInt(n)] += 1e-3; // not what the record holds: nothing is prepared
        }
        kernel.prepareBackwardDeliveries(targets, times, n);
        return n;
    }

    private static void assertBits(double expected, double actual, String where) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), where);
    }
}
