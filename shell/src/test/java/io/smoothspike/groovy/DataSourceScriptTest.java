package io.smoothspike.groovy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripts train on exact input spike times from source(…): the Yin-Yang script and the word's forms and errors. */
class DataSourceScriptTest {

    private static final Path SCRIPTS = Path.of("..", "scripts");

    @TempDir
    Path dir;

    @Test
    void yinYangScriptTrainsOnSpikeTimesWithMetricsAndACheckpoint() throws IOException {
        ScriptRunner.run(SCRIPTS.resolve("yinyang_quick.groovy"), dir, null,
                Map.of("trainSize", "120", "testSize", "60", "epochs", "3", "batch", "20"));
        JsonNode m = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
        assertTrue(m.get("final_loss").asDouble() < m.get("initial_loss").asDouble(), m.toString());
        assertTrue(m.get("test_accuracy").isNumber(), m.toString());
        assertTrue(Files.size(dir.resolve("checkpoint.json")) > 0);
        assertEquals(1 + 3, Files.readAllLines(dir.resolve("metrics.csv")).size() - 1, "header, step 0, 3 epochs");
    }

    private Path script(String text) throws IOException {
        Path f = dir.resolve("s.groovy");
        Files.writeString(f, text);
        return f;
    }

    private static final String NETWORK = """
            def net = network('two') {
                trial duration: 2, spikeCap: 50
                input 'in', size: 2, external: true
                population 'out', size: 2, model: theta(tau: 1, drive: 1.25), phase0: 3, trainInitial: true
                connect 'in', 'out', weights: fanInUniform(scale: 1, seed: 1)
                readout 'out'
                loss crossEntropy(gamma: 0.01)
            }
            """;

    @Test
    void listsAndClosuresGiveTheSameTrials() throws IOException {
        Path f = script("""
                def a = source(trials: [[[0.1, 0.5], 0.2], [[], [0.3]]], labels: [1, 0])
                def b = source(size: 2, trial: { i -> i == 0 ? [[0.1, 0.5], [0.2]] : [[], [0.3]] },
                        label: { i -> 1 - i })
                for (s in [a, b]) {
                    assert s.size() == 2 && s.label(0) == 1 && s.label(1) == 0
                    assert s.inputTimes(0) == [[0.1, 0.5], [0.2]] as double[][]
                    assert s.inputTimes(1) == [[], [0.3]] as double[][]
                }
                """);
        ScriptRunner.run(f, dir.resolve("out"), null, Map.of());
    }

    @Test
    void anAugmentedSourceTrainsWithItsAugmentation() throws IOException {
        Path f = script(NETWORK + """
                def trials = (0..<20).collect { [[it % 2 == 0 ? 0.1 : 1.0], [it % 2 == 0 ? 1.0 : 0.1]] }
                def labels = (0..<20).collect { it % 2 }
                def jitter = { times, random -> times.collect { ch -> ch.collect { it + 0.01 * random.nextDouble() } } }
                train(net, data: source(trials: trials, labels: labels, augment: jitter),
                        test: source(trials: trials, labels: labels), epochs: 2, batch: 5, lr: 0.01)
                """);
        ScriptRunner.run(f, dir.resolve("out"), null, Map.of());
        assertTrue(Files.exists(dir.resolve("out").resolve("checkpoint.json")));
    }

    @Test
    void mistakesNameTheirCauseAndLine() throws IOException {
        ScriptError kinds = assertThrows(ScriptError.class, () -> ScriptRunner.run(script(NETWORK + """
                train(net, data: source(trials: [[0.1, 0.2]], labels: [0]), test: [1, 2], epochs: 1)
                """), dir.resolve("out"), null, Map.of()));
        assertTrue(kinds.getMessage().contains("both data sources") && kinds.getMessage().contains("a data source and "
                + "a ArrayList") && kinds.line() == 9, kinds.getMessage());
        ScriptError trial = assertThrows(ScriptError.class, () -> ScriptRunner.run(script(
                "source(trials: [[0.1], 'x'], labels: [0, 1])\n"), dir.resolve("out"), null, Map.of()));
        assertTrue(trial.getMessage().contains("source: trial 1 must be a list of channels") && trial.line() == 1,
                trial.getMessage());
        ScriptError channels = assertThrows(ScriptError.class, () -> ScriptRunner.run(script(NETWORK + """
                train(net, data: source(trials: [[0.1]], labels: [0]), test: source(trials: [[0.1]], labels: [0]),
                        epochs: 1)
                """), dir.resolve("out"), null, Map.of()));
        assertTrue(channels.getMessage().contains("the data source's trial 0 gives spike times for 1 channel, the "
                + "network's external inputs have 2"), channels.getMessage());
    }
}
