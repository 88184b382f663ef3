package io.smoothspike.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.network.Network;
import io.smoothspike.spec.DelaySpec;
import io.smoothspike.spec.InputSpec;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.ModelSpec;
import io.smoothspike.spec.NetworkSpec;
import io.smoothspike.spec.OutputSpec;
import io.smoothspike.spec.PopulationSpec;
import io.smoothspike.spec.ProjectionSpec;
import io.smoothspike.spec.TrialSpec;
import io.smoothspike.spec.ValueSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network whose only trainable parameters are per-synapse delays trains through {@link Trainer#train}: the loss
 * falls, the delays move and stay within [0, maxDelay].
 */
class DelayTrainingTest {

    @TempDir
    Path dir;

    private static final double MAX = 1.5;

    /** Two inputs into two QIF neurons, frozen weights, trainable delays per synapse; target output times. */
    private static Network network(double[][] targets) {
        return Network.compile(new NetworkSpec("delays", new TrialSpec(4, 20, 10, "auto"),
                List.of(new InputSpec("in", 2, new InputSpec.Spikes(new double[][] {{0.5}, {1.0}}), false)),
                List.of(new PopulationSpec("out", 2, ModelSpec.qif(1), null, false, null)),
                List.of(new ProjectionSpec("in", "out", null, new ValueSpec.Constant(3), false,
                        new DelaySpec("synapse", new ValueSpec.Uniform(0.1, 0.4, 3), true, MAX))),
                new OutputSpec("out", null, 1), new LossSpec.SpikeTime(targets)));
    }

    @Test
    void delaysAloneLearnTheTargetTimes() {
        // targets: the output times of other delays, so that delays alone can reach them
        Network teacher = network(new double[][] {{1}, {1}});
        teacher.setParameter("in->out.delay", new double[] {0.3, 0.6, 0.9, 0.2});
        double[][] times = teacher.simulate().outputTimes();
        Network net = network(times);
        double[] before = net.parameter("in->out.delay");
        TrainingResult r = Trainer.train(net, new TrainingSettings().trials(200).optimizer("adam").learningRate(0.02)
                .threads(1), null, dir.resolve("a"), null, null);
        double[] after = net.parameter("in->out.delay");
        assertTrue(r.finalLoss() < 0.01 * r.initialLoss(), "loss " + r.initialLoss() + " -> " + r.finalLoss());
        assertTrue(!Arrays.equals(before, after), "delays changed: " + Arrays.toString(after));
        assertTrue(Arrays.stream(after).allMatch(d -> d >= 0 && d <= MAX), Arrays.toString(after));
    }

    @Test
    void hugeStepsKeepTheDelaysWithinTheirBounds() {
        Network net = network(new double[][] {{3.9}, {0.01}});
        Trainer.train(net, new TrainingSettings().trials(20).optimizer("sgd").learningRate(1e3).threads(1), null,
                dir.resolve("b"), null, null);
        double[] d = net.parameter("in->out.delay");
        assertTrue(Arrays.stream(d).allMatch(x -> x >= 0 && x <= MAX), Arrays.toString(d));
        assertTrue(Arrays.stream(d).anyMatch(x -> x == 0 || x == MAX), "a bound was reached: " + Arrays.toString(d));
    }
}
