package io.smoothspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.grad.Task;
import io.smoothspike.grad.TrialEvaluator;
import io.smoothspike.sim.EventRecord;
import io.smoothspike.sim.EventSimulator;
import io.smoothspike.sim.TrialGradient;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The {@code temporal-qif} case of {@code bench grad} has the scale its help promises, and trains. */
class TemporalQifCaseTest {

    @Test
    void hasTheScaleOfTemporalEventDataAndAFiniteGradient() {
        Task task = GradBenchmark.task("temporal-qif");
        assertEquals(GradBenchmark.TEMPORAL_INPUTS, task.graph().inputCount());
        assertEquals(GradBenchmark.TEMPORAL_NEURONS + GradBenchmark.TEMPORAL_READOUT, task.graph().neuronCount());
        EventRecord r = new EventSimulator(task.graph()).run(task.inputs().get(0), task.trial());
        int inputs = task.inputs().get(0).size();
        assertTrue(inputs > 2000 && inputs < 3600, "input spikes per trial: " + inputs);
        int readout = 0;
        for (int n = GradBenchmark.TEMPORAL_NEURONS; n < task.graph().neuronCount(); n++) {
            readout += r.spikeCount(n);
        }
        int recurrent = r.spikeCount() - readout;
        assertTrue(recurrent > GradBenchmark.TEMPORAL_NEURONS / 2 && recurrent < 4 * GradBenchmark.TEMPORAL_NEURONS,
                "recurrent spikes per trial: " + recurrent);
        assertTrue(readout > 0, "the read-out never fires");

        TrialEvaluator ev = new TrialEvaluator(task.graph(), task.trial(), task.readout());
        TrialGradient grad = new TrialGradient(task.graph());
        double loss = ev.lossAndGradient(task.inputs().get(0), 0, task.loss(), grad);
        assertTrue(Double.isFinite(loss) && loss > 0, "loss " + loss);
        double[] flat = grad.toArray();
        assertTrue(Arrays.stream(flat).allMatch(Double::isFinite), "non-finite gradient entry");
        assertTrue(Arrays.stream(flat).anyMatch(g -> g != 0), "zero gradient");
    }
}
