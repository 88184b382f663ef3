package io.smoothspike.train;

import java.util.SplittableRandom;

/**
 * Changes a training image before it is encoded, differently in every batch: {@code rng} is derived from the seed and
 * the step, so runs (and resumed runs) stay reproducible. {@link #pixelFlip} is PAPER-NOTES 5.4's augmentation.
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
}
