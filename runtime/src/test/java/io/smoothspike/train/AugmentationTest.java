package io.smoothspike.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pixel flip: binarisation, flip frequency per position and in total, reproducibility. */
class AugmentationTest {

    private static final int PIXELS = 784;

    /** An image with intensities 0 … 255 cycling over the pixels. */
    private static double[] ramp() {
        double[] px = new double[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            px[i] = i % 256;
        }
        return px;
    }

    @Test
    void withoutFlipsEveryPixelIsBinarisedAt128() {
        double[] px = ramp();
        Augmentation.pixelFlip(0).apply(px, Augmentation.random(1, 0, 0));
        for (int i = 0; i < PIXELS; i++) {
            assertEquals(i % 256 >= 128 ? 255 : 0, px[i], "pixel " + i);
        }
    }

    @Test
    void binarisationMatchesTheThresholdForEveryKindOfValue() {
        double[] special = {0, -0.0, 127, Math.nextDown(128), 128, Math.nextUp(128), 255, 255.5, 256, 1e300, -1, -1e300,
            Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] px = special.clone();
        Augmentation.pixelFlip(0).apply(px, Augmentation.random(1, 0, 0));
        for (int i = 0; i < special.length; i++) {
            double expected = special[i] >= 128 ? 255 : 0;
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(px[i]),
                    "value " + special[i]);
        }
    }

    @Test
    void eachPixelFlipsWithProbabilityPWhereverItSits() {
        double p = 0.02;
        int images = 20000;
        int[] flips = new int[PIXELS];
        long total = 0;
        Augmentation flip = Augmentation.pixelFlip(p);
        for (int k = 0; k < images; k++) {
            double[] px = ramp();
            flip.apply(px, Augmentation.random(7, 3, k));
            for (int i = 0; i < PIXELS; i++) {
                boolean on = i % 256 >= 128;
                if ((px[i] == 255) != on) {
                    flips[i]++;
                    total++;
                }
                assertTrue(px[i] == 0 || px[i] == 255, "pixel " + i + " is " + px[i]);
            }
        }
        // binomial counts: total mean 313 600, sd 554; per pixel mean 400, sd 19.8; bounds at 5 sd
        double mean = p * images * PIXELS;
        assertEquals(mean, total, 5 * Math.sqrt(mean * (1 - p)), "total flips");
        double perPixel = p * images;
        double sd = Math.sqrt(perPixel * (1 - p));
        for (int i : new int[] {0, 1, 2, 391, 782, 783}) {
            assertEquals(perPixel, flips[i], 5 * sd, "flips of pixel " + i);
        }
        // neighbours flip independently: pairs (i, i + 1) flipped together about p² of the time
        double[] px = new double[PIXELS];
        int pairs = 0;
        for (int k = 0; k < images; k++) {
            java.util.Arrays.fill(px, 0);
            flip.apply(px, Augmentation.random(8, 3, k));
            for (int i = 0; i + 1 < PIXELS; i++) {
                pairs += px[i] == 255 && px[i + 1] == 255 ? 1 : 0;
            }
        }
        double pairMean = p * p * images * (PIXELS - 1);
        assertEquals(pairMean, pairs, 5 * Math.sqrt(pairMean), "neighbouring flips");
    }

    @Test
    void theSameStreamGivesTheSameFlipsAndAnotherStreamOthers() {
        double[] a = ramp();
        double[] b = ramp();
        double[] c = ramp();
        Augmentation flip = Augmentation.pixelFlip(0.1);
        flip.apply(a, Augmentation.random(5, 9, 2));
        flip.apply(b, Augmentation.random(5, 9, 2));
        flip.apply(c, Augmentation.random(5, 9, 3));
        assertArrayEquals(a, b);
        assertTrue(!java.util.Arrays.equals(a, c));
    }

    @Test
    void aProbabilityOutsideTheUnitIntervalIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Augmentation.pixelFlip(1));
        assertThrows(IllegalArgumentException.class, () -> Augmentation.pixelFlip(-0.1));
        assertThrows(IllegalArgumentException.class, () -> Augmentation.pixelFlip(Double.NaN));
    }
}
