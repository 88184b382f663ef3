package io.smoothspike.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.data.DataSource;
import io.smoothspike.network.Network;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.spec.InputSpec;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.ModelSpec;
import io.smoothspike.spec.NetworkSpec;
import io.smoothspike.spec.OutputSpec;
import io.smoothspike.spec.PopulationSpec;
import io.smoothspike.spec.ProjectionSpec;
import io.smoothspike.spec.TrialSpec;
import io.smoothspike.spec.ValueSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training from a data source of exact input spike times, fed to a network's external inputs. */
class DataSourceTrainingTest {

    @TempDir
    Path dir;

    /** Trials of 3 channels and 2 classes: the class's channel spikes early, the other late, channel 2 is a bias. */
    static DataSource trials(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][][] times = new double[n][][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            double early = 0.2 * rng.nextDouble();
            double late = 1.0 + 0.5 * rng.nextDouble();
            times[i] = new double[][] {{labels[i] == 0 ? early : late}, {labels[i] == 1 ? early : late}, {0.0}};
        }
        return DataSource.of(times, labels);
    }

    static Network network(InputSpec.Source source, int channels) {
        ModelSpec theta = ModelSpec.theta(6 / Math.PI, 1.25);
        return Network.compile(new NetworkSpec("spikes", new TrialSpec(2, 200, 10, "auto"),
                List.of(new InputSpec("in", channels, source, false)),
                List.of(new PopulationSpec("h", 8, theta, Map.of("phase", new ValueSpec.Constant(3)), true, null),
                        new PopulationSpec("out", 2, theta, Map.of("phase", new ValueSpec.Constant(3)), true, null)),
                List.of(new ProjectionSpec("in", "h", null, new ValueSpec.FanInUniform(1.0, 0.5, 1), true),
                        new ProjectionSpec("h", "out", null, new ValueSpec.FanInUniform(1.0, 0.5, 2), true)),
                new OutputSpec("out", null, 1), new LossSpec.CrossEntropy(0.01)));
    }

    static TrainingSettings settings(int epochs) {
        return new TrainingSettings().epochs(epochs).batchSize(8).optimizer("adam").learningRate(0.05).seed(5)
                .threads(2);
    }

    static TrainingData data() {
        return new TrainingData(trials(32, 1), trials(16, 2));
    }

    @Test
    void trainsOnExactSpikeTimesWithMetricsAndCheckpoints() throws Exception {
        Network net = network(new InputSpec.External(), 3);
        TrainingResult r = Trainer.train(net, settings(3), data(), dir, null, null);
        assertTrue(r.finalLoss() < r.initialLoss(), "training lowers the loss: " + r.initialLoss() + " -> "
                + r.finalLoss());
        assertTrue(r.finalMetrics().get("test_accuracy") instanceof Double, "accuracy reported");
        for (String file : List.of("metrics.csv", "metrics.json", Trainer.CHECKPOINT)) {
            assertTrue(Files.exists(dir.resolve(file)), file);
        }
        assertTrue(Files.readString(dir.resolve("metrics.csv")).lines().findFirst().orElseThrow()
                .contains("accuracy"));
    }

    @Test
    void aResumedRunReachesTheSameParameters() {
        Network full = network(new InputSpec.External(), 3);
        Trainer.train(full, settings(3), data(), dir.resolve("full"), null, null);
        Trainer.train(network(new InputSpec.External(), 3), settings(3).stopAfter(1), data(), dir.resolve("part"),
                null, null);
        Network resumed = network(new InputSpec.External(), 3);
        Trainer.train(resumed, settings(3), data(), dir.resolve("part"), dir.resolve("part"), null);
        for (String name : full.parameterNames()) {
            assertArrayEquals(full.parameter(name), resumed.parameter(name), 0.0, name);
        }
    }

    @Test
    void theInputSpikesAreTheSourcesTimesOnTheExternalChannels() {
        Network net = network(new InputSpec.External(), 3);
        InputSpikes in = net.input(0, new double[][] {{0.5, 0.1}, {}, {0.3}});
        assertEquals(3, in.size());
        assertEquals(0.1, in.time(0), 0.0);
        assertEquals(0, in.source(0));
        assertEquals(2, in.source(1));
        assertEquals(0, in.source(2));
    }

    @Test
    void anAugmentedSourceVariesTrainingTrialsButNotHeldOutOnes() {
        DataSource jittered = trials(4, 1).augmented((times, rng) -> new double[][] {
            {times[0][0] + 0.1 * rng.nextDouble()}, times[1], times[2]});
        Network net = network(new InputSpec.External(), 3);
        TrialSet training = new TrialSet.Spikes(jittered, true);
        BatchEncoder.Batch a = new BatchEncoder(net, training, null, 1, 1).encode(k -> k, 0, 4, 1);
        BatchEncoder.Batch b = new BatchEncoder(net, training, null, 1, 2).encode(k -> k, 0, 4, 2);
        BatchEncoder.Batch a2 = new BatchEncoder(net, training, null, 1, 2).encode(k -> k, 0, 4, 1);
        assertNotEquals(spikeTime(a, 0), spikeTime(b, 0), "another step, another jitter");
        assertEquals(spikeTime(a, 0), spikeTime(a2, 0), 0.0, "the same step, the same jitter, for any thread count");
        BatchEncoder.Batch held = new BatchEncoder(net, new TrialSet.Spikes(jittered, false), null, 1, 1)
                .encode(k -> k, 0, 4, 1);
        assertEquals(trials(4, 1).inputTimes(0)[0][0], spikeTime(held, 0), 0.0);
    }

    /** The time of channel 0's spike in trial k of a batch. */
    private static double spikeTime(BatchEncoder.Batch batch, int k) {
        InputSpikes in = batch.inputs().get(k);
        for (int j = 0; j < in.size(); j++) {
            if (in.source(j) == 0) {
                return in.time(j);
            }
        }
        throw new AssertionError("no spike on channel 0");
    }

    @Test
    void aNetworkThatCannotReadTheSourceIsRefusedWithTheReason() {
        IllegalArgumentException images = assertThrows(IllegalArgumentException.class, () -> Trainer.train(
                network(new InputSpec.Image(1), 3), settings(1), data(), null, null, null));
        assertTrue(images.getMessage().contains("declare its input as external"), images.getMessage());
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class, () -> Trainer.train(
                network(new InputSpec.External(), 4), settings(1), data(), null, null, null));
        assertEquals("the data source's trial 0 gives spike times for 3 channels, the network's external inputs "
                + "have 4", channels.getMessage());
        DataSource uneven = DataSource.of(new double[][][] {{{0.1}, {0.2}, {0.3}}, {{0.1}, {0.2}}}, new int[] {0, 1});
        IllegalArgumentException trial = assertThrows(IllegalArgumentException.class, () -> Trainer.train(
                network(new InputSpec.External(), 3), settings(1).threads(1), new TrainingData(uneven, uneven),
                null, null, null));
        assertEquals("data source trial 1: the network's external inputs have 3 channels, the trial gives spike "
                + "times for 2 channels", trial.getMessage());
    }

    @Test
    void anInMemorySourceChecksItsTrials() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSource.of(new double[][][] {{{0.1}}, {{Double.NaN}}}, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("trial 1, channel 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DataSource.of(new double[][][] {{{0.1}}},
                new int[] {0, 1}));
        assertTrue(e.getMessage().contains("1 trials, 2 labels"), e.getMessage());
    }
}
