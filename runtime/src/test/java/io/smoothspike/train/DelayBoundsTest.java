package io.smoothspike.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.smoothspike.network.Evaluation;
import io.smoothspike.network.Network;
import io.smoothspike.optim.LearningRateSchedule;
import io.smoothspike.optim.Optimizers;
import io.smoothspike.spec.DelaySpec;
import io.smoothspike.spec.InputSpec;
import io.smoothspike.spec.ModelSpec;
import io.smoothspike.spec.NetworkSpec;
import io.smoothspike.spec.PopulationSpec;
import io.smoothspike.spec.ProjectionSpec;
import io.smoothspike.spec.TrialSpec;
import io.smoothspike.spec.ValueSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An optimizer step leaves every trainable delay within [0, its largest delay], like the other bounded parameters. */
class DelayBoundsTest {

    private static Network network(Double max) {
        return Network.compile(new NetworkSpec("d", TrialSpec.of(2.0),
                List.of(new InputSpec("in", 2, new InputSpec.Spikes(new double[][] {{0.1}, {0.2}}), false)),
                List.of(new PopulationSpec("out", 2, ModelSpec.qif(1.0), null, false, null)),
                List.of(new ProjectionSpec("in", "out", null, new ValueSpec.Constant(1), true,
                        new DelaySpec("synapse", new ValueSpec.Values(new double[] {0.1, 0.5, 0.9, 0.5}), true,
                                max))),
                null, null));
    }

    /** One plain SGD step (rate 1) with the given delay gradient; returns the delays after it. */
    private static double[] stepWith(Network net, double[] delayGradient) {
        TrainingSettings s = new TrainingSettings().optimizer("sgd").learningRate(1);
        ParameterVector vector = new ParameterVector(net, s);
        TrainingStep step = new TrainingStep(s, vector, Optimizers.create("sgd", vector.length(), Map.of()),
                LearningRateSchedule.constant(1), null);
        Map<String, double[]> gradient = new LinkedHashMap<>();
        gradient.put("in->out.weight", new double[] {0.5, 0, 0, -0.5});
        gradient.put("in->out.delay", delayGradient);
        assertNull(step.take(new Evaluation(0, gradient), 0));
        assertArrayEquals(new double[] {0.5, 1, 1, 1.5}, net.parameter("in->out.weight"));
        return net.parameter("in->out.delay");
    }

    @Test
    void aStepKeepsDelaysWithinZeroAndTheLargestDelay() {
        assertArrayEquals(new double[] {0, 0.25, 0.9, 1.0}, stepWith(network(1.0), new double[] {0.3, 0.25, 0, -2}));
    }

    @Test
    void withoutALargestDelayOnlyZeroBoundsThem() {
        assertArrayEquals(new double[] {0, 0.25, 0.9, 2.5}, stepWith(network(null), new double[] {0.3, 0.25, 0, -2}));
    }
}
