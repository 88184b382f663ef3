package io.smoothspike.grad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smoothspike.graph.DelayKind;
import io.smoothspike.sim.EventRecord;
import io.smoothspike.sim.TrialGradient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Networks without delays give bit for bit the losses, output times, event times and gradients they gave before the
 * engine learned delays: the expected hashes were computed by the simulator of commit a682297 (which had no delay
 * code) on the same tasks (those of {@link DelayGradientTest} without delays: changing them needs new hashes). The two
 * QIF hashes (single-neuron, qif:recurrent) were recomputed when the QIF flow and its derivatives moved to the series
 * of {@code QifFlowSeries} (same results to within rounding, other last bits); the others are still a682297's.
 */
class UndelayedBitwiseTest {

    private static Task task(String name) {
        return switch (name) {
            case "mnist-like" -> TestTasks.mnistLike(TestTasks.ACTIVE_BIAS, 3, 7);
            case "single-neuron" -> TestTasks.singleNeuron(1.2, -0.8, 3);
            default -> {
                String[] p = name.split(":");
                yield DelayGradientTest.task(p[0], DelayKind.NONE, p[1].equals("recurrent"));
            }
        };
    }

    /** A hash of the raw bits of every loss, output time, event time and gradient entry of the task's trials. */
    static long hash(Task task, boolean inputTimes) {
        TrialEvaluator ev = new TrialEvaluator(task.graph(), task.trial(), task.readout());
        ev.setConstantGradients(true);
        ev.setInputTimeGradients(inputTimes);
        ev.setHeldBackInputRows(!inputTimes); // as training does
        TrialGradient g = new TrialGradient(task.graph());
        long h = 17;
        for (int k = 0; k < task.inputs().size(); k++) {
            h = mix(h, ev.lossAndGradient(task.inputs().get(k), k, task.loss(), g));
            for (double[] t : ev.times()) {
                for (double x : t) {
                    h = mix(h, x);
                }
            }
            EventRecord rec = ev.record();
            for (int e = 0; e < rec.eventCount(); e++) {
                h = mix(h, rec.time(e));
            }
            for (double x : g.toArray()) {
                h = mix(h, x);
            }
            for (double x : g.inputTimes()) {
                h = mix(h, x);
            }
        }
        return h;
    }

    private static long mix(long h, double x) {
        return 31 * h + Double.doubleToRawLongBits(x);
    }

    @ParameterizedTest
    @CsvSource({"mnist-like, false, 5945576780025936967", "mnist-like, true, -7753444398656626486",
        "single-neuron, true, 5702509139163507263", "qif:recurrent, true, 6153937427808548019",
        "theta:recurrent, true, 5618418586874758834", "lif:feed-forward, true, -1268978938356574945",
        "oscillatory-lif:recurrent, true, 1172890887614624221"})
    void lossesTimesAndGradientsAreUnchanged(String name, boolean inputTimes, long expected) {
        long h = hash(task(name), inputTimes);
        assertEquals(expected, h, name);
    }
}
