package io.smoothspike.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.OutputSpec;
import io.smoothspike.spec.SpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loss targets the output times cannot reach are refused when the network compiles, not when it trains. */
class LossTargetsTest {

    private static SpecException refused(LossSpec loss) {
        MalformedDescriptionTest.Base b = new MalformedDescriptionTest.Base();
        b.output = new OutputSpec("out", null, 3);
        b.loss = loss;
        return assertThrows(SpecException.class, () -> Network.compile(b.build()));
    }

    @Test
    void negativeSpikeTrainTargetsAreRefused() {
        SpecException e = refused(new LossSpec.SpikeTrain(new double[][] {{1.0}, {-1.0, 2.0}}, 1.1));
        assertEquals("loss", e.path());
        assertTrue(e.getMessage().contains("target 0 of read-out neuron 1: target times must be finite and >= 0 "
                + "(output spikes never come before 0), got -1.0"), e.getMessage());
    }

    @Test
    void negativeSpikeTimeTargetsAreRefused() {
        SpecException e = refused(new LossSpec.SpikeTime(new double[][] {{-0.5}, {1.0}}));
        assertEquals("loss", e.path());
        assertTrue(e.getMessage().contains("target 0 of read-out neuron 0: target times must be finite and >= 0"),
                e.getMessage());
    }

    @Test
    void targetsOutOfOrderAreRefused() {
        SpecException e = refused(new LossSpec.SpikeTrain(new double[][] {{2.0, 1.0}, {1.0}}, 1.1));
        assertTrue(e.getMessage().contains("targets of read-out neuron 0 must be in increasing order"),
                e.getMessage());
        SpecException t = refused(new LossSpec.SpikeTime(new double[][] {{1.0}, {3.0, 2.0}}));
        assertTrue(t.getMessage().contains("targets of read-out neuron 1 must be in increasing order"),
                t.getMessage());
    }

    @Test
    void targetsInsideASumAreCheckedWithTheirTerm() {
        SpecException e = refused(new LossSpec.Sum(List.of(new LossSpec.Term(1, new LossSpec.SpikeTime(
                new double[][] {{1.0}, {1.0}})),
                new LossSpec.Term(1, new LossSpec.SpikeTrain(new double[][] {{-3.0}, {1.0}}, 1.1)))));
        assertEquals("loss.terms[1]", e.path());
    }

    @Test
    void reachableTargetsCompile() {
        MalformedDescriptionTest.Base b = new MalformedDescriptionTest.Base();
        b.output = new OutputSpec("out", null, 3);
        b.loss = new LossSpec.SpikeTrain(new double[][] {{0.0, 1.0}, {2.0, 2.0}}, 1.1);
        Network.compile(b.build());
    }
}
