package io.smoothspike.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.data.DataSource;
import io.smoothspike.grad.GradientCheck;
import io.smoothspike.grad.Task;
import io.smoothspike.loss.TrialTargets;
import io.smoothspike.network.Network;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.spec.InputSpec;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.ModelSpec;
import io.smoothspike.spec.NetworkSpec;
import io.smoothspike.spec.OutputSpec;
import io.smoothspike.spec.PopulationSpec;
import io.smoothspike.spec.ProjectionSpec;
import io.smoothspike.spec.SpecException;
import io.smoothspike.spec.TrialSpec;
import io.smoothspike.spec.ValueSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training from a data source whose trials carry target spike times, one per read-out neuron. */
class TargetTimeTrainingTest {

    @TempDir
    Path dir;

    /** A timing task: channel 0 spikes at x in [0, 0.5], channel 1 at 0; the outputs should fire at 1 + x, 1.5 − x. */
    static DataSource timing(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][][] times = new double[n][][];
        double[][] targets = new double[n][];
        for (int i = 0; i < n; i++) {
            double x = 0.5 * rng.nextDouble();
            times[i] = new double[][] {{x}, {0.0}};
            targets[i] = new double[] {1 + x, 1.5 - x};
        }
        return DataSource.ofTargetTimes(times, targets);
    }

    static Network network(LossSpec loss, int readout) {
        ModelSpec theta = ModelSpec.theta(6 / Math.PI, 1.25);
        return Network.compile(new NetworkSpec("timing", new TrialSpec(2, 200, 10, "auto"),
                List.of(new InputSpec("in", 2, new InputSpec.External(), false)),
                List.of(new PopulationSpec("h", 8, theta, Map.of("phase", new ValueSpec.Constant(3)), true, null),
                        new PopulationSpec("out", readout, theta, Map.of("phase", new ValueSpec.Constant(3)), true,
                                null)),
                List.of(new ProjectionSpec("in", "h", null, new ValueSpec.FanInUniform(1.0, 0.5, 1), true),
                        new ProjectionSpec("h", "out", null, new ValueSpec.FanInUniform(1.0, 0.5, 2), true)),
                new OutputSpec("out", null, 1), loss));
    }

    static TrainingSettings settings(int epochs) {
        return new TrainingSettings().epochs(epochs).batchSize(8).optimizer("adam").learningRate(0.05).seed(3)
                .threads(2);
    }

    static TrainingData data() {
        return new TrainingData(timing(32, 1), timing(16, 2));
    }

    @Test
    void aTimingTaskTrainsFromInMemoryTargetTimesWithTimingMetrics() throws Exception {
        TrainingResult r = Trainer.train(network(new LossSpec.TargetTime(), 2), settings(6), data(), dir, null, null);
        assertTrue(r.finalLoss() < 0.5 * r.initialLoss(), "training lowers the loss: " + r.initialLoss() + " -> "
                + r.finalLoss());
        Map<String, Object> first = r.history().get(0);
        Map<String, Object> last = r.history().get(r.history().size() - 1);
        assertFalse(first.containsKey("accuracy"), "no accuracy without labels: " + first.keySet());
        double rmse0 = (Double) first.get("timing_rmse");
        double rmse = (Double) last.get("timing_rmse");
        assertTrue(rmse < rmse0, "the timing error falls: " + rmse0 + " -> " + rmse);
        assertEquals(rmse * rmse, (Double) last.get("loss"), 1e-12, "without cap hits RMSE² is the loss");
        Map<String, Object> m = r.finalMetrics();
        assertEquals(rmse, m.get("test_timing_rmse"));
        assertEquals(last.get("timing_within_tolerance"), m.get("test_timing_within_tolerance"));
        assertEquals(0.02, (Double) m.get("timing_tolerance"), 1e-15, "1 % of T = 2 by default");
        assertFalse(m.containsKey("test_accuracy"));
        String header = Files.readString(dir.resolve("metrics.csv")).lines().findFirst().orElseThrow();
        assertTrue(header.startsWith("step,epoch,learning_rate,loss,timing_rmse,timing_within_tolerance,"), header);
        assertTrue(Files.readString(dir.resolve("metrics.json")).contains("\"test_timing_rmse\""));
    }

    @Test
    void theFractionWithinToleranceCountsOutputTimesNearTheirTargets() {
        Network net = network(new LossSpec.TargetTime(), 2);
        DataSource test = timing(16, 2);
        TrainingSettings s = settings(1).timingTolerance(10);
        Map<String, Object> wide = Trainer.train(net, s, new TrainingData(timing(8, 1), test), null, null, null)
                .history().get(0);
        assertEquals(1.0, (Double) wide.get("timing_within_tolerance"), 0.0, "every time lies within 10 of [0, 2]");
        Map<String, Object> narrow = Trainer.train(network(new LossSpec.TargetTime(), 2), settings(1)
                .timingTolerance(1e-9), new TrainingData(timing(8, 1), test), null, null, null).history().get(0);
        assertEquals(0.0, (Double) narrow.get("timing_within_tolerance"), 0.0);
    }

    @Test
    void aResumedTimingRunWritesTheSameMetrics() throws Exception {
        Path full = dir.resolve("full");
        Trainer.train(network(new LossSpec.TargetTime(), 2), settings(3), data(), full, null, null);
        Path part = dir.resolve("part");
        Trainer.train(network(new LossSpec.TargetTime(), 2), settings(3).stopAfter(1), data(), part, null, null);
        Trainer.train(network(new LossSpec.TargetTime(), 2), settings(3), data(), part, part, null);
        assertEquals(Files.readString(full.resolve("metrics.csv")), Files.readString(part.resolve("metrics.csv")));
        assertEquals(Files.readString(full.resolve(Trainer.MODEL)), Files.readString(part.resolve(Trainer.MODEL)));
    }

    @Test
    void thePerTrialTargetLossHasTheExactGradientThroughTheNetwork() {
        Network net = network(new LossSpec.TargetTime(), 2);
        DataSource source = timing(3, 5);
        List<InputSpikes> inputs = new ArrayList<>();
        double[][] targets = new double[source.size()][];
        for (int i = 0; i < source.size(); i++) {
            inputs.add(net.input(i, source.inputTimes(i)));
            targets[i] = source.targetTimes(i);
        }
        Task task = new Task("timing", net.graph(), net.trial(), net.readout(), inputs,
                net.lossFor(TrialTargets.ofTimes(targets)));
        // weights, initial states and constants; the source's input times are data, not parameters
        GradientCheck.Options options = new GradientCheck.Options(true, true, true, false, Integer.MAX_VALUE, 1, 3e-4);
        GradientCheck.Result r = GradientCheck.run(task, options);
        System.out.println(r.summary());
        assertTrue(r.checked() >= 20, r.summary());
        assertTrue(r.skipped() * 10 <= r.checked() + r.skipped(), "few skipped: " + r.summary());
        assertTrue(r.worstRelative() <= 1e-6, r.summary());
    }

    @Test
    void aLossThatDoesNotReadTargetTimesIsRefusedForThem() {
        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class, () -> Trainer.train(
                network(new LossSpec.CrossEntropy(0.01), 2), settings(1), data(), null, null, null));
        assertEquals("the data source gives target spike times, but the loss 'crossEntropy' reads class labels: "
                + "train on target times with loss targetTime() (new LossSpec.TargetTime() in Java)",
                labels.getMessage());
        IllegalArgumentException own = assertThrows(IllegalArgumentException.class, () -> Trainer.train(
                network(new LossSpec.SpikeTime(new double[][] {{1}, {1}}), 2), settings(1), data(), null, null,
                null));
        assertTrue(own.getMessage().contains("the loss 'spikeTime' has targets of its own"), own.getMessage());
    }

    @Test
    void theTargetTimeLossIsRefusedWithoutTargetTimes() {
        TrainingData labelled = new TrainingData(DataSourceTrainingTest.trials(8, 1), DataSourceTrainingTest.trials(
                4, 2));
        Network net = network(new LossSpec.TargetTime(), 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trainer.train(
                network3(), settings(1), labelled, null, null, null));
        assertEquals("the loss 'targetTime' reads target spike times, but the data source gives class labels: make "
                + "a source of target times (source(trials: …, targets: …) in a script, DataSource.ofTargetTimes in "
                + "Java)", e.getMessage());
        IllegalArgumentException fixed = assertThrows(IllegalArgumentException.class, () -> Trainer.train(
                net, new TrainingSettings().trials(2), null, null, null, null));
        assertTrue(fixed.getMessage().startsWith("the loss 'targetTime' reads target spike times from a data set, "
                + "but a fixed task has none"), fixed.getMessage());
        IllegalArgumentException direct = assertThrows(IllegalArgumentException.class, () -> net.loss(null));
        assertTrue(direct.getMessage().startsWith("the targetTime loss reads each trial's target spike times"));
    }

    /** The target-time network with three external channels, as the labelled trials have. */
    private static Network network3() {
        ModelSpec theta = ModelSpec.theta(6 / Math.PI, 1.25);
        return Network.compile(new NetworkSpec("timing3", new TrialSpec(2, 200, 10, "auto"),
                List.of(new InputSpec("in", 3, new InputSpec.External(), false)),
                List.of(new PopulationSpec("out", 2, theta, Map.of("phase", new ValueSpec.Constant(3)), true, null)),
                List.of(new ProjectionSpec("in", "out", null, new ValueSpec.FanInUniform(1.0, 0.5, 1), true)),
                new OutputSpec("out", null, 1), new LossSpec.TargetTime()));
    }

    @Test
    void theNumberOfTargetTimesMustMatchTheReadout() {
        IllegalArgumentException first = assertThrows(IllegalArgumentException.class, () -> Trainer.train(
                network(new LossSpec.TargetTime(), 3), settings(1), data(), null, null, null));
        assertEquals("the data source's trial 0 gives 2 target times, the network's read-out has 3 neurons; give "
                + "one target time per read-out neuron", first.getMessage());
        DataSource good = timing(4, 1);
        DataSource uneven = new DataSource() {
            public int size() {
                return 4;
            }

            public double[][] inputTimes(int i) {
                return good.inputTimes(i);
            }

            public int label(int i) {
                return -1;
            }

            public boolean hasTargetTimes() {
                return true;
            }

            public double[] targetTimes(int i) {
                return i == 3 ? new double[] {1.0} : good.targetTimes(i);
            }
        };
        IllegalArgumentException later = assertThrows(IllegalArgumentException.class, () -> Trainer.train(
                network(new LossSpec.TargetTime(), 2), settings(1), new TrainingData(uneven, good), null, null,
                null));
        assertEquals("data source trial 3 gives 1 target times, the network's read-out has 2 neurons; give one "
                + "target time per read-out neuron", later.getMessage());
    }

    @Test
    void setsMustCarryOneKindOfTargetAndSumsCannotMixThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrainingData(
                timing(4, 1), DataSourceTrainingTest.trials(4, 2)));
        assertEquals("the training set carries target spike times, the held-out set class labels; give both the "
                + "same kind of target", e.getMessage());
        SpecException mixed = assertThrows(SpecException.class, () -> network(new LossSpec.Sum(List.of(
                new LossSpec.Term(1, new LossSpec.TargetTime()), new LossSpec.Term(1, new LossSpec.CrossEntropy(0))
        )), 2));
        assertTrue(mixed.getMessage().contains("a sum cannot mix a loss of class labels with a loss of target times"),
                mixed.getMessage());
    }
}
