package io.smoothspike.network;

import io.smoothspike.sim.InputSpikes;
import java.util.Arrays;

/**
 * First-spike image encoding of {@link io.smoothspike.spec.InputSpec.Image} for one input group: an intensity x in
 * [0, 255] falls into level ⌊x·(bins+1)/256⌋; level 0 is silent, level l ≥ 1 spikes once at
 * −T·log(1 − 0.01·(bins − l + 1)). Immutable, so safe to use from several threads at once.
 */
final class ImageEncoder {

    /** Per thread, the channel list of {@link #encodeOneTime} (the encoder itself is immutable and shared). */
    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[0]);

    /** Spike time of each level (NaN for level 0). */
    private final double[] levelTime;
    /** Rank of each level's time among the distinct level times, earliest first (−1 for level 0). */
    private final int[] levelRank;
    /** Number of distinct level times. */
    private final int ranks;
    private final int offset;
    /**
     * (bins + 1)/256: a multiplication by it rounds exactly as x·(bins + 1) followed by the division by 256, since
     * dividing by a power of two is exact.
     */
    private final double levelScale;

    /** The encoder of a group with {@code bins} spiking levels and channels from {@code offset}; T = duration. */
    ImageEncoder(int bins, double duration, int offset) {
        this.offset = offset;
        levelScale = (bins + 1) / 256.0;
        levelTime = new double[bins + 1];
        levelTime[0] = Double.NaN;
        for (int level = 1; level <= bins; level++) {
            levelTime[level] = -duration * Math.log1p(-0.01 * (bins - level + 1));
        }
        double[] distinct = Arrays.stream(levelTime, 1, bins + 1).distinct().sorted().toArray();
        levelRank = new int[bins + 1];
        levelRank[0] = -1;
        for (int level = 1; level <= bins; level++) {
            levelRank[level] = Arrays.binarySearch(distinct, levelTime[level]);
        }
        ranks = distinct.length;
    }

    /**
     * Input spikes of one image, channels numbered from the group's offset, in the order {@link InputSpikes#of}
     * gives them: by time, pixels of equal time by channel. A counting sort over the levels orders them, so
     * {@code InputSpikes.of} finds them sorted.
     *
     * @throws IllegalArgumentException a pixel's intensity is outside [0, 255]; the message names the pixel
     */
    InputSpikes encode(double[] pixels) {
        if (ranks == 1) {
            return encodeOneTime(pixels);
        }
        byte[] levels = new byte[pixels.length]; // at most 99 bins, validated by the compiler
        int[] start = new int[ranks + 1];
        for (int i = 0; i < pixels.length; i++) {
            int level = level(pixels, i);
            levels[i] = (byte) level;
            int rank = levelRank[level];
            if (rank >= 0) {
                start[rank + 1]++;
            }
        }
        for (int r = 0; r < ranks; r++) {
            start[r + 1] += start[r];
        }
        double[] times = new double[start[ranks]];
        int[] channels = new int[times.length];
        for (int i = 0; i < pixels.length; i++) {
            int rank = levelRank[levels[i]];
            if (rank >= 0) {
                int k = start[rank]++;
                times[k] = levelTime[levels[i]];
                channels[k] = offset + i;
            }
        }
        return InputSpikes.of(times, channels);
    }

    /**
     * {@link #encode} when every spiking level has the same time (one bin): the spiking pixels in one pass without
     * data-dependent branches, listed in a scratch array of the calling thread.
     */
    private InputSpikes encodeOneTime(double[] pixels) {
        int[] channels = SCRATCH.get();
        if (channels.length < pixels.length) {
            channels = new int[pixels.length];
            SCRATCH.set(channels);
        }
        int n = 0;
        for (int i = 0; i < pixels.length; i++) {
            channels[n] = offset + i; // kept only if pixel i spikes
            n += spikes(pixels, i);
        }
        return InputSpikes.atTime(levelTime[levelTime.length - 1], channels, n);
    }

    /** 1 if pixel i spikes (level ≥ 1), else 0: the sign bit of −level, so that no branch depends on the image. */
    private int spikes(double[] pixels, int i) {
        return -level(pixels, i) >>> 31;
    }

    private int level(double[] pixels, int i) {
        double x = pixels[i];
        if (!(x >= 0 && x <= 255)) {
            throw badPixel(i, x);
        }
        return (int) (x * levelScale); // ⌊x·(bins+1)/256⌋, as x ≥ 0
    }

    /** The error for pixel i, kept out of {@link #level} so that the JIT inlines that into the pixel loops. */
    private static IllegalArgumentException badPixel(int i, double x) {
        return new IllegalArgumentException("pixel " + i + " has intensity " + x + "; expected [0, 255]");
    }
}
