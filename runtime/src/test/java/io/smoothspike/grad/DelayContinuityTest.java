package io.smoothspike.grad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.graph.DelayKind;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.loss.Loss;
import io.smoothspike.model.NeuronModel;
import io.smoothspike.model.Qif;
import io.smoothspike.model.Theta;
import io.smoothspike.sim.EventRecord;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.TrialGradient;
import io.smoothspike.sim.TrialSettings;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Continuity across the trial end (docs/method.md, "Delays"): the output time of a neuron, swept over the delay of a
 * delivery whose arrival crosses T, changes between neighbouring grid points by no more than its derivative explains.
 * A hidden neuron spikes once; its delayed spike reaches the read-out neuron, which does not spike in [0, T], so its
 * output time is its first pseudospike, set by its state at T.
 */
class DelayContinuityTest {

    private static final double T = 4;
    private static final int POINTS = 2001;
    private static final double D_MIN = 1.5;
    private static final double D_MAX = 4.5;

    private static Task task(String model, DelayKind kind) {
        NeuronModel m = model.equals("qif") ? new Qif(1) : new Theta(1, 0.3);
        double strong = model.equals("qif") ? 6 : 1.5;
        double kick = model.equals("qif") ? 1.5 : -0.6;
        SimulationGraph g = SimulationGraph.builder().inputs("in", 1)
                .population("h", m, 1).population("out", m, 1)
                .connectDense("in", "h", new double[][] {{strong}})
                .connectDense("h", "out", new double[][] {{kick}})
                .delays(kind, new double[] {D_MIN})
                .build();
        ReadoutSpec readout = new ReadoutSpec(new int[] {1}, new int[] {1}, PseudoSettings.DEFAULT);
        Loss outputTime = (sample, times, grad) -> {
            grad[0][0] = 1;
            return times[0][0];
        };
        return new Task("continuity-" + model + "-" + kind, g, new TrialSettings(T, 10), readout,
                List.of(InputSpikes.of(new double[] {0.2}, new int[] {0})), outputTime);
    }

    @ParameterizedTest
    @CsvSource({"qif, PROJECTION", "qif, SYNAPSE", "theta, PROJECTION", "theta, AXONAL"})
    void outputTimeIsContinuousWhereTheArrivalCrossesT(String model, DelayKind kind) {
        Task task = task(model, kind);
        TrialEvaluator ev = new TrialEvaluator(task.graph(), task.trial(), task.readout());
        TrialGradient grad = new TrialGradient(task.graph());
        double[] delay = task.graph().projections().get(1).delays();
        double[] t = new double[POINTS];
        double[] slope = new double[POINTS];
        double step = (D_MAX - D_MIN) / (POINTS - 1);
        double spike = Double.NaN;
        int before = 0;
        for (int k = 0; k < POINTS; k++) {
            delay[0] = D_MIN + k * step;
            t[k] = ev.lossAndGradient(task.inputs().get(0), 0, task.loss(), grad);
            slope[k] = grad.delays(1)[0];
            EventRecord rec = ev.record();
            assertEquals(1, rec.spikeCount(0), "the hidden neuron spikes once");
            assertEquals(0, rec.spikeCount(1), "the read-out neuron is silent in [0, T]: its output is a pseudospike");
            spike = rec.spikeTime(0, 0);
            if (spike + delay[0] < T) {
                before++;
            }
        }
        assertTrue(before > POINTS / 10 && before < POINTS * 9 / 10, "the sweep crosses T: " + before
                + " of " + POINTS + " arrivals before T (hidden spike at " + spike + ")");
        double maxSlope = 0;
        double maxJump = 0;
        for (int k = 0; k < POINTS; k++) {
            maxSlope = Math.max(maxSlope, Math.abs(slope[k]));
            if (k > 0) {
                maxJump = Math.max(maxJump, Math.abs(t[k] - t[k - 1]));
            }
            if (k >= before) {
                assertEquals(0, slope[k], "an arrival after T acts at T: no delay derivative (grid point " + k + ")");
            }
        }
        assertTrue(maxSlope > 0, "the delay moves the output time before the crossing");
        assertTrue(maxJump <= 2 * maxSlope * step, "largest jump " + maxJump + " exceeds twice what the largest "
                + "derivative explains (" + maxSlope * step + " per grid step)");
        // the output time before and after the crossing meet: the state at T is the same either way
        assertEquals(t[before - 1], t[before], 2 * maxSlope * step, "no jump where the arrival crosses T");
    }
}
