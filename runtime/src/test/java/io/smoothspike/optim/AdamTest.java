package io.smoothspike.optim;

import static io.smoothspike.optim.SgdTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Adam steps against hand arithmetic. Bias corrections are written as decimal literals: 1 - 0.9 = 0.1,
 * 1 - 0.9² = 0.19, 1 - 0.9³ = 0.271; 1 - 0.999 = 0.001, 1 - 0.999² = 0.001999, 1 - 0.999³ = 0.002997001. The
 * moment coefficients are written as {@code 1 - 0.9} and {@code 1 - 0.999}, which is what they are in binary (the
 * latter is 0.001·(1 + 9e-16), a difference the 1e-15 relative check on the raw moments would see).
 */
class AdamTest {

    private static final double LR = 0.01;
    private static final double EPS = 1e-8;
    private static final double[] P0 = {1.0, -0.5, 2.0};
    private static final double[][] G = {{0.2, -0.4, 1e-8}, {0.1, 0.3, 1e-8}, {-0.3, 0.5, 2e-8}};
    private static final double[] BC1 = {0.1, 0.19, 0.271};
    private static final double[] BC2 = {0.001, 0.001999, 0.002997001};

    @Test
    void defaults() {
        Adam adam = new Adam(3);
        assertEquals(0.9, adam.b1());
        assertEquals(0.999, adam.b2());
        assertEquals(1e-8, adam.eps());
        assertEquals("adam", adam.name());
        assertEquals(3, adam.size());
    }

    @Test
    void firstStepIsLearningRateTimesSignDampedByEps() {
        Adam adam = new Adam(3);
        double[] p = P0.clone();
        adam.step(p, G[0], LR);
        // bias-corrected m̂ = g and v̂ = g², so the step is lr·g/(|g| + eps)
        Close.rel(1.0 - 0.01 * 0.2 / (0.2 + 1e-8), p[0], "p[0]");
        Close.rel(-0.5 + 0.01 * 0.4 / (0.4 + 1e-8), p[1], "p[1]");
        // |g| = eps: exactly half a learning rate
        Close.rel(2.0 - 0.005, p[2], "p[2]");
        // raw (uncorrected) moments (1 - b1) g and (1 - b2) g²; 1 - 0.999 is 0.001·(1 + 9e-16) in binary,
        // so the factor is kept as written
        Close.rel(new double[] {0.02, -0.04, 1e-9}, adam.state().buffers()[0], "m");
        Close.rel(new double[] {(1 - 0.999) * 0.04, (1 - 0.999) * 0.16, (1 - 0.999) * 1e-16},
                adam.state().buffers()[1], "v");
    }

    @Test
    void threeStepsWithBiasCorrection() {
        Adam adam = new Adam(3);
        double[] p = P0.clone();
        double[] expected = P0.clone();
        double[] m = new double[3];
        double[] v = new double[3];
        for (int t = 0; t < 3; t++) {
            adam.step(p, G[t], LR);
            for (int i = 0; i < 3; i++) {
                double g = G[t][i];
                m[i] = 0.9 * m[i] + (1 - 0.9) * g;
                v[i] = 0.999 * v[i] + (1 - 0.999) * g * g;
                double mHat = m[i] / BC1[t];
                double vHat = v[i] / BC2[t];
                expected[i] = expected[i] - LR * mHat / (Math.sqrt(vHat) + EPS);
            }
            Close.rel(expected, p, "params after step " + (t + 1));
            Close.rel(m, adam.state().buffers()[0], "m after step " + (t + 1));
            Close.rel(v, adam.state().buffers()[1], "v after step " + (t + 1));
        }
        assertEquals(3, adam.steps());
    }

    @Test
    void secondStepWorkedOutForOneComponent() {
        Adam adam = new Adam(1);
        double[] p = {1.0};
        adam.step(p, new double[] {0.2}, LR);
        adam.step(p, new double[] {0.1}, LR);
        // m2 = 0.9·0.02 + 0.1·0.1 = 0.028; v2 = 0.999·0.00004 + 0.001·0.01 = 0.00004996
        // m̂ = 0.028 / 0.19, v̂ = 0.00004996 / 0.001999
        double step1 = 0.01 * 0.2 / (0.2 + 1e-8);
        double step2 = 0.01 * (0.028 / 0.19) / (Math.sqrt(0.00004996 / 0.001999) + 1e-8);
        Close.rel(1.0 - step1 - step2, p[0], "p after step 2");
    }

    @Test
    void fullConstructorUsesGivenHyperParameters() {
        Adam adam = new Adam(1, 0.5, 0.75, 0.0);
        double[] p = {0.0};
        adam.step(p, new double[] {2.0}, 1.0);
        adam.step(p, new double[] {-1.0}, 1.0);
        // step 1: update = sign(g) = 1. step 2: m = 0.5·1 + 0.5·(-1) = 0; so no move.
        Close.rel(-1.0, p[0], "p");
        // v2 = 0.75·(0.25·4) + 0.25·1 = 1
        Close.rel(1.0, adam.state().buffers()[1][0], "v2");
    }

    @Test
    void validatesHyperParameters() {
        assertMessage(() -> new Adam(3, 1.0, 0.999, 1e-8), "adam", "b1", "[0, 1)", "1.0");
        assertMessage(() -> new Adam(3, 0.9, -0.5, 1e-8), "adam", "b2", "-0.5");
        assertMessage(() -> new Adam(3, 0.9, 0.999, -1e-8), "adam", "eps", "-1.0E-8");
        assertMessage(() -> new Adam(3, 0.9, 0.999, Double.POSITIVE_INFINITY), "adam", "eps", "Infinity");
        assertMessage(() -> new Adam(2).step(new double[2], new double[3], 0.1), "adam", "grad.length=3");
    }
}
