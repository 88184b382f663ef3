package io.smoothspike.sim;

import java.util.Arrays;

/**
 * External input spikes of one trial, sorted by time: spike k comes from input channel {@code source(k)} at
 * {@code time(k)}. Spikes at equal times keep the order in which they were given.
 */
public final class InputSpikes {

    private final double[] times;
    private final int[] sources;
    /** Largest channel index, kept: the simulator checks it on every run. */
    private final int maxSource;

    private InputSpikes(double[] times, int[] sources) {
        this.times = times;
        this.sources = sources;
        int m = -1;
        for (int s : sources) {
            m = Math.max(m, s);
        }
        this.maxSource = m;
    }

    /** No input spikes. */
    public static InputSpikes none() {
        return new InputSpikes(new double[0], new int[0]);
    }

    /**
     * Input spikes from parallel lists; sorts them stably by time. Times must be finite and non-negative.
     */
    public static InputSpikes of(double[] times, int[] sources) {
        if (times.length != sources.length) {
            throw new IllegalArgumentException("input spikes: " + times.length + " times but " + sources.length
                    + " sources");
        }
        boolean sorted = true;
        for (int k = 0; k < times.length; k++) {
            check(k, times[k], sources[k]);
            sorted &= k == 0 || times[k] >= times[k - 1];
        }
        if (sorted) {
            return new InputSpikes(times.clone(), sources.clone());
        }
        int[] order = stableOrderByTime(times);
        double[] t = new double[times.length];
        int[] s = new int[times.length];
        for (int k = 0; k < order.length; k++) {
            t[k] = times[order[k]];
            s[k] = sources[order[k]];
        }
        return new InputSpikes(t, s);
    }

    /** Throws for spike k if its time is not finite and non-negative or its source is negative. */
    private static void check(int k, double time, int source) {
        if (!(time >= 0) || Double.isInfinite(time)) {
            throw new IllegalArgumentException("input spike " + k + ": time must be finite and >= 0, got " + time);
        }
        if (source < 0) {
            throw new IllegalArgumentException("input spike " + k + ": negative source " + source);
        }
    }

    /** Indices of {@code times} in ascending time ({@link Double#compare}), equal times in index order. */
    private static int[] stableOrderByTime(double[] times) {
        int n = times.length;
        int[] order = new int[n];
        int[] merged = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        for (int width = 1; width < n; width *= 2) { // bottom-up merge sort: stable, no boxing
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    merged[k++] = Double.compare(times[order[j]], times[order[i]]) < 0 ? order[j++] : order[i++];
                }
                while (i < mid) {
                    merged[k++] = order[i++];
                }
                while (j < hi) {
                    merged[k++] = order[j++];
                }
            }
            int[] swap = order;
            order = merged;
            merged = swap;
        }
        return order;
    }

    /**
     * Spikes of the channels {@code sources[0 … count−1]}, in this order, all at one {@code time} (finite and
     * non-negative): e.g. an image whose spiking pixels share one time. The channels are copied.
     */
    public static InputSpikes atTime(double time, int[] sources, int count) {
        if (count < 0 || count > sources.length) {
            throw new IllegalArgumentException("input spikes: count " + count + " outside 0.." + sources.length);
        }
        for (int k = 0; k < count; k++) {
            check(k, time, sources[k]);
        }
        double[] times = new double[count];
        Arrays.fill(times, time);
        return new InputSpikes(times, Arrays.copyOf(sources, count));
    }

    /**
     * The spikes of all parts in one trial, sorted stably by time: spikes at equal times keep the parts' order, and
     * their order within a part.
     */
    public static InputSpikes merge(InputSpikes... parts) {
        int total = 0;
        for (InputSpikes p : parts) {
            total += p.size();
        }
        double[] t = new double[total];
        int[] s = new int[total];
        int k = 0;
        for (InputSpikes p : parts) {
            System.arraycopy(p.times, 0, t, k, p.size());
            System.arraycopy(p.sources, 0, s, k, p.size());
            k += p.size();
        }
        return of(t, s);
    }

    /** One spike per channel: channel i spikes at {@code times[i]}; NaN means channel i is silent. */
    public static InputSpikes onePerChannel(double[] times) {
        int n = 0;
        for (double t : times) {
            if (!Double.isNaN(t)) {
                n++;
            }
        }
        double[] t = new double[n];
        int[] s = new int[n];
        int k = 0;
        for (int i = 0; i < times.length; i++) {
            if (!Double.isNaN(times[i])) {
                t[k] = times[i];
                s[k++] = i;
            }
        }
        return of(t, s);
    }

    public int size() {
        return times.length;
    }

    public double time(int k) {
        return times[k];
    }

    public int source(int k) {
        return sources[k];
    }

    /** Largest channel index used, or -1 when empty. */
    public int maxSource() {
        return maxSource;
    }
}
