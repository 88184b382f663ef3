package io.smoothspike.train;

import java.util.SplittableRandom;

/**
 * Changes a training image before it is encoded, differently in every batch. Each image gets its own random stream,
 * {@link #random(long, long, int)} of the seed, the step and its position in the batch, so runs (and resumed runs)
 * stay reproducible and do not depend on the number of threads. Images of a batch are augmented in parallel, so an
 * augmentation must not keep mutable state of its own. {@link #pixelFlip} is PAPER-NOTES 5.4's augmentation.
 */
@FunctionalInterface
public interface Augmentation {

    /** Modifies {@code pixels} (intensities in [0, 255]) in place. */
    void apply(double[] pixels, SplittableRandom rng);

    /** Binarises at 128 and flips each pixel with probability p. */
    static Augmentation pixelFlip(double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("flip probability must lie in [0, 1), got " + p);
        }
        return (pixels, rng) -> {
            for (int i = 0; i < pixels.length; i++) {
                boolean on = pixels[i] >= 128;
                if (rng.nextDouble() < p) {
                    on = !on;
                }
                pixels[i] = on ? 255 : 0;
            }
        };
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
