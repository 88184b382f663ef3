package io.smoothspike.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A projection row delivered in passes ({@code deliverSparse}, {@code deliverDense}: the flows and bounds of all
 * targets in loops) leaves every neuron bit for bit where delivering to one target after another leaves it, spikes
 * included: rows short and long, intervals and currents inside and outside the range of the QIF series, intervals of
 * 0, and rows delivered at the time a target is due to spike (which pins it at its spike point before the jump).
 */
class LazyKernelRowDeliveryTest {

    private static final int NEURONS = 40;

    @ParameterizedTest
    @ValueSource(strings = {"qif", "lif"})
    void rowsInPassesMatchOneByOne(String model) {
        NeuronModel m = model.equals("qif") ? new Qif(1) : new Lif(1, 1);
        PopulationKernel rows = m.newKernel(NEURONS);
        PopulationKernel single = m.newKernel(NEURONS);
        SplittableRandom rnd = new SplittableRandom(5);
        int d = m.stateSize();
        double[] init = KernelPairs.randomStates(m, NEURONS, rnd);
        rows.initialize(init);
        single.initialize(init);
        double t = 0;
        int spikes = 0;
        int dueRows = 0;
        for (int step = 0; step < 3000; step++) {
            // mostly short intervals, sometimes long ones (Math's functions instead of the series), sometimes none
            // (targets touched at t again), sometimes up to the next spike, which is then delivered to before it fires
            double next = rows.nextSpikeTime();
            boolean atSpike = step % 13 == 0 && next < t + 2;
            if (atSpike) {
                t = next;
                dueRows++;
            } else if (step % 17 != 0) {
                t += step % 7 == 0 ? rnd.nextDouble(0, 2) : rnd.nextDouble(0, 0.05);
            }
            spikes += KernelPairs.fireDue(rows, single, t, !atSpike, "step " + step);
            int n = step % 3 == 0 ? 1 + rnd.nextInt(7) : 8 + rnd.nextInt(NEURONS - 8);
            int[] targets = rnd.ints(0, NEURONS).distinct().limit(n).sorted().toArray();
            double scale = step % 11 == 0 ? 8 : 0.6; // strong inputs leave the series' range of I
            double[] weights = rnd.doubles(targets.length, -scale, scale).toArray();
            if (step % 5 == 4) {
                double[] dense = rnd.doubles(2 * NEURONS, -scale, scale).toArray();
                rows.deliverDense(dense, NEURONS, t);
                for (int i = 0; i < NEURONS; i++) {
                    single.deliver(i, dense[NEURONS + i], t);
                }
            } else {
                rows.deliverSparse(targets, weights, 0, targets.length, t);
                for (int k = 0; k < targets.length; k++) {
                    single.deliver(targets[k], weights[k], t);
                }
            }
            KernelPairs.assertSameStates(single, rows, d, t, model + ", step " + step);
        }
        assertTrue(spikes > 100, "spikes happen: " + spikes);
        assertTrue(dueRows > 100, "deliveries at a spike time: " + dueRows);
    }
}
