package io.smoothspike.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.model.Qif;
import io.smoothspike.model.Theta;
import org.junit.jupiter.api.Test;

/** State traces agree with the engine's own states; equal-time spikes follow the documented tie rule. */
class TraceAndTieTest {

    @Test
    void traceSamplesEqualTheStateOfATrialEndingAtTheSampleTime() {
        SimulationGraph g = SimulationGraph.builder().inputs("in", 2).population("q", new Qif(1), 2)
                .population("t", new Theta(1, 0.5), 1)
                .connectDense("in", "q", new double[][] {{4, 1}, {-1, 3}})
                .connectDense("q", "t", new double[][] {{0.5}, {0.7}}).build();
        InputSpikes in = InputSpikes.of(new double[] {0.3, 1.1, 2.0}, new int[] {0, 1, 0});
        double duration = 5;
        double[] grid = StateTrace.grid(duration, 41);
        StateTrace trace = new EventSimulator(g).trace(in, new TrialSettings(duration, 100), grid);
        EventSimulator sim = new EventSimulator(g);
        for (int k = 1; k < grid.length; k += 5) {
            EventRecord r = sim.run(in, new TrialSettings(grid[k], 100));
            for (int n = 0; n < 2; n++) {
                assertEquals(r.finalState(0)[2 * n], trace.state(n, 0)[k], 1e-12, "psi of neuron " + n);
                assertEquals(r.finalState(0)[2 * n + 1], trace.state(n, 1)[k], 1e-12, "I of neuron " + n);
                double v = Math.tan(trace.state(n, 0)[k]);
                assertEquals(v, trace.voltage(n)[k], 1e-9 * (1 + Math.abs(v)), "V of neuron " + n);
            }
            assertEquals(r.finalState(1)[0], trace.state(2, 0)[k], 1e-12, "theta phase");
        }
        assertTrue(new EventSimulator(g).run(in, new TrialSettings(duration, 100)).spikeCount() > 0);
    }

    @Test
    void equalTimeSpikesGoByAscendingNeuronIndex() {
        // three identical neurons driven by one input spike: all spike at the same time
        SimulationGraph g = SimulationGraph.builder().inputs("in", 1).population("a", new Qif(1), 2)
                .population("b", new Qif(1), 1)
                .connectDense("in", "a", new double[][] {{5, 5}}).connectDense("in", "b", new double[][] {{5}})
                .build();
        EventRecord r = new EventSimulator(g).run(InputSpikes.of(new double[] {0.5}, new int[] {0}),
                new TrialSettings(3, 10));
        assertEquals(4, r.eventCount());
        assertTrue(r.isInput(0));
        for (int k = 1; k < 4; k++) {
            assertEquals(k - 1, r.neuron(k), "spike order by global index");
            assertEquals(r.time(1), r.time(k), 0.0, "equal times");
        }
    }

    @Test
    void inputsComeBeforeNetworkSpikesAtEqualTimes() {
        SimulationGraph g = SimulationGraph.builder().inputs("in", 2).population("a", new Qif(1), 1)
                .connectDense("in", "a", new double[][] {{5}, {0.1}}).build();
        EventSimulator sim = new EventSimulator(g);
        double spike = sim.run(InputSpikes.of(new double[] {0.5}, new int[] {0}), new TrialSettings(3, 10))
                .spikeTime(0, 0);
        EventRecord r = sim.run(InputSpikes.of(new double[] {0.5, spike}, new int[] {0, 1}),
                new TrialSettings(3, 10));
        assertTrue(r.isInput(1) && !r.isInput(2), "the input at the spike time is processed first");
        assertEquals(spike, r.time(2), 0.0, "and the spike still happens at its time");
    }
}
