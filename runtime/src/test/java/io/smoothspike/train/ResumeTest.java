package io.smoothspike.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resuming from a checkpoint: matching settings, strict fields, and the same files as an uninterrupted run. */
class ResumeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The single neuron's fixed task: 40 steps, evaluated every 5. */
    static TrainingSettings settings() {
        return new TrainingSettings().trials(40).optimizer("adam").learningRate(0.05).evaluateEvery(5).threads(1);
    }

    /** A run stopped after its third evaluation (step 15), checkpointed in {@code folder}. */
    private Path stopped(String folder) {
        Path part = dir.resolve(folder);
        TrainingResult r = Trainer.train(TrainerTest.singleNeuron(2.0), settings().stopAfter(3), null, part, null,
                null);
        assertTrue(r.interrupted());
        return part;
    }

    private static TrainingResult resume(Path part, TrainingSettings settings, PrintStream log) {
        return Trainer.train(TrainerTest.singleNeuron(2.0), settings, null, part, part, log);
    }

    @Test
    void resumedRunWritesTheSameFilesAsAnUninterruptedOne() throws IOException {
        Path full = dir.resolve("full");
        Trainer.train(TrainerTest.singleNeuron(2.0), settings(), null, full, null, null);
        Path part = stopped("part");
        assertFalse(resume(part, settings(), null).interrupted());
        for (String file : new String[] {"metrics.json", "metrics.csv", Trainer.CHECKPOINT}) {
            assertEquals(Files.readString(full.resolve(file)), Files.readString(part.resolve(file)), file);
        }
    }

    @Test
    void resumedDataSetRunWritesTheSameCsv() throws IOException {
        Path full = dir.resolve("full");
        Trainer.train(TrainerTest.classifier(), TrainerTest.settings(2), TrainerTest.data(), full, null, null);
        Path part = dir.resolve("part");
        Trainer.train(TrainerTest.classifier(), TrainerTest.settings(2).stopAfter(1), TrainerTest.data(), part, null,
                null);
        // the thread count may differ
        Trainer.train(TrainerTest.classifier(), TrainerTest.settings(3), TrainerTest.data(), part, part, null);
        assertEquals(Files.readString(full.resolve("metrics.csv")), Files.readString(part.resolve("metrics.csv")));
    }

    @Test
    void otherSettingsAreRefusedNamingEachDifference() {
        Path part = stopped("part");
        TrainingException e = assertThrows(TrainingException.class, () -> resume(part,
                settings().learningRate(0.5).trials(60), null));
        assertTrue(e.getMessage().contains("learning_rate (checkpoint 0.05, now 0.5)"), e.getMessage());
        assertTrue(e.getMessage().contains("trials (checkpoint 40, now 60)"), e.getMessage());
        assertFalse(e.getMessage().contains("optimizer"), "only what differs: " + e.getMessage());
        e = assertThrows(TrainingException.class, () -> resume(part, settings().clipNorm(1).seed(7), null));
        assertTrue(e.getMessage().contains("clip_norm (checkpoint 0.0, now 1.0)")
                && e.getMessage().contains("seed (checkpoint 1, now 7)"), e.getMessage());
    }

    @Test
    void dataSetSizesMustMatch() {
        Path part = dir.resolve("part");
        Trainer.train(TrainerTest.classifier(), TrainerTest.settings(2).stopAfter(1), TrainerTest.data(), part, null,
                null);
        TrainingData fewer = new TrainingData(TrainerTest.images(30, 1), TrainerTest.images(15, 2));
        TrainingException e = assertThrows(TrainingException.class, () -> Trainer.train(TrainerTest.classifier(),
                TrainerTest.settings(2), fewer, part, part, null));
        assertTrue(e.getMessage().contains("training_samples (checkpoint 40, now 30)"), e.getMessage());
    }

    @Test
    void checkpointWithoutSettingsResumesWithAWarning() throws IOException {
        Path part = stopped("part");
        edit(part, root -> {
            root.put("version", 1);
            root.remove("settings");
            root.remove("largest_output_move_per_step");
        });
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainingResult r = resume(part, settings(), new PrintStream(log, true, StandardCharsets.UTF_8));
        assertFalse(r.interrupted());
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("warning: " + part.resolve(Trainer.CHECKPOINT)) && text.contains("records no "
                + "training settings"), text);
    }

    @Test
    void corruptFieldsAreNamedWithTheFile() throws IOException {
        Map<String, Consumer<ObjectNode>> damage = new LinkedHashMap<>();
        damage.put("\"step\" must be a whole number >= 0, got \"twenty\"", r -> r.put("step", "twenty"));
        damage.put("\"step\" is missing", r -> r.remove("step"));
        damage.put("\"step\" is 99, outside [0, 40]", r -> {
            r.put("step", 99);
            ((ObjectNode) r.get("optimizer")).put("steps", 99);
            ((ObjectNode) r.get("history").get(3)).put("step", 99);
        });
        damage.put("\"step\" is 10 but the last evaluation", r -> {
            r.put("step", 10);
            ((ObjectNode) r.get("optimizer")).put("steps", 10);
        });
        damage.put("\"optimizer.steps\" is 15 but \"step\" is 20", r -> {
            r.put("step", 20);
            ((ObjectNode) r.get("history").get(3)).put("step", 20);
        });
        damage.put("\"initial_loss\" must be a number, got true", r -> r.put("initial_loss", true));
        damage.put("\"optimizer\" is missing", r -> r.remove("optimizer"));
        damage.put("\"optimizer.buffers\" must be an array, got \"x\"",
                r -> ((ObjectNode) r.get("optimizer")).put("buffers", "x"));
        damage.put("\"optimizer\" does not fit", r -> ((ObjectNode) r.get("optimizer")).putArray("buffers"));
        damage.put("\"history\" must be an array, got 3", r -> r.put("history", 3));
        damage.put("\"history[1].loss\" must be a number, got \"low\"",
                r -> ((ObjectNode) r.get("history").get(1)).put("loss", "low"));
        damage.put("\"output_history\" has 3 entries", r -> ((ArrayNode) r.get("output_history")).remove(0));
        damage.put("\"largest_output_move_per_step\" is missing", r -> r.remove("largest_output_move_per_step"));
        damage.put("\"settings\" must be an object", r -> r.put("settings", "fast"));
        damage.put("\"network\": not a SmoothSpike network file", r -> r.put("network", 1));
        Path part = stopped("part");
        byte[] intact = Files.readAllBytes(part.resolve(Trainer.CHECKPOINT));
        for (Map.Entry<String, Consumer<ObjectNode>> d : damage.entrySet()) {
            Files.write(part.resolve(Trainer.CHECKPOINT), intact);
            edit(part, d.getValue());
            TrainingException e = assertThrows(TrainingException.class, () -> resume(part, settings(), null),
                    d.getKey());
            assertTrue(e.getMessage().startsWith("corrupt checkpoint: " + part.resolve(Trainer.CHECKPOINT)),
                    e.getMessage());
            assertTrue(e.getMessage().contains(d.getKey()), d.getKey() + " in " + e.getMessage());
        }
    }

    @Test
    void truncatedCheckpointIsCorrupt() throws IOException {
        Path part = stopped("part");
        Path file = part.resolve(Trainer.CHECKPOINT);
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() / 2));
        TrainingException e = assertThrows(TrainingException.class, () -> resume(part, settings(), null));
        assertTrue(e.getMessage().startsWith("corrupt checkpoint: " + file), e.getMessage());
    }

    @Test
    void staleTemporaryFilesOfAKilledWriteAreRemoved() throws IOException {
        Path part = stopped("part");
        Path stale = Files.writeString(part.resolve(".checkpoint.json.0b7c2a4e.tmp"), "{\"format\": ");
        Path staleCsv = Files.writeString(part.resolve(".metrics.csv.1d2e.tmp"), "step,");
        Path other = Files.writeString(part.resolve("notes.tmp"), "mine");
        resume(part, settings(), null);
        assertFalse(Files.exists(stale), "stale checkpoint temporary removed");
        assertFalse(Files.exists(staleCsv), "stale metrics temporary removed");
        assertTrue(Files.exists(other), "other files are left alone");
    }

    private static void edit(Path part, Consumer<ObjectNode> change) throws IOException {
        Path file = part.resolve(Trainer.CHECKPOINT);
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        change.accept(root);
        JSON.writeValue(file.toFile(), root);
    }
}
