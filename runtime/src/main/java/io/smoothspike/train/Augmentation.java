package io.smoothspike.train;

import java.util.SplittableRandom;

/**
 * Changes a training image before it is encoded, differently in every batch. Each image gets its own random stream,
 * {@link #random(long, long, int)} of the seed, the step and its position in the batch, so runs (and resumed runs)
 * stay reproducible and do not depend on the number of threads. Images of a batch are augmented in parallel, so an
 * augmentation must not keep mutable state of its own. {@link #pixelFlip} is docs/experiments.md §4.1's augmentation.
 */
@FunctionalInterface
public interface Augmentation {

    /** Modifies {@code pixels} (intensities in [0, 255]) in place. */
    void apply(double[] pixels, SplittableRandom rng);

    /**
     * Binarises at 128 and flips each pixel with probability p, independently. The flipped pixels are drawn by
     * geometric skips (the gap to the next flip is ⌊ln U / ln(1 − p)⌋, U uniform in (0, 1]): about 784p draws per
     * MNIST image instead of one per pixel.
     */
    static Augmentation pixelFlip(double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("flip probability must lie in [0, 1), got " + p);
        }
        double logKeep = Math.log1p(-p);
        return (pixels, rng) -> {
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = pixels[i] >= 128 ? 255 : 0;
            }
            if (p == 0) {
                return;
            }
            for (long i = gap(rng, logKeep); i < pixels.length; i += 1 + gap(rng, logKeep)) {
                pixels[(int) i] = 255 - pixels[(int) i];
            }
        };
    }

    /** Number of pixels kept before the next flip: geometric, P(gap ≥ k) = (1 − p)^k with logKeep = ln(1 − p). */
    private static long gap(SplittableRandom rng, double logKeep) {
        return (long) Math.min(Long.MAX_VALUE / 2, Math.floor(Math.log(1 - rng.nextDouble()) / logKeep));
    }

    /** The random stream of the image at {@code position} in the batch of optimizer step {@code step}. */
    static SplittableRandom random(long seed, long step, int position) {
        return new SplittableRandom(mix(mix(mix(seed) + step) + position));
    }

    /** SplitMix64's finaliser: a bijection of 64-bit values that scatters neighbouring inputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
