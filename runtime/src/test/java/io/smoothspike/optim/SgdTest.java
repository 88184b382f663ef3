package io.smoothspike.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** SGD steps against values worked out by hand. */
class SgdTest {

    private static final double[] G1 = {0.5, -1.0, 2.0};
    private static final double[] G2 = {1.0, 0.25, -0.5};
    private static final double[] G3 = {-0.5, 0.5, 1.0};

    @Test
    void plainSgdSubtractsLearningRateTimesGradient() {
        Sgd sgd = new Sgd(3);
        double[] p = {1.0, -2.0, 0.5};
        sgd.step(p, G1, 0.1);
        // p - 0.1 g = [1 - 0.05, -2 + 0.1, 0.5 - 0.2]
        Close.rel(new double[] {0.95, -1.9, 0.3}, p, "step 1");
        sgd.step(p, G2, 0.2);
        // p - 0.2 g = [0.95 - 0.2, -1.9 - 0.05, 0.3 + 0.1]
        Close.rel(new double[] {0.75, -1.95, 0.4}, p, "step 2");
        assertEquals(2, sgd.steps());
        assertEquals(0, sgd.state().buffers().length, "plain SGD keeps no buffer");
        assertArrayEquals(new double[] {1.0, 0.25, -0.5}, G2, "gradient must not be modified");
    }

    @Test
    void momentumStartsWithTheGradientThenAccumulates() {
        Sgd sgd = new Sgd(3, 0.9, false);
        double[] p = {1.0, -2.0, 0.5};
        // step 1: buf = g = [0.5, -1, 2]; p -= 0.1 buf
        sgd.step(p, G1, 0.1);
        Close.rel(new double[] {0.95, -1.9, 0.3}, p, "step 1");
        Close.rel(new double[] {0.5, -1.0, 2.0}, sgd.state().buffers()[0], "buf 1");
        // step 2: buf = 0.9 [0.5, -1, 2] + [1, 0.25, -0.5] = [1.45, -0.65, 1.3]; p -= 0.1 buf
        sgd.step(p, G2, 0.1);
        Close.rel(new double[] {1.45, -0.65, 1.3}, sgd.state().buffers()[0], "buf 2");
        Close.rel(new double[] {0.805, -1.835, 0.17}, p, "step 2");
        // step 3: buf = 0.9 [1.45, -0.65, 1.3] + [-0.5, 0.5, 1] = [0.805, -0.085, 2.17]; p -= 0.1 buf
        sgd.step(p, G3, 0.1);
        Close.rel(new double[] {0.805, -0.085, 2.17}, sgd.state().buffers()[0], "buf 3");
        Close.rel(new double[] {0.7245, -1.8265, -0.047}, p, "step 3");
    }

    @Test
    void nesterovUsesGradientPlusMomentumTimesBuffer() {
        Sgd sgd = new Sgd(3, 0.9, true);
        double[] p = {1.0, -2.0, 0.5};
        // step 1: buf = g; d = g + 0.9 g = 1.9 g = [0.95, -1.9, 3.8]; p -= 0.1 d
        sgd.step(p, G1, 0.1);
        Close.rel(new double[] {0.905, -1.81, 0.12}, p, "step 1");
        // step 2: buf = [1.45, -0.65, 1.3]; d = [1 + 1.305, 0.25 - 0.585, -0.5 + 1.17] = [2.305, -0.335, 0.67]
        sgd.step(p, G2, 0.1);
        Close.rel(new double[] {0.6745, -1.7765, 0.053}, p, "step 2");
        // step 3: buf = [0.805, -0.085, 2.17]; d = [-0.5 + 0.7245, 0.5 - 0.0765, 1 + 1.953] = [0.2245, 0.4235, 2.953]
        sgd.step(p, G3, 0.1);
        Close.rel(new double[] {0.65205, -1.81885, -0.2423}, p, "step 3");
    }

    @Test
    void zeroLearningRateOnlyAdvancesTheState() {
        Sgd sgd = new Sgd(3, 0.5, false);
        double[] p = {1.0, 2.0, 3.0};
        sgd.step(p, G1, 0.0);
        assertArrayEquals(new double[] {1.0, 2.0, 3.0}, p);
        assertEquals(1, sgd.steps());
        assertArrayEquals(G1, sgd.state().buffers()[0]);
    }

    @Test
    void validatesHyperParameters() {
        assertMessage(() -> new Sgd(3, 1.0, false), "sgd", "momentum", "1.0");
        assertMessage(() -> new Sgd(3, -0.1, false), "sgd", "momentum", "-0.1");
        assertMessage(() -> new Sgd(3, Double.NaN, false), "sgd", "momentum", "NaN");
        assertMessage(() -> new Sgd(3, 0.0, true), "sgd", "nesterov", "momentum > 0");
        assertMessage(() -> new Sgd(-1), "sgd", "size", "-1");
    }

    @Test
    void validatesStepArguments() {
        Sgd sgd = new Sgd(3);
        assertMessage(() -> sgd.step(new double[2], new double[3], 0.1), "sgd", "length 3", "params.length=2");
        assertMessage(() -> sgd.step(new double[3], new double[4], 0.1), "sgd", "grad.length=4");
        assertMessage(() -> sgd.step(new double[3], new double[3], -0.1), "sgd", "learning rate", "-0.1");
        assertMessage(() -> sgd.step(new double[3], new double[3], Double.NaN), "learning rate", "NaN");
        assertEquals(0, sgd.steps(), "failed steps are not counted");
    }

    static void assertMessage(Runnable r, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "message '" + e.getMessage() + "' lacks '" + part + "'");
        }
    }
}
