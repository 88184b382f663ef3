package io.smoothspike.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The squared error of first output times against targets that come with each trial. */
class TargetTimeSquaredErrorTest {

    private static final double[][] TARGETS = {{0.5, 1.5}, {1.0, 0.2}, {1.8, 1.1}};

    private static double[][] randomTimes(SplittableRandom rng) {
        return new double[][] {{2 * rng.nextDouble(), 2 + rng.nextDouble()}, {2 * rng.nextDouble(), 2.5}};
    }

    @Test
    void eachTrialIsJudgedAgainstItsOwnTargets() {
        Loss loss = new TargetTimeSquaredError(TARGETS, 2);
        double[][] times = randomTimes(new SplittableRandom(1));
        for (int k = 0; k < TARGETS.length; k++) {
            double[][] grad = new double[2][2];
            double[][] fixedGrad = new double[2][2];
            Loss fixed = new SpikeTimeSquaredError(new double[][] {{TARGETS[k][0]}, {TARGETS[k][1]}});
            assertEquals(fixed.evaluate(0, times, fixedGrad), loss.evaluate(k, times, grad), 0.0, "trial " + k);
            for (int r = 0; r < 2; r++) {
                assertEquals(fixedGrad[r][0], grad[r][0], 0.0);
                assertEquals(0.0, grad[r][1], 0.0, "only the first output time has a target");
            }
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        Loss loss = new TargetTimeSquaredError(TARGETS, 2);
        SplittableRandom rng = new SplittableRandom(7);
        double h = 1e-5;
        for (int k = 0; k < TARGETS.length; k++) {
            double[][] times = randomTimes(rng);
            double[][] grad = new double[2][2];
            loss.evaluate(k, times, grad);
            for (int r = 0; r < 2; r++) {
                for (int j = 0; j < 2; j++) {
                    double t = times[r][j];
                    times[r][j] = t + h;
                    double up = loss.evaluate(k, times, new double[2][2]);
                    times[r][j] = t - h;
                    double down = loss.evaluate(k, times, new double[2][2]);
                    times[r][j] = t;
                    double fd = (up - down) / (2 * h);
                    assertEquals(fd, grad[r][j], 1e-9 * Math.max(1, Math.abs(fd)), "trial " + k + ", ∂L/∂t" + r
                            + "_" + j);
                }
            }
        }
    }

    @Test
    void aTrialWithTheWrongNumberOfTargetsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TargetTimeSquaredError(new double[][] {{0.5, 1.0}, {0.5}}, 2));
        assertEquals("sample 1 has 1 target times, the read-out has 2 neurons; give one target time per read-out "
                + "neuron", e.getMessage());
    }
}
