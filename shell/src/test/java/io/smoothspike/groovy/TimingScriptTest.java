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

/** Scripts train timing tasks from source(trials: …, targets: …) and keep the best model by a validation set. */
class TimingScriptTest {

    @TempDir
    Path dir;

    private Path script(String text) throws IOException {
        Path f = dir.resolve("s.groovy");
        Files.writeString(f, text);
        return f;
    }

    /** Channel 0 spikes at x, channel 1 at 0; the two outputs should fire at 1 + x and 1.5 − x. */
    private static final String TASK = """
            def xs = { int n, long seed -> def rng = new Random(seed); (0..<n).collect { 0.5 * rng.nextDouble() } }
            def timing = { List x -> source(trials: x.collect { [[it], [0.0]] }, targets: x.collect { [1 + it, 1.5 - it] })
            }
            def net = network('timing') {
                trial duration: 2, spikeCap: 50
                input 'in', size: 2, external: true
                population 'h', size: 8, model: theta(tau: 6 / Math.PI, drive: 1.25), phase0: 3, trainInitial: true
                population 'out', size: 2, model: theta(tau: 6 / Math.PI, drive: 1.25), phase0: 3, trainInitial: true
                connect 'in', 'h', weights: fanInUniform(scale: 1, offset: 0.5, seed: 1)
                connect 'h', 'out', weights: fanInUniform(scale: 1, offset: 0.5, seed: 2)
                readout 'out'
                loss targetTime()
            }
            """;

    @Test
    void listsAndClosuresGiveTheSameTargetTimes() throws IOException {
        ScriptRunner.run(script("""
                def a = source(trials: [[[0.1], 0.2], [[], [0.3]]], targets: [[1.0, 1.5], [0.5, 0.7]])
                def b = source(size: 2, trial: { i -> i == 0 ? [[0.1], [0.2]] : [[], [0.3]] },
                        target: { i -> i == 0 ? [1.0, 1.5] : [0.5, 0.7] })
                for (s in [a, b]) {
                    assert s.hasTargetTimes() && s.size() == 2 && s.label(0) == -1
                    assert s.targetTimes(0) == [1.0, 1.5] as double[] && s.targetTimes(1) == [0.5, 0.7] as double[]
                    assert s.inputTimes(1) == [[], [0.3]] as double[][]
                }
                def one = source(size: 1, trial: { i -> [[0.1]] }, target: { i -> 0.8 })
                assert one.targetTimes(0) == [0.8] as double[]
                """), dir.resolve("out"), null, Map.of());
    }

    @Test
    void aTimingTaskTrainsWithTimingMetricsAndKeepsTheBestModelByValidation() throws IOException {
        Path out = dir.resolve("out");
        ScriptRunner.run(script(TASK + """
                def r = train(net, data: timing(xs(32, 1)), test: timing(xs(16, 2)), validation: timing(xs(16, 3)),
                        epochs: 4, batch: 8, lr: 0.05, seed: 3, timingTolerance: 0.05)
                assert r.finalLoss() < 0.5 * r.initialLoss()
                """), out, null, Map.of());
        String header = Files.readAllLines(out.resolve("metrics.csv")).get(0);
        assertTrue(header.contains(",timing_rmse,timing_within_tolerance,") && header.contains(
                "validation_loss,validation_timing_rmse,validation_timing_within_tolerance"), header);
        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(0.05, m.get("timing_tolerance").asDouble(), 0.0);
        assertEquals("validation_loss", m.get("best_model").get("selected_by").asText());
        assertTrue(m.get("best_model").get("test_timing_rmse").isNumber() && m.get("last_model").get(
                "test_timing_rmse").isNumber(), m.toString());
        assertTrue(Files.exists(out.resolve("model_best.json")));
    }

    @Test
    void mistakesNameTheirCauseAndLine() throws IOException {
        ScriptError both = assertThrows(ScriptError.class, () -> ScriptRunner.run(script(
                "source(trials: [[0.1]], labels: [0], targets: [[1.0]])\n"), dir.resolve("out"), null, Map.of()));
        assertEquals("source: give either labels: (class labels) or targets: (target spike times, one per read-out "
                + "neuron), not both", both.getMessage().replaceFirst("^.*?:\\d+: ", ""));
        ScriptError labels = assertThrows(ScriptError.class, () -> ScriptRunner.run(script(TASK + """
                def trials = [[[0.1], [0.0]], [[0.2], [0.0]]]
                train(net, data: source(trials: trials, labels: [0, 1]), test: source(trials: trials, labels: [0, 1]),
                        epochs: 1)
                """), dir.resolve("out"), null, Map.of()));
        assertTrue(labels.getMessage().contains("the loss 'targetTime' reads target spike times, but the data source "
                + "gives class labels") && labels.line() == 15, labels.getMessage());
        ScriptError validation = assertThrows(ScriptError.class, () -> ScriptRunner.run(script(TASK + """
                train(net, data: timing([0.1]), test: timing([0.2]), validation: [1], epochs: 1)
                """), dir.resolve("out"), null, Map.of()));
        assertTrue(validation.getMessage().contains("must all be image sets (mnist(…), idx(…)) or all data sources (source(…), …),"
                + " got a data source, a data source and a ArrayList"), validation.getMessage());
        ScriptError fixed = assertThrows(ScriptError.class, () -> ScriptRunner.run(script(TASK + """
                train(net, trials: 10, validation: timing([0.2]))
                """), dir.resolve("out"), null, Map.of()));
        assertTrue(fixed.getMessage().endsWith("train: validation: is for data sets; give data: and test: too"),
                fixed.getMessage());
    }
}
