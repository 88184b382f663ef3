package io.smoothspike.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Deliveries announced ahead ({@code prepareDeliveries}) and then made ({@code deliverPrepared}) leave every neuron
 * bit for bit where plain {@code deliver} calls leave it, also where the work done ahead went stale: the neuron was
 * touched in between (a row of other inputs, its own spike), it was announced twice, it is due by the delivery time,
 * or the delivery made is not the one announced; and in a population smaller than a batch of prepared deliveries.
 */
class LazyKernelPreparedDeliveryTest {

    private static final int NEURONS = 30;

    @Test
    void preparedDeliveriesMatchPlainOnes() {
        Qif model = new Qif(1);
        PopulationKernel prepared = model.newKernel(NEURONS);
        PopulationKernel plain = model.newKernel(NEURONS);
        SplittableRandom rnd = new SplittableRandom(9);
        double[] init = KernelPairs.randomStates(model, NEURONS, rnd);
        prepared.initialize(init);
        plain.initialize(init);
        double t = 0;
        int spikes = 0;
        int rows = 0;
        for (int batch = 0; batch < 400; batch++) {
            int n = 1 + rnd.nextInt(24); // more than the kernel prepares, sometimes
            int[] targets = new int[n];
            double[] weights = new double[n];
            double[] times = new double[n];
            for (int k = 0; k < n; k++) {
                targets[k] = rnd.nextInt(NEURONS); // repeats included
                weights[k] = rnd.nextDouble(-2, 2) * (k % 9 == 0 ? 6 : 1); // strong ones leave the series' range
                t += k % 11 == 0 ? rnd.nextDouble(0, 1) : rnd.nextDouble(0, 0.03);
                times[k] = t;
            }
            prepared.prepareDeliveries(targets, weights, times, n);
            for (int k = 0; k < n; k++) {
                // every neuron due before the delivery fires first (one due at its time is pinned by it)
                spikes += KernelPairs.fireDue(plain, prepared, times[k], false, "batch " + batch);
                if (rnd.nextInt(6) == 0) { // a row of other inputs in between
                    int[] row = rnd.ints(0, NEURONS).distinct().limit(10).sorted().toArray();
                    double[] w = rnd.doubles(row.length, -1, 1).toArray();
                    prepared.deliverSparse(row, w, 0, row.length, times[k]);
                    plain.deliverSparse(row, w, 0, row.length, times[k]);
                    rows++;
                }
                // now and then a delivery other than the announced one
                double w = k % 13 == 5 ? weights[k] / 2 : weights[k];
                prepared.deliverPrepared(k, targets[k], w, times[k]);
                plain.deliver(targets[k], w, times[k]);
                String where = "batch " + batch + ", delivery " + k;
                KernelPairs.assertSameStates(plain, prepared, 2, times[k], where);
                assertEquals(plain.nextSpikeTime(), prepared.nextSpikeTime(), where);
            }
        }
        assertTrue(spikes > 100 && rows > 100, "spikes " + spikes + ", rows in between " + rows);
    }

    /**
     * Five neurons, six deliveries prepared at once: lane 0 flows a strong current the series do not cover (one by
     * one, in a lane of its own), lanes 1–4 go to the same neuron again, lane 5 has an interval at the end of the
     * series' range (a second pass too).
     */
    @Test
    void aBatchLargerThanThePopulationKeepsItsLanes() {
        int neurons = 5;
        Qif model = new Qif(1);
        PopulationKernel prepared = model.newKernel(neurons);
        PopulationKernel plain = model.newKernel(neurons);
        double[] init = new double[2 * neurons];
        init[1] = 1000; // neuron 0: a strong current, beyond the series' range of z = Iℓ²
        for (int i = 1; i < neurons; i++) {
            init[2 * i] = -0.5;
            init[2 * i + 1] = 0.2;
        }
        prepared.initialize(init);
        plain.initialize(init);
        int[] targets = {0, 0, 0, 0, 0, 1};
        double[] weights = {-1, -1, -1, -1, -1, 0.5};
        double[] times = {0.1, 0.2, 0.3, 0.4, 0.45, QifFlowSeries.X_MAX};
        prepared.prepareDeliveries(targets, weights, times, targets.length);
        for (int k = 0; k < targets.length; k++) {
            KernelPairs.fireDue(plain, prepared, times[k], false, "delivery " + k);
            prepared.deliverPrepared(k, targets[k], weights[k], times[k]);
            plain.deliver(targets[k], weights[k], times[k]);
            KernelPairs.assertSameStates(plain, prepared, 2, times[k], "delivery " + k);
        }
    }
}
