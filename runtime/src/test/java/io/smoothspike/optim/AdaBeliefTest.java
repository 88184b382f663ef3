package io.smoothspike.optim;

import static io.smoothspike.optim.SgdTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** AdaBelief steps against hand arithmetic; bias corrections as literals as in {@link AdamTest}. */
class AdaBeliefTest {

    private static final double LR = 0.01;
    private static final double[] P0 = {1.0, -0.5, 2.0};
    private static final double[][] G = {{0.2, -0.4, 1e-8}, {0.1, 0.3, 1e-8}, {-0.3, 0.5, 2e-8}};
    private static final double[] BC1 = {0.1, 0.19, 0.271};
    private static final double[] BC2 = {0.001, 0.001999, 0.002997001};

    @Test
    void defaultsAreOptaxDefaults() {
        AdaBelief ab = new AdaBelief(3);
        assertEquals(0.9, ab.b1());
        assertEquals(0.999, ab.b2());
        assertEquals(1e-16, ab.eps());
        assertEquals(1e-16, ab.epsRoot());
        assertEquals("adabelief", ab.name());
    }

    @Test
    void threeStepsWithBiasCorrection() {
        AdaBelief ab = new AdaBelief(3);
        double[] p = P0.clone();
        double[] expected = P0.clone();
        double[] m = new double[3];
        double[] s = new double[3];
        for (int t = 0; t < 3; t++) {
            ab.step(p, G[t], LR);
            for (int i = 0; i < 3; i++) {
                double g = G[t][i];
                m[i] = 0.9 * m[i] + (1 - 0.9) * g;
                double surprise = g - m[i];
                s[i] = 0.999 * s[i] + (1 - 0.999) * surprise * surprise + 1e-16;
                double mHat = m[i] / BC1[t];
                double sHat = s[i] / BC2[t];
                expected[i] = expected[i] - LR * mHat / (Math.sqrt(sHat) + 1e-16);
            }
            Close.rel(expected, p, "params after step " + (t + 1));
            Close.rel(m, ab.state().buffers()[0], "m after step " + (t + 1));
            Close.rel(s, ab.state().buffers()[1], "s after step " + (t + 1));
        }
    }

    @Test
    void firstStepWorkedOut() {
        AdaBelief ab = new AdaBelief(1);
        double[] p = {1.0};
        ab.step(p, new double[] {0.2}, LR);
        // m1 = 0.02; g - m1 = 0.18; s1 = (1 - 0.999)·0.0324 + 1e-16 ≈ 3.24e-5 + 1e-16
        // m̂ = 0.2; ŝ = 0.0324 + 1e-13
        Close.rel(0.02, ab.state().buffers()[0][0], "m1");
        Close.rel((1 - 0.999) * 0.0324 + 1e-16, ab.state().buffers()[1][0], "s1");
        Close.rel(1.0 - 0.01 * 0.2 / (Math.sqrt(0.0324 + 1e-13) + 1e-16), p[0], "p1");
    }

    @Test
    void beliefUsesTheUpdatedFirstMoment() {
        // Without eps terms the first step is lr·g/(0.9|g|): the surprise is g - m1 = 0.9 g (with the previous,
        // zero, moment it would be g and the step lr·sign(g)).
        AdaBelief ab = new AdaBelief(2, 0.9, 0.999, 0.0, 0.0);
        double[] p = {1.0, 1.0};
        ab.step(p, new double[] {0.3, -7.0}, 0.09);
        Close.rel(1.0 - 0.1, p[0], "p[0]");
        Close.rel(1.0 + 0.1, p[1], "p[1]");
    }

    @Test
    void validatesHyperParameters() {
        assertMessage(() -> new AdaBelief(3, 0.9, 1.0, 1e-16, 1e-16), "adabelief", "b2", "1.0");
        assertMessage(() -> new AdaBelief(3, Double.NaN, 0.999, 1e-16, 1e-16), "adabelief", "b1", "NaN");
        assertMessage(() -> new AdaBelief(3, 0.9, 0.999, -1.0, 1e-16), "adabelief", "eps", "-1.0");
        assertMessage(() -> new AdaBelief(3, 0.9, 0.999, 1e-16, -2.0), "adabelief", "epsRoot", "-2.0");
    }
}
