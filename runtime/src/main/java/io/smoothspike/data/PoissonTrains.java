package io.smoothspike.data;

import io.smoothspike.sim.InputSpikes;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Homogeneous Poisson spike trains, reproducible from a seed: channel c's train depends only on (seed, c), so adding
 * channels does not change existing ones.
 */
public final class PoissonTrains {

    private PoissonTrains() {
    }

    /**
     * Spike times of one Poisson train with {@code rate} spikes per unit time on [0, duration), optionally with a
     * minimal interval: each interval is {@code minInterval + Exp(rate)} (the paper's targets use minInterval = 1).
     */
    public static double[] train(double rate, double duration, double minInterval, long seed) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("Poisson rate must be finite and >= 0, got " + rate);
        }
        if (!(duration > 0) || Double.isInfinite(duration)) {
            throw new IllegalArgumentException("Poisson window must be positive and finite, got " + duration);
        }
        if (!(minInterval >= 0)) {
            throw new IllegalArgumentException("minimal interval must be >= 0, got " + minInterval);
        }
        if (rate == 0) {
            return new double[0];
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] t = new double[16];
        int n = 0;
        double now = 0;
        while (true) {
            now += minInterval - Math.log1p(-rng.nextDouble()) / rate;
            if (now >= duration) {
                break;
            }
            if (n == t.length) {
                t = Arrays.copyOf(t, 2 * n);
            }
            t[n++] = now;
        }
        return Arrays.copyOf(t, n);
    }

    /** Independent Poisson trains on {@code channels} input channels, merged into one trial's input spikes. */
    public static InputSpikes inputs(int channels, double rate, double duration, long seed) {
        SplittableRandom seeds = new SplittableRandom(seed);
        double[][] trains = new double[channels][];
        int total = 0;
        for (int c = 0; c < channels; c++) {
            trains[c] = train(rate, duration, 0, seeds.nextLong());
            total += trains[c].length;
        }
        double[] times = new double[total];
        int[] sources = new int[total];
        int k = 0;
        for (int c = 0; c < channels; c++) {
            for (double t : trains[c]) {
                times[k] = t;
                sources[k++] = c;
            }
        }
        return InputSpikes.of(times, sources);
    }
}
