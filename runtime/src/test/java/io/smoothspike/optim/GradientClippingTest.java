package io.smoothspike.optim;

import static io.smoothspike.optim.SgdTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GradientClippingTest {

    @Test
    void elementwiseClipsEachComponent() {
        double[] g = {3.0, -5.0, 0.5, -0.5, 1.0, Double.NEGATIVE_INFINITY};
        assertEquals(3, GradientClipping.elementwise(g, 1.0));
        assertArrayEquals(new double[] {1.0, -1.0, 0.5, -0.5, 1.0, -1.0}, g);
    }

    @Test
    void globalNormScalesDownALongVector() {
        double[] g = {3.0, -4.0};
        assertEquals(5.0, GradientClipping.globalNorm(g, 1.0));
        // scaled by 1/5
        Close.rel(new double[] {0.6, -0.8}, g, "clipped");
        double[] h = {1.0, 2.0, 2.0, 4.0};
        assertEquals(5.0, GradientClipping.globalNorm(h, 2.5));
        Close.rel(new double[] {0.5, 1.0, 1.0, 2.0}, h, "clipped");
    }

    @Test
    void globalNormLeavesAShortVectorUntouched() {
        double[] g = {0.3, -0.4};
        Close.rel(0.5, GradientClipping.globalNorm(g, 1.0), "norm");
        assertArrayEquals(new double[] {0.3, -0.4}, g);
        double[] atBound = {3.0, 4.0};
        assertEquals(5.0, GradientClipping.globalNorm(atBound, 5.0));
        assertArrayEquals(new double[] {3.0, 4.0}, atBound);
        assertEquals(0.0, GradientClipping.globalNorm(new double[3], 1.0));
    }

    @Test
    void globalNormAvoidsOverflowAndUnderflow() {
        double[] big = {3e200, 4e200};
        Close.rel(5e200, GradientClipping.globalNorm(big, 1.0), "big norm");
        Close.rel(new double[] {0.6, 0.8}, big, "big clipped");
        double[] tiny = {3e-170, -4e-170};
        Close.rel(5e-170, GradientClipping.globalNorm(tiny, 1.0), "tiny norm");
        assertArrayEquals(new double[] {3e-170, -4e-170}, tiny);
    }

    @Test
    void globalNormLeavesNonFiniteVectorsForTheCallerToDetect() {
        double[] inf = {1.0, Double.POSITIVE_INFINITY};
        assertEquals(Double.POSITIVE_INFINITY, GradientClipping.globalNorm(inf, 1.0));
        assertArrayEquals(new double[] {1.0, Double.POSITIVE_INFINITY}, inf);
        double[] nan = {1.0, Double.NaN, 5.0};
        assertEquals(Double.NaN, GradientClipping.globalNorm(nan, 1.0));
        assertEquals(5.0, nan[2]);
    }

    @Test
    void validatesBounds() {
        assertMessage(() -> GradientClipping.elementwise(new double[1], 0.0), "bound", "> 0", "0.0");
        assertMessage(() -> GradientClipping.elementwise(new double[1], Double.NaN), "bound", "NaN");
        assertMessage(() -> GradientClipping.globalNorm(new double[1], -1.0), "maxNorm", "-1.0");
    }
}
