package io.smoothspike.optim;

import static io.smoothspike.optim.SgdTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checkpointing: state() then restore() into a fresh optimizer continues bit-identically. */
class OptimizerStateTest {

    private static final int SIZE = 7;
    private static final int STEPS = 12;
    private static final int SPLIT = 5;

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("sgd", (Supplier<Optimizer>) () -> new Sgd(SIZE)),
                Arguments.of("sgd momentum", (Supplier<Optimizer>) () -> new Sgd(SIZE, 0.9, false)),
                Arguments.of("sgd nesterov", (Supplier<Optimizer>) () -> new Sgd(SIZE, 0.8, true)),
                Arguments.of("adam", (Supplier<Optimizer>) () -> new Adam(SIZE)),
                Arguments.of("adabelief", (Supplier<Optimizer>) () -> new AdaBelief(SIZE)));
    }

    /** Deterministic gradients and a decaying learning rate, so every step differs. */
    private static double[][] gradients() {
        Random rnd = new Random(42);
        double[][] g = new double[STEPS][SIZE];
        for (double[] row : g) {
            for (int i = 0; i < SIZE; i++) {
                row[i] = rnd.nextGaussian() * Math.exp(rnd.nextGaussian());
            }
        }
        return g;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void restoreIntoFreshOptimizerContinuesBitIdentically(String label, Supplier<Optimizer> factory) {
        double[][] g = gradients();
        LearningRateSchedule lr = LearningRateSchedule.exponentialDecay(0.05, 4);
        double[] init = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            init[i] = 0.1 * i - 0.3;
        }

        Optimizer straight = factory.get();
        double[] pStraight = init.clone();
        for (int t = 0; t < STEPS; t++) {
            straight.step(pStraight, g[t], lr.rate(t));
        }

        Optimizer first = factory.get();
        double[] p = init.clone();
        for (int t = 0; t < SPLIT; t++) {
            first.step(p, g[t], lr.rate(t));
        }
        OptimizerState saved = first.state();
        assertEquals(SPLIT, saved.steps());
        assertEquals(first.name(), saved.type());
        // the snapshot is detached: the original optimizer moving on does not change it
        first.step(p.clone(), g[SPLIT], 1.0);
        assertEquals(SPLIT, saved.steps());

        Optimizer resumed = factory.get();
        resumed.restore(saved);
        assertEquals(SPLIT, resumed.steps());
        assertEquals(saved, resumed.state());
        for (int t = SPLIT; t < STEPS; t++) {
            resumed.step(p, g[t], lr.rate(t));
        }
        assertArrayEquals(pStraight, p, label + ": resumed run must equal the uninterrupted run exactly");
        assertEquals(straight.state(), resumed.state());
        assertEquals(STEPS, resumed.steps());
    }

    @Test
    void stateIsADeepCopy() {
        Adam adam = new Adam(2);
        double[] p = {1, 2};
        adam.step(p, new double[] {0.5, -0.5}, 0.1);
        OptimizerState s = adam.state();
        double[][] buffers = s.buffers();
        buffers[0][0] = 99;
        assertNotEquals(99, s.buffers()[0][0], "buffers() returns a copy");
        assertNotEquals(99, adam.state().buffers()[0][0], "state() does not alias the optimizer");

        double[][] mine = {{1, 2}, {3, 4}};
        OptimizerState built = new OptimizerState("adam", 3, mine);
        mine[0][0] = -1;
        assertEquals(1, built.buffers()[0][0], "the constructor copies its argument");
        adam.restore(built);
        built.buffers()[1][1] = 0;
        assertArrayEquals(new double[] {3, 4}, adam.state().buffers()[1]);
        assertEquals(3, adam.steps());
    }

    @Test
    void restoreValidatesTypeAndBuffers() {
        Adam adam = new Adam(3);
        assertMessage(() -> adam.restore(new AdaBelief(3).state()), "'adabelief'", "'adam'");
        assertMessage(() -> adam.restore(new OptimizerState("adam", 1, new double[][] {{1, 2, 3}})),
                "adam", "1 buffer(s)", "expects 2");
        assertMessage(() -> adam.restore(new OptimizerState("adam", 1, new double[][] {{1, 2, 3}, {1, 2}})),
                "adam", "buffer 1", "length 2", "size is 3");
        assertMessage(() -> new Sgd(3).restore(new Sgd(3, 0.9, false).state()), "sgd", "1 buffer(s)", "expects 0");
        assertMessage(() -> adam.restore(null), "adam", "null");
        assertEquals(0, adam.steps(), "a rejected state leaves the optimizer untouched");
        assertMessage(() -> new OptimizerState("adam", -1, new double[0][]), "steps", "-1");
        assertMessage(() -> new OptimizerState("adam", 0, new double[][] {null}), "buffer 0", "null");
    }
}
