package io.smoothspike.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A spike into an all-to-all layer takes the theta kernel's single-dense path (the weight row copied, applied and
 * tested in vectorized loops). It must leave every neuron bitwise where the same weights, delivered one synapse at a
 * time through the general path, leave it: also for weights ±0.0 and rows at any offset.
 */
class ThetaDenseDeliveryTest {

    private static final Theta MODEL = new Theta(6 / Math.PI, 1.25);
    private static final int SIZE = 48;

    @Test
    void denseRowActsExactlyLikeItsSynapsesOneByOne() {
        int spikes = 0;
        for (int seed = 0; seed < 60; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int rows = 25;
            double[] w = ThetaKernelPairs.weightRows(rnd, rows, SIZE);
            for (int i = 0; i < w.length; i++) {
                double u = rnd.nextDouble();
                w[i] = u < 0.05 ? -0.0 : u < 0.1 ? 0.0 : w[i];
            }
            double[] phase = new double[SIZE];
            for (int i = 0; i < SIZE; i++) {
                phase[i] = rnd.nextDouble() < 0.1 ? 0 : rnd.nextDouble(0, MODEL.period());
            }
            PopulationKernel dense = MODEL.newKernel(SIZE);
            PopulationKernel single = MODEL.newKernel(SIZE);
            boolean recording = seed % 2 == 0;
            for (PopulationKernel k : new PopulationKernel[] {dense, single}) {
                k.setRecording(recording);
                k.initialize(phase);
            }
            double t = 0;
            for (int n = 0; n < rows; n++) {
                t += rnd.nextDouble(0, 0.2);
                spikes += ThetaKernelPairs.fireTogether(single, dense, t, "seed " + seed + ", row " + n, spike -> { });
                int row = rnd.nextInt(rows);
                dense.deliverDense(w, row * SIZE, t);
                for (int i = 0; i < SIZE; i++) {
                    single.deliver(i, w[row * SIZE + i], t);
                }
                // asked as the engine asks (up to its next event) or at once for the states
                if (n % 3 != 0) {
                    double bound = t + rnd.nextDouble(0, 0.2);
                    assertEquals(single.nextSpikeTimeUpTo(bound), dense.nextSpikeTimeUpTo(bound), 0.0,
                            "seed " + seed + ": next spike time after row " + n);
                }
                ThetaKernelPairs.assertSamePhases(single, dense, t, "seed " + seed + ", row " + n);
            }
        }
        assertTrue(spikes > 100, "the runs should contain spikes, had " + spikes);
    }
}
