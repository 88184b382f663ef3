package io.smoothspike.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smoothspike.data.DataSource;
import io.smoothspike.network.Network;
import io.smoothspike.spec.InputSpec;
import io.smoothspike.spec.LossSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A validation set: its columns, the best model by it (model_best.json), its test figures, and resuming. */
class ValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Network classifier() {
        return DataSourceTrainingTest.network(new InputSpec.External(), 3);
    }

    private static TrainingData labelled(DataSource validation) {
        return new TrainingData(DataSourceTrainingTest.trials(32, 1), DataSourceTrainingTest.trials(16, 2),
                validation);
    }

    /** Trials whose labels are the other class: training on the right ones makes the network worse at them. */
    private static DataSource flipped() {
        DataSource right = DataSourceTrainingTest.trials(16, 3);
        double[][][] times = new double[right.size()][][];
        int[] labels = new int[right.size()];
        for (int i = 0; i < labels.length; i++) {
            times[i] = right.inputTimes(i);
            labels[i] = 1 - right.label(i);
        }
        return DataSource.of(times, labels);
    }

    /** The index of the row with the highest {@code key} (the first of equals) or, {@code lowest}, the lowest. */
    private static int best(List<Map<String, Object>> history, String key, boolean lowest) {
        int best = 0;
        for (int k = 1; k < history.size(); k++) {
            double v = ((Number) history.get(k).get(key)).doubleValue();
            double b = ((Number) history.get(best).get(key)).doubleValue();
            if (lowest ? v < b : v > b) {
                best = k;
            }
        }
        return best;
    }

    @Test
    void theBestModelByValidationAccuracyIsKeptWithItsTestFigures() throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        TrainingResult r = Trainer.train(classifier(), DataSourceTrainingTest.settings(4),
                labelled(DataSourceTrainingTest.trials(16, 3)), dir.resolve("full"), null,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        List<Map<String, Object>> history = r.history();
        assertTrue(history.get(0).containsKey("validation_accuracy") && history.get(0).containsKey("validation_loss"),
                history.get(0).keySet().toString());
        Map<String, Object> bestRow = history.get(best(history, "validation_accuracy", false));
        @SuppressWarnings("unchecked")
        Map<String, Object> bestModel = (Map<String, Object>) r.finalMetrics().get("best_model");
        assertEquals(bestRow.get("step"), bestModel.get("step"));
        assertEquals("validation_accuracy", bestModel.get("selected_by"));
        assertEquals(bestRow.get("accuracy"), bestModel.get("test_accuracy"));
        assertEquals(bestRow.get("loss"), bestModel.get("test_loss"));
        @SuppressWarnings("unchecked")
        Map<String, Object> lastModel = (Map<String, Object>) r.finalMetrics().get("last_model");
        assertEquals(history.get(history.size() - 1).get("accuracy"), lastModel.get("test_accuracy"));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("best model (validation accuracy "),
                printed.toString(StandardCharsets.UTF_8));

        // the best model is the network as it was at its epoch: as a run stopped there leaves it
        long epochs = ((Number) bestRow.get("step")).longValue() / 4;
        Path there = dir.resolve("stopped");
        Files.createDirectories(there);
        if (epochs == 0) {
            classifier().save(there.resolve(Trainer.MODEL));
        } else {
            Trainer.train(classifier(), DataSourceTrainingTest.settings(4).stopAfter((int) epochs), labelled(
                    DataSourceTrainingTest.trials(16, 3)), there, null, null);
        }
        assertEquals(Files.readString(there.resolve(Trainer.MODEL)), Files.readString(dir.resolve("full")
                .resolve(Trainer.MODEL_BEST)));
        assertEquals(Network.load(dir.resolve("full").resolve(Trainer.MODEL_BEST)).spec(), classifier().spec());
    }

    @Test
    void aTimingTaskKeepsTheModelOfLowestValidationLoss() throws IOException {
        TrainingData data = new TrainingData(TargetTimeTrainingTest.timing(32, 1), TargetTimeTrainingTest.timing(16,
                2), TargetTimeTrainingTest.timing(16, 3));
        TrainingResult r = Trainer.train(TargetTimeTrainingTest.network(new LossSpec.TargetTime(), 2),
                TargetTimeTrainingTest.settings(3), data, dir, null, null);
        List<Map<String, Object>> history = r.history();
        assertTrue(history.get(0).containsKey("validation_timing_rmse"), history.get(0).keySet().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> bestModel = (Map<String, Object>) r.finalMetrics().get("best_model");
        assertEquals("validation_loss", bestModel.get("selected_by"));
        Map<String, Object> bestRow = history.get(best(history, "validation_loss", true));
        assertEquals(bestRow.get("step"), bestModel.get("step"));
        assertEquals(bestRow.get("timing_rmse"), bestModel.get("test_timing_rmse"));
        assertEquals(TargetTimeTrainingTest.network(new LossSpec.TargetTime(), 2).spec(),
                Network.load(dir.resolve(Trainer.MODEL_BEST)).spec(), "the targetTime loss is saved and read back");
    }

    @Test
    void imageSetsTakeAValidationSetToo() {
        TrainingResult r = Trainer.train(TrainerTest.classifier(), TrainerTest.settings(2), new TrainingData(
                TrainerTest.images(40, 1), TrainerTest.images(15, 2), TrainerTest.images(15, 3)), dir, null, null);
        assertTrue(r.history().get(0).containsKey("validation_accuracy"), r.history().get(0).keySet().toString());
        assertTrue(Files.exists(dir.resolve(Trainer.MODEL_BEST)));
    }

    @Test
    void aResumedRunRestoresTheBestSoFar() throws IOException {
        Path full = dir.resolve("full");
        Trainer.train(classifier(), DataSourceTrainingTest.settings(3), labelled(flipped()), full, null, null);
        JsonNode fullBest = JSON.readTree(full.resolve("metrics.json").toFile()).get("best_model");
        assertEquals(0, fullBest.get("step").asInt(), "training on the right labels is worst on the flipped ones: "
                + fullBest);
        Path part = dir.resolve("part");
        Trainer.train(classifier(), DataSourceTrainingTest.settings(3).stopAfter(1), labelled(flipped()), part, null,
                null);
        Trainer.train(classifier(), DataSourceTrainingTest.settings(3), labelled(flipped()), part, part, null);
        for (String file : List.of(Trainer.MODEL_BEST, Trainer.MODEL, "metrics.csv", Trainer.CHECKPOINT)) {
            assertEquals(Files.readString(full.resolve(file)), Files.readString(part.resolve(file)), file);
        }
        assertEquals(fullBest, JSON.readTree(part.resolve("metrics.json").toFile()).get("best_model"));
    }

    @Test
    void aCorruptBestModelInTheCheckpointIsNamed() throws IOException {
        Path part = dir.resolve("part");
        Trainer.train(classifier(), DataSourceTrainingTest.settings(3).stopAfter(1), labelled(flipped()), part, null,
                null);
        Path file = part.resolve(Trainer.CHECKPOINT);
        byte[] intact = Files.readAllBytes(file);
        Map<String, Consumer<ObjectNode>> damage = new LinkedHashMap<>();
        damage.put("\"best\" is missing", r -> r.remove("best"));
        damage.put("\"best.step\" is 2, a step with no evaluation in \"history\"",
                r -> ((ObjectNode) r.get("best")).put("step", 2));
        damage.put("\"best.network\": not a SmoothSpike network file", r -> ((ObjectNode) r.get("best"))
                .put("network", 1));
        damage.put("\"best.step\" is 0, whose evaluation in \"history\" has no validation loss",
                r -> ((ObjectNode) r.get("history").get(0)).remove("validation_loss"));
        for (Map.Entry<String, Consumer<ObjectNode>> d : damage.entrySet()) {
            ObjectNode root = (ObjectNode) JSON.readTree(intact);
            d.getValue().accept(root);
            JSON.writeValue(file.toFile(), root);
            TrainingException e = assertThrows(TrainingException.class, () -> Trainer.train(classifier(),
                    DataSourceTrainingTest.settings(3), labelled(flipped()), part, part, null), d.getKey());
            assertTrue(e.getMessage().startsWith("corrupt checkpoint: " + file) && e.getMessage().contains(
                    d.getKey()), d.getKey() + " in " + e.getMessage());
        }
    }

    @Test
    void runsWithoutAValidationSetWriteNoneOfItsColumnsOrFiles() throws IOException {
        TrainingResult r = Trainer.train(classifier(), DataSourceTrainingTest.settings(1), DataSourceTrainingTest
                .data(), dir, null, null);
        assertFalse(Files.readString(dir.resolve("metrics.csv")).contains("validation"));
        assertFalse(r.finalMetrics().containsKey("best_model"));
        assertFalse(Files.exists(dir.resolve(Trainer.MODEL_BEST)));
    }

    @Test
    void aValidationSetOfAnotherKindIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> labelled(
                TargetTimeTrainingTest.timing(4, 1)));
        assertEquals("the training set carries class labels, the validation set target spike times; give both the "
                + "same kind of target", e.getMessage());
    }
}
