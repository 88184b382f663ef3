package io.smoothspike.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.graph.DelayKind;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.model.Qif;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The pending-delivery queue's order, and what delayed deliveries do and do not show in a trial's record. */
class DelayedDeliveryTest {

    @Test
    void queueGivesArrivalOrderAndSchedulingOrderAmongEqualTimes() {
        DeliveryQueue q = new DeliveryQueue();
        SplittableRandom rng = new SplittableRandom(4);
        int n = 1000;
        for (int k = 0; k < n; k++) {
            q.push(rng.nextInt(50) / 10.0, 0, k, -1, k); // many equal times
        }
        double lastTime = -1;
        int lastRow = -1;
        for (int k = 0; k < n; k++) {
            double t = q.nextTime();
            assertTrue(t >= lastTime, "arrival order");
            if (t == lastTime) {
                assertTrue(q.topRow() > lastRow, "equal times leave in the order they were scheduled");
            }
            lastTime = t;
            lastRow = q.topRow();
            q.removeTop();
        }
        assertTrue(q.isEmpty());
        assertEquals(Double.POSITIVE_INFINITY, q.nextTime());
    }

    private static SimulationGraph graph(double delay) {
        return SimulationGraph.builder().inputs("in", 1).population("h", new Qif(1), 1).population("out", new Qif(1), 1)
                .connectDense("in", "h", new double[][] {{6}})
                .connectDense("h", "out", new double[][] {{1.5}}).delays(DelayKind.PROJECTION, new double[] {delay})
                .build();
    }

    @Test
    void deliveriesAreNotEventsOfTheRecordAndLateOnesActAtT() {
        InputSpikes in = InputSpikes.of(new double[] {0.2}, new int[] {0});
        TrialSettings trial = new TrialSettings(4, 10);
        EventSimulator sim = new EventSimulator(graph(10));
        EventRecord rec = sim.run(in, trial);
        assertEquals(1 + rec.spikeCount(), rec.eventCount(), "only the input and the spikes are events");
        assertEquals(1, rec.spikeCount(0));
        int[] order = sim.deliveryOrder();
        assertEquals(4, order.length, "one delivery");
        assertEquals(rec.eventCount(), order[0], "after every event");
        assertEquals(~1, order[1], "of projection 1, acting at T");
        // acting at T is delivering at T: the same state at T as an arrival at exactly T
        double spike = rec.spikeTime(0, 0);
        double[] late = rec.finalState(1).clone();
        EventRecord atT = new EventSimulator(graph(4 - spike)).run(in, trial);
        assertEquals(late[0], atT.finalState(1)[0], 1e-12);
        assertEquals(late[1], atT.finalState(1)[1], 1e-12);
    }

    @Test
    void negativeDelayWrittenIntoTheLiveArrayIsNamed() {
        SimulationGraph g = graph(1);
        g.projections().get(1).delays()[0] = -0.5;
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new EventSimulator(g).run(InputSpikes.of(new double[] {0.2}, new int[] {0}),
                        new TrialSettings(4, 10)));
        assertTrue(e.getMessage().contains("delay 0 of projection 1 is -0.5"), e.getMessage());
    }
}
