package io.smoothspike.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smoothspike.data.LabeledImages;
import io.smoothspike.network.Network;
import io.smoothspike.spec.ConnectivitySpec;
import io.smoothspike.spec.InputSpec;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.ModelSpec;
import io.smoothspike.spec.NetworkSpec;
import io.smoothspike.spec.OutputSpec;
import io.smoothspike.spec.PopulationSpec;
import io.smoothspike.spec.ProjectionSpec;
import io.smoothspike.spec.TrialSpec;
import io.smoothspike.spec.ValueSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer: thread-count independence, bit-exact resumption, constraints, guards and written metrics. */
class TrainerTest {

    @TempDir
    Path dir;

    /** 16-pixel images of 3 classes: class c lights pixels 5c … 5c+4, with noise. */
    static LabeledImages images(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] px = new double[n][16];
        int[] labels = new int[n];
        for (int k = 0; k < n; k++) {
            labels[k] = k % 3;
            for (int i = 0; i < 16; i++) {
                boolean on = i / 5 == labels[k] ? rng.nextDouble() < 0.8 : rng.nextDouble() < 0.1;
                px[k][i] = on ? 200 : 20;
            }
        }
        return new LabeledImages() {
            public int size() {
                return n;
            }

            public double[] pixels(int i) {
                return px[i].clone();
            }

            public int label(int i) {
                return labels[i];
            }
        };
    }

    static Network classifier() {
        ModelSpec theta = ModelSpec.theta(6 / Math.PI, 1.25);
        return Network.compile(new NetworkSpec("tiny", new TrialSpec(2, 200, 10, "auto"),
                List.of(new InputSpec("px", 16, new InputSpec.Image(1), false)),
                List.of(new PopulationSpec("h", 12, theta, Map.of("phase", new ValueSpec.Constant(3)), true, null),
                        new PopulationSpec("out", 3, theta, Map.of("phase", new ValueSpec.Constant(3)), true, null)),
                List.of(new ProjectionSpec("px", "h", null, new ValueSpec.FanInUniform(0.5, 0.3, 1), true),
                        new ProjectionSpec("h", "out", null, new ValueSpec.FanInUniform(0.5, 0.3, 2), true)),
                new OutputSpec("out", null, 1), new LossSpec.CrossEntropy(0.01)));
    }

    static TrainingSettings settings(int threads) {
        return new TrainingSettings().epochs(3).batchSize(10).optimizer("adabelief").learningRate(0.05)
                .exponentialDecay(20).pixelFlip(0.02).seed(3).threads(threads);
    }

    static TrainingData data() {
        return new TrainingData(images(40, 1), images(15, 2));
    }

    private static void assertSameParameters(Network a, Network b) {
        assertEquals(a.parameterNames(), b.parameterNames());
        for (String name : a.parameterNames()) {
            assertArrayEquals(a.parameter(name), b.parameter(name), 0.0, name);
        }
    }

    @Test
    void resultsAreBitIdenticalForAnyThreadCount() {
        Network one = classifier();
        TrainingResult r1 = Trainer.train(one, settings(1), data(), dir.resolve("t1"), null, null);
        for (int threads : new int[] {2, 3}) {
            Network many = classifier();
            TrainingResult r = Trainer.train(many, settings(threads), data(), dir.resolve("t" + threads), null, null);
            assertSameParameters(one, many);
            assertEquals(r1.finalLoss(), r.finalLoss(), 0.0);
        }
        assertTrue(r1.finalLoss() < r1.initialLoss(), "training lowers the loss: " + r1.initialLoss() + " -> "
                + r1.finalLoss());
    }

    @Test
    void resumingAfterAnInterruptionReachesTheSameParameters() {
        Network full = classifier();
        Trainer.train(full, settings(2), data(), dir.resolve("full"), null, null);

        Network first = classifier();
        TrainingResult stopped = Trainer.train(first, settings(2).stopAfter(1), data(), dir.resolve("part"), null,
                null);
        assertTrue(stopped.interrupted(), "stopped after the first epoch");
        Network resumed = classifier();
        TrainingResult rest = Trainer.train(resumed, settings(2), data(), dir.resolve("part"), dir.resolve("part"),
                null);
        assertFalse(rest.interrupted());
        assertSameParameters(full, resumed);
        assertEquals(4, rest.history().size(), "initial evaluation and three epochs");
    }

    @Test
    void metricsFilesCarryTheDocumentedKeys() throws IOException {
        Trainer.train(classifier(), settings(2), data(), dir, null, null);
        JsonNode m = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
        for (String key : List.of("initial_loss", "final_loss", "settings", "test_accuracy", "test_accuracy_ordinary",
                "activity", "silent_fraction", "test_loss", "epochs", "seconds_per_epoch")) {
            assertTrue(m.has(key), "metrics.json has " + key);
        }
        List<String> csv = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals(5, csv.size(), "header and four evaluations");
        assertTrue(csv.get(0).contains("accuracy_ordinary") && csv.get(0).contains("silent_fraction"), csv.get(0));
        assertTrue(Files.isRegularFile(dir.resolve(Trainer.CHECKPOINT)));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    /** One QIF neuron with a trainable input time and weight, squared-error target. */
    static Network singleNeuron(double target) {
        return Network.compile(new NetworkSpec("one", new TrialSpec(4, 20, 10, "auto"),
                List.of(new InputSpec("in", 1, new InputSpec.Spikes(new double[][] {{1.0}}), true)),
                List.of(new PopulationSpec("n", 1, ModelSpec.qif(1), Map.of(), false, null)),
                List.of(new ProjectionSpec("in", "n", new ConnectivitySpec.AllToAll(true),
                        new ValueSpec.Constant(4), true)),
                new OutputSpec("n", null, 1), new LossSpec.SpikeTime(new double[][] {{target}})));
    }

    @Test
    void fixedTaskLearnsAndKeepsSpikeTimesInsideTheTrial() {
        Network net = singleNeuron(2.0);
        TrainingResult r = Trainer.train(net, new TrainingSettings().trials(300).optimizer("adam").learningRate(0.05)
                .threads(1), null, dir, null, null);
        assertTrue(r.finalLoss() < 1e-4 * Math.max(1, r.initialLoss()), "reaches the target: " + r.finalLoss());
        // a huge step would push the input time out of [0, T]: it is clipped back
        Network wild = singleNeuron(0.01);
        Trainer.train(wild, new TrainingSettings().trials(20).optimizer("sgd").learningRate(1e3).threads(1), null,
                dir.resolve("wild"), null, null);
        double t = wild.parameter("in.time")[0];
        assertTrue(t >= 0 && t <= 4, "input time kept in [0, T]: " + t);
    }

    @Test
    void divergenceStopsWithTheStepAndTheLastCheckpoint() {
        Network net = Network.compile(singleNeuron(2.0).spec(), Map.of());
        Network nan = Network.compile(new NetworkSpec("nan", net.spec().trial(), net.spec().inputs(),
                net.spec().populations(), net.spec().projections(), net.spec().output(), new LossSpec.Custom("nan")),
                Map.of("nan", (sample, times, grad) -> {
                    grad[0][0] = Double.NaN;
                    return times[0][0];
                }));
        TrainingException e = assertThrows(TrainingException.class, () -> Trainer.train(nan,
                new TrainingSettings().trials(5).threads(1), null, dir, null, null));
        assertTrue(e.getMessage().contains("step 1") && e.getMessage().contains("not finite") || e.getMessage()
                .contains("NaN"), e.getMessage());
        assertTrue(e.getMessage().contains("Last good checkpoint"), e.getMessage());
    }

    @Test
    void spikeCapHitsDuringTrainingNameTheCap() {
        Network net = Network.compile(new NetworkSpec("busy", new TrialSpec(10, 3, 10, "auto"),
                List.of(new InputSpec("in", 1, new InputSpec.Spikes(new double[][] {{0.1}}), false)),
                List.of(new PopulationSpec("n", 1, ModelSpec.qif(1), Map.of(), false, null)),
                List.of(new ProjectionSpec("in", "n", null, new ValueSpec.Constant(200), true)),
                new OutputSpec("n", null, 1), new LossSpec.SpikeTime(new double[][] {{2.0}})));
        TrainingException e = assertThrows(TrainingException.class, () -> Trainer.train(net,
                new TrainingSettings().trials(3).threads(1), null, dir, null, null));
        assertTrue(e.getMessage().contains("spike cap K = 3") && e.getMessage().contains("spikeCap"),
                e.getMessage());
        assertTrue(e.getMessage().startsWith("evaluation at step 0:"), "the evaluated step: " + e.getMessage());
        assertTrue(e.getMessage().contains("Last good checkpoint: none yet"), e.getMessage());
    }

    @Test
    void spikeCapHitInATrainingStepNamesTheLastGoodCheckpoint() {
        // Poisson input resampled per trial: trial 0 (evaluated) makes 3 spikes, trial 3 (step 4) makes 5 > K = 4
        Network net = Network.compile(new NetworkSpec("busy", new TrialSpec(10, 4, 10, "auto"),
                List.of(new InputSpec("in", 1, new InputSpec.Poisson(0.5, 0, 10, 4, true), false)),
                List.of(new PopulationSpec("n", 1, ModelSpec.qif(1), Map.of(), false, null)),
                List.of(new ProjectionSpec("in", "n", null, new ValueSpec.Constant(10), true)),
                new OutputSpec("n", null, 1), new LossSpec.SpikeTime(new double[][] {{2.0}})));
        TrainingException e = assertThrows(TrainingException.class, () -> Trainer.train(net,
                new TrainingSettings().trials(10).evaluateEvery(1).learningRate(1e-6).threads(1), null, dir, null,
                null));
        assertTrue(e.getMessage().startsWith("step 4: training trial #0 (trial 3)"), e.getMessage());
        assertTrue(e.getMessage().contains("Last good checkpoint: " + dir.resolve(Trainer.CHECKPOINT) + " (step 3)"),
                e.getMessage());
    }

    @Test
    void everyEvaluationAfterTrainingRecordsItsTrainingLoss() throws IOException {
        Trainer.train(singleNeuron(2.0), new TrainingSettings().trials(20).evaluateEvery(5).threads(1), null, dir,
                null, null);
        List<String> csv = Files.readAllLines(dir.resolve("metrics.csv"));
        int column = List.of(csv.get(0).split(",")).indexOf("train_loss");
        assertTrue(column >= 0, csv.get(0));
        assertEquals(6, csv.size(), "header, initial evaluation and four more");
        assertEquals("", csv.get(1).split(",", -1)[column], "no training before the first evaluation");
        for (String row : csv.subList(2, csv.size())) {
            assertFalse(row.split(",", -1)[column].isEmpty(), row);
        }
    }

    @Test
    void nonFiniteMetricsAreNullInMetricsJson() throws IOException {
        // every held-out image (all pixels bright) exceeds the spike cap K = 1: the held-out loss is NaN
        ModelSpec theta = ModelSpec.theta(6 / Math.PI, 1.25);
        Network net = Network.compile(new NetworkSpec("capped", new TrialSpec(2, 1, 10, "auto"),
                List.of(new InputSpec("px", 16, new InputSpec.Image(1), false)),
                List.of(new PopulationSpec("out", 3, theta, Map.of("phase", new ValueSpec.Constant(3)), true, null)),
                List.of(new ProjectionSpec("px", "out", null, new ValueSpec.Constant(2), true)),
                new OutputSpec("out", null, 1), new LossSpec.CrossEntropy(0.01)));
        TrainingResult r = Trainer.train(net, new TrainingSettings().epochs(1).batchSize(2).threads(1),
                new TrainingData(flat(4, 0), flat(3, 255)), dir, null, null);
        assertTrue(Double.isNaN(r.initialLoss()), "every held-out trial hit the cap");
        String text = Files.readString(dir.resolve("metrics.json"));
        assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
        JsonNode m = new ObjectMapper().readTree(text);
        assertTrue(m.get("initial_loss").isNull() && m.get("test_loss").isNull(), text);
        assertTrue(m.get("test_accuracy").isNumber(), text);
    }

    /** {@code n} images of 16 pixels, all of intensity {@code value}. */
    private static LabeledImages flat(int n, double value) {
        return new LabeledImages() {
            public int size() {
                return n;
            }

            public double[] pixels(int i) {
                double[] p = new double[16];
                java.util.Arrays.fill(p, value);
                return p;
            }

            public int label(int i) {
                return i % 3;
            }
        };
    }

    @Test
    void theOutputFolderIsAnnouncedAndNoFolderWritesNoFiles() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Path out = dir.resolve("run");
        Trainer.train(singleNeuron(2.0), new TrainingSettings().trials(5).threads(1), null, out, null,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertTrue(log.toString(StandardCharsets.UTF_8).startsWith("writing " + out + java.io.File.separator + "\n"),
                log.toString(StandardCharsets.UTF_8));

        log.reset();
        Path quiet = dir.resolve("quiet");
        TrainingResult r = Trainer.train(singleNeuron(2.0), new TrainingSettings().trials(5).threads(1), null, null,
                null, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertFalse(log.toString(StandardCharsets.UTF_8).contains("writing"), log.toString(StandardCharsets.UTF_8));
        assertEquals(6, r.history().size(), "the metrics are in the result");
        assertFalse(Files.exists(quiet));
    }
}
