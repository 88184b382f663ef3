package io.smoothspike.grad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.model.Qif;
import io.smoothspike.sim.EventRecord;
import io.smoothspike.sim.EventSimulator;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.TrialGradient;
import io.smoothspike.sim.TrialSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pseudospikes continue ordinary spikes across T, and their gradients add spikes to a silent neuron. */
class PseudospikeLearningTest {

    @Test
    void outputTimeIsContinuousAcrossTheTrialEndWithFiniteDerivative() {
        double duration = 4;
        SimulationGraph g = SimulationGraph.builder().inputs("in", 1).population("n", new Qif(1), 1)
                .connectDense("in", "n", new double[][] {{0}}).build();
        ReadoutSpec spec = new ReadoutSpec(new int[] {0}, new int[] {1}, PseudoSettings.DEFAULT);
        Task task = new Task("crossing", g, new TrialSettings(duration, 10), spec,
                List.of(InputSpikes.of(new double[] {0.5}, new int[] {0})), (s, t, d) -> {
                    d[0][0] = 1;
                    return t[0][0];
                });
        TrialEvaluator ev = new TrialEvaluator(g, task.trial(), spec);
        TrialGradient grad = new TrialGradient(g);
        double[] weight = g.projections().get(0).weights();
        // bracket the weight at which the output spike crosses T
        double lo = 0;
        double hi = 2 * Math.PI * Math.PI / 4;
        for (int k = 0; k < 60; k++) {
            double mid = 0.5 * (lo + hi);
            weight[0] = mid;
            ev.loss(task.inputs().get(0), 0, task.loss());
            if (ev.record().spikeCount(0) > 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        double crossing = 0.5 * (lo + hi);
        int points = 2001;
        double width = 0.2;
        double[] time = new double[points];
        double[] slope = new double[points];
        int ordinaryPoints = 0;
        for (int k = 0; k < points; k++) {
            weight[0] = crossing + width * (2.0 * k / (points - 1) - 1);
            time[k] = ev.lossAndGradient(task.inputs().get(0), 0, task.loss(), grad);
            slope[k] = grad.weights(0)[0];
            ordinaryPoints += ev.record().spikeCount(0);
            assertTrue(Double.isFinite(slope[k]), "finite derivative at grid point " + k);
        }
        assertTrue(ordinaryPoints > points / 4 && ordinaryPoints < 3 * points / 4, "the sweep spans both sides");
        double step = 2 * width / (points - 1);
        double maxSlope = 0;
        for (double s : slope) {
            maxSlope = Math.max(maxSlope, Math.abs(s));
        }
        for (int k = 1; k < points; k++) {
            assertTrue(Math.abs(time[k] - time[k - 1]) <= 1.01 * maxSlope * step,
                    "no jump beyond what the slope explains at grid point " + k);
            assertTrue(slope[k] < 0, "later spikes for smaller weights on both sides");
        }
        assertTrue(maxSlope < 100, "derivative stays bounded near the crossing: " + maxSlope);
    }

    @Test
    void plainGradientStepsBringSpikesIntoTheTrial() {
        Task task = TestTasks.singleNeuron(0, 0, 3);
        SimulationGraph g = task.graph();
        TrialEvaluator ev = new TrialEvaluator(g, task.trial(), task.readout());
        TrialGradient grad = new TrialGradient(g);
        double[] w = g.projections().get(0).weights();
        EventRecord first = new EventSimulator(g).run(task.inputs().get(0), task.trial());
        assertEquals(0, first.spikeCount(), "starts silent");
        double lossBefore = ev.loss(task.inputs().get(0), 0, task.loss());
        int step = 0;
        int spikes = 0;
        for (; step < 200 && spikes == 0; step++) {
            ev.lossAndGradient(task.inputs().get(0), 0, task.loss(), grad);
            w[0] -= 0.5 * grad.weights(0)[0];
            w[1] -= 0.5 * grad.weights(0)[1];
            spikes = new EventSimulator(g).run(task.inputs().get(0), task.trial()).spikeCount();
        }
        assertTrue(spikes >= 1, "an ordinary spike entered the trial within 200 plain gradient steps");
        assertTrue(ev.loss(task.inputs().get(0), 0, task.loss()) < lossBefore, "the loss decreased");
        System.out.println("first ordinary spike after " + step + " gradient steps");
    }

    @Test
    void batchGradientIsBitIdenticalForAnyThreadCount() {
        Task task = TestTasks.mnistLike(TestTasks.ACTIVE_BIAS, 40, 9);
        int[] ids = new int[task.inputs().size()];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = k;
        }
        TrialGradient[] results = new TrialGradient[3];
        double[] losses = new double[3];
        for (int threads = 1; threads <= 3; threads++) {
            try (BatchGradient batch = new BatchGradient(task.graph(), task.trial(), task.readout(), threads)) {
                results[threads - 1] = new TrialGradient(task.graph());
                losses[threads - 1] = batch.lossAndGradient(task.inputs(), ids, task.loss(), results[threads - 1]);
            }
        }
        for (int t = 1; t < 3; t++) {
            assertEquals(Double.doubleToLongBits(losses[0]), Double.doubleToLongBits(losses[t]));
            for (int j = 0; j < task.graph().projections().size(); j++) {
                assertArrayEquals(results[0].weights(j), results[t].weights(j), 0.0);
            }
            for (int p = 0; p < task.graph().populations().size(); p++) {
                assertArrayEquals(results[0].initialState(p), results[t].initialState(p), 0.0);
            }
        }
        // and it is the mean of the single-trial gradients
        TrialEvaluator ev = new TrialEvaluator(task.graph(), task.trial(), task.readout());
        TrialGradient one = new TrialGradient(task.graph());
        TrialGradient sum = new TrialGradient(task.graph());
        double total = 0;
        for (int k = 0; k < ids.length; k++) {
            total += ev.lossAndGradient(task.inputs().get(k), k, task.loss(), one);
            sum.add(one, 1.0 / ids.length);
        }
        assertEquals(total / ids.length, losses[0], 1e-12);
        double[] a = sum.weights(2);
        double[] b = results[0].weights(2);
        for (int k = 0; k < a.length; k++) {
            assertEquals(a[k], b[k], 1e-12 * (1 + Math.abs(a[k])));
        }
    }

}
