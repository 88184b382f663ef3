package io.smoothspike.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The theta kernel's bounded query {@link PopulationKernel#nextSpikeTimeUpTo}: it may answer "nothing by the bound"
 * without ranking, and must then be right. Each check runs two kernels through the same inputs and spikes: one is
 * asked with bounds, the other always for its exact next spike time.
 */
class ThetaQuietTest {

    private static final Theta MODEL = new Theta(6 / Math.PI, 1.25);
    private static final int SIZE = 64;

    private static double[] weights(SplittableRandom rnd, int rows) {
        return ThetaKernelPairs.weightRows(rnd, rows, SIZE);
    }

    private static double[] phases(SplittableRandom rnd) {
        double[] phase = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            double u = rnd.nextDouble();
            // some neurons exactly at the reset point or at the spike point, the others anywhere
            phase[i] = u < 0.05 ? 0 : u < 0.08 ? MODEL.period() : rnd.nextDouble(0, MODEL.period());
        }
        return phase;
    }

    @Test
    void boundedAnswerIsExactUpToTheBoundAndAboveItOtherwise() {
        int quietAnswers = 0;
        for (int seed = 0; seed < 300; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            double[] w = weights(rnd, 1);
            double[] phase = phases(rnd);
            double t = rnd.nextDouble(0, 2);
            PopulationKernel exact = MODEL.newKernel(SIZE);
            exact.initialize(phase);
            exact.deliverDense(w, 0, t);
            double next = exact.nextSpikeTime();
            double[] bounds = {t, next, Math.nextDown(next), Math.nextUp(next), next - 1e-9, next + 1e-9,
                    next - 1e-3, t + rnd.nextDouble(0, 0.5), t + rnd.nextDouble(0, MODEL.period())};
            for (double bound : bounds) {
                if (!(bound >= t)) {
                    continue;
                }
                for (boolean recording : new boolean[] {false, true}) {
                    PopulationKernel k = MODEL.newKernel(SIZE);
                    k.setRecording(recording);
                    k.initialize(phase);
                    k.deliverDense(w, 0, t);
                    double answer = k.nextSpikeTimeUpTo(bound);
                    String what = "seed " + seed + ", input at " + t + ", bound " + bound + ", exact " + next;
                    if (next <= bound) {
                        assertEquals(next, answer, 0.0, what);
                    } else {
                        assertTrue(answer > bound, what + ": answered " + answer);
                        quietAnswers += answer == Double.POSITIVE_INFINITY ? 1 : 0;
                    }
                    // after any answer the exact query still agrees
                    assertEquals(next, k.nextSpikeTime(), 0.0, what);
                }
            }
        }
        assertTrue(quietAnswers > 1000, "the quiet test should answer most far bounds without ranking, did "
                + quietAnswers);
    }

    /**
     * A run of dense inputs and spikes as the engine drives it (the bound is the next input), beside a kernel asked
     * for exact times only: the same spikes at bitwise the same times, and the same final phases.
     */
    @Test
    void boundedRunFiresExactlyLikeAnExactRun() {
        int spikes = 0;
        for (int seed = 0; seed < 100; seed++) {
            SplittableRandom rnd = new SplittableRandom(1000 + seed);
            int rows = 40;
            double[] w = weights(rnd, rows);
            double[] phase = phases(rnd);
            double[] inputTimes = new double[rows];
            for (int n = 0; n < rows; n++) {
                // some inputs at the same time as the one before
                inputTimes[n] = n == 0 ? 0 : inputTimes[n - 1] + (rnd.nextDouble() < 0.2 ? 0 : rnd.nextDouble(0, 0.2));
            }
            PopulationKernel bounded = MODEL.newKernel(SIZE);
            PopulationKernel exact = MODEL.newKernel(SIZE);
            bounded.initialize(phase);
            exact.initialize(phase);
            for (int n = 0; n <= rows; n++) {
                double until = n < rows ? inputTimes[n] : inputTimes[rows - 1] + 1;
                while (true) {
                    double tb = bounded.nextSpikeTimeUpTo(until);
                    double te = exact.nextSpikeTime();
                    if (te >= until) {
                        assertTrue(tb >= until, "seed " + seed + ": bounded kernel claims a spike at " + tb
                                + " before " + until + ", exact next spike " + te);
                        break;
                    }
                    assertEquals(te, tb, 0.0, "seed " + seed + " spike time");
                    assertEquals(exact.nextSpiker(), bounded.nextSpiker(), "seed " + seed + " spiker at " + te);
                    exact.fire(exact.nextSpiker(), te);
                    bounded.fire(bounded.nextSpiker(), tb);
                    spikes++;
                }
                if (n < rows) {
                    exact.deliverDense(w, n * SIZE, until);
                    bounded.deliverDense(w, n * SIZE, until);
                }
            }
            ThetaKernelPairs.assertSamePhases(exact, bounded, inputTimes[rows - 1] + 1, "seed " + seed);
        }
        assertTrue(spikes > 500, "the runs should contain many spikes, had " + spikes);
    }
}
