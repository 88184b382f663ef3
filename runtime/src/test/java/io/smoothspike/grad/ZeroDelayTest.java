package io.smoothspike.grad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smoothspike.graph.DelayKind;
import io.smoothspike.sim.EventRecord;
import io.smoothspike.sim.TrialGradient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Zero delays give the network without delays: the same events, output times, loss and gradients (up to rounding,
 * as deliveries of one time may come in another order), for every model and delay kind of {@link DelayGradientTest}.
 */
class ZeroDelayTest {

    private static final double TOLERANCE = 1e-12;

    @ParameterizedTest
    @MethodSource("io.smoothspike.grad.DelayGradientTest#cases")
    void zeroDelaysReproduceTheUndelayedNetwork(String id, DelayKind kind, boolean recurrent) {
        Task none = DelayGradientTest.task(id, DelayGradientTest.graph(id, DelayKind.NONE, recurrent, 1), "none");
        Task zero = DelayGradientTest.task(id, DelayGradientTest.graph(id, kind, recurrent, 0), "zero-" + kind);
        TrialEvaluator a = new TrialEvaluator(none.graph(), none.trial(), none.readout());
        TrialEvaluator b = new TrialEvaluator(zero.graph(), zero.trial(), zero.readout());
        a.setConstantGradients(true);
        b.setConstantGradients(true);
        TrialGradient ga = new TrialGradient(none.graph());
        TrialGradient gb = new TrialGradient(zero.graph());
        close(a.lossAndGradient(none.inputs().get(0), 0, none.loss(), ga),
                b.lossAndGradient(zero.inputs().get(0), 0, zero.loss(), gb), "loss");
        EventRecord ra = a.record();
        EventRecord rb = b.record();
        assertEquals(ra.eventCount(), rb.eventCount(), "event count");
        for (int k = 0; k < ra.eventCount(); k++) {
            assertEquals(ra.neuron(k), rb.neuron(k), "event " + k);
            assertEquals(ra.inputChannel(k), rb.inputChannel(k), "event " + k);
            close(ra.time(k), rb.time(k), "time of event " + k);
        }
        for (int r = 0; r < a.times().length; r++) {
            for (int j = 0; j < a.times()[r].length; j++) {
                close(a.times()[r][j], b.times()[r][j], "output time " + j + " of read-out neuron " + r);
            }
        }
        for (int j = 0; j < none.graph().projections().size(); j++) {
            for (int k = 0; k < ga.weights(j).length; k++) {
                close(ga.weights(j)[k], gb.weights(j)[k], "dL/dw " + k + " of projection " + j);
            }
        }
        for (int p = 0; p < none.graph().populations().size(); p++) {
            for (int k = 0; k < ga.initialState(p).length; k++) {
                close(ga.initialState(p)[k], gb.initialState(p)[k], "dL/d initial state " + k + " of population " + p);
            }
            for (int k = 0; k < ga.constants(p).length; k++) {
                close(ga.constants(p)[k], gb.constants(p)[k], "dL/d constant " + k + " of population " + p);
            }
        }
        for (int k = 0; k < ga.inputTimes().length; k++) {
            close(ga.inputTimes()[k], gb.inputTimes()[k], "dL/d time of input " + k);
        }
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), what);
    }
}
