package io.smoothspike.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Theta kernels of one simulator share their cache of rotations ({@link PopulationKernel#shareCachesWith}). A
 * kernel that shares with a busy neighbour (which fills and evicts the shared slots at its own times) must fire at
 * bitwise the same times and end in bitwise the same phases as a kernel alone.
 */
class ThetaSharedRotationsTest {

    private static final Theta MODEL = new Theta(6 / Math.PI, 1.25);
    private static final int SIZE = 40;

    @Test
    void sharingRotationsChangesNoResult() {
        int spikes = 0;
        for (int seed = 0; seed < 50; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int rows = 30;
            double[] w = ThetaKernelPairs.weightRows(rnd, rows, SIZE);
            double[] phase = new double[SIZE];
            for (int i = 0; i < SIZE; i++) {
                phase[i] = rnd.nextDouble(0, MODEL.period());
            }
            PopulationKernel neighbour = MODEL.newKernel(SIZE);
            PopulationKernel shared = MODEL.newKernel(SIZE);
            PopulationKernel alone = MODEL.newKernel(SIZE);
            shared.shareCachesWith(neighbour);
            for (PopulationKernel k : new PopulationKernel[] {neighbour, shared, alone}) {
                k.setRecording(true);
                k.initialize(phase);
            }
            double t = 0;
            for (int n = 0; n < rows; n++) {
                t += rnd.nextDouble() < 0.2 ? 0 : rnd.nextDouble(0, 0.2);
                // the neighbour rotates to times of its own before each step of the pair
                neighbour.deliverDense(w, ((n + 7) % rows) * SIZE, t + rnd.nextDouble(0, 0.1));
                neighbour.nextSpikeTimeUpTo(t + rnd.nextDouble(0, 1));
                spikes += ThetaKernelPairs.fireTogether(alone, shared, t, "seed " + seed + ", input " + n,
                        spike -> neighbour.nextSpikeTimeUpTo(spike + rnd.nextDouble(0, 0.1)));
                alone.deliverDense(w, n * SIZE, t);
                shared.deliverDense(w, n * SIZE, t);
            }
            assertEquals(alone.nextSpikeTime(), shared.nextSpikeTime(), 0.0, "seed " + seed);
            ThetaKernelPairs.assertSamePhases(alone, shared, t + 1, "seed " + seed);
        }
        assertTrue(spikes > 100, "the runs should contain spikes, had " + spikes);
    }
}
