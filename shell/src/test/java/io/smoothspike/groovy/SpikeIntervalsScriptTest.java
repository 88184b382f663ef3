package io.smoothspike.groovy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smoothspike.network.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The script word spikeIntervals(…), scripts/delays_temporal.groovy and scripts/delay_sweep.groovy, small. */
class SpikeIntervalsScriptTest {

    private static final Path SCRIPTS = Path.of("..", "scripts");

    @TempDir
    Path dir;

    private Path script(String text) throws IOException {
        return Files.writeString(dir.resolve("s.groovy"), text);
    }

    @Test
    void theWordGivesTheGeneratedTrials() throws IOException {
        ScriptRunner.run(script("""
                import io.smoothspike.data.SpikeIntervals
                def java = SpikeIntervals.split(SpikeIntervals.Settings.DEFAULT, SpikeIntervals.Split.VALIDATION)
                def s = spikeIntervals(split: 'validation')
                assert s.size() == 400
                (0..<400).each { i ->
                    assert s.label(i) == java.label(i)
                    assert s.inputTimes(i) == java.times(i)
                }
                assert spikeIntervals([:]).size() == 2000   // the training split by default
                def own = spikeIntervals(seed: 7, size: 6, classes: 3, shortestGap: 5, gapStep: 1.5,
                        onsetSpread: 2, jitter: 0.1, distractors: 1)
                def mine = SpikeIntervals.generate(new SpikeIntervals.Settings(3, 5, 1.5, 2, 0.1, 1), 7, 6)
                assert own.inputTimes(4) == mine.times(4) && own.inputTimes(4).length == 3
                assert own.label(4) == 1
                """), dir.resolve("out"), null, Map.of());
    }

    @Test
    void mistakesNameTheirCauseAndLine() throws IOException {
        String[][] cases = {
            {"spikeIntervals(split: 'dev')", "split must be 'train', 'validation' or 'test', got 'dev'"},
            {"spikeIntervals(split: 'test', seed: 3, size: 10)", "give split: (a fixed split) or seed: and size:"},
            {"spikeIntervals(seed: 3)", "spikeIntervals: 'size' is required"},
            {"spikeIntervals(jitter: 0.6)", "keep 4 * jitter < gapStep"},
            {"spikeIntervals(gap: 3)", "spikeIntervals: unknown argument 'gap'"}};
        for (String[] c : cases) {
            ScriptError e = assertThrows(ScriptError.class, () -> ScriptRunner.run(script("\n" + c[0] + "\n"),
                    dir.resolve("out"), null, Map.of()), c[0]);
            assertTrue(e.getMessage().contains(c[1]) && e.line() == 2, e.getMessage());
        }
    }

    @Test
    void theTaskScriptTrainsWithoutDelays() throws IOException {
        ScriptRunner.run(SCRIPTS.resolve("delays_temporal.groovy"), dir, null,
                Map.of("hidden", "6", "epochs", "1", "trainLimit", "100", "testLimit", "40"));
        for (String f : new String[] {"loss.png", "error.png", "confusion.csv", "results.md", "model_best.json"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        assertTrue(Files.readString(dir.resolve("results.md")).contains("no delays"));
        assertEquals(5, Files.readAllLines(dir.resolve("confusion.csv")).size(), "header and one row per class");
    }

    @Test
    void theTaskScriptTrainsTheDelaysWithinTheirBounds() throws IOException {
        ScriptRunner.run(SCRIPTS.resolve("delays_temporal.groovy"), dir, null, Map.of("delays", "true", "hidden", "6",
                "epochs", "2", "trainLimit", "100", "testLimit", "40"));
        assertTrue(Files.readString(dir.resolve("results.md")).contains("trainable per-synapse delays"));
        // 6 hidden neurons, 100 trials, 2 epochs: the validation accuracy never rises, so the best model is the first
        JsonNode best = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile()).get("best_model");
        assertEquals(0, best.get("epoch").asDouble(), best.toString());
        double[] initial = Network.load(dir.resolve("model_best.json")).parameter("in->hidden.delay");
        double[] trained = Network.load(dir.resolve("model.json")).parameter("in->hidden.delay");
        assertEquals(2 * 6, trained.length, "one delay per synapse");
        assertFalse(Arrays.equals(initial, trained), "the delays moved");
        for (double d : trained) {
            assertTrue(d >= 0 && d <= 12, "within [0, maxDelay]: " + d);
        }
    }

    @Test
    void theDelaySweepIsContinuousAcrossTheTrialEnd() throws IOException {
        ScriptRunner.run(SCRIPTS.resolve("delay_sweep.groovy"), dir, null, Map.of("points", "301"));
        JsonNode sweeps = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile()).get("sweeps");
        assertEquals(2, sweeps.size());
        for (JsonNode s : sweeps) {
            assertTrue(s.get("continuous").asBoolean(), s.toString());
            assertTrue(s.get("max_jump").asDouble() <= 1.05 * s.get("derivative_bound").asDouble(), s.toString());
        }
        assertEquals(1 + 2 * 301, Files.readAllLines(dir.resolve("delay_sweep.csv")).size());
        assertTrue(Files.size(dir.resolve("time_vs_delay.png")) > 0);
    }

    @Test
    void aTrialTooShortForTheLastArrivalIsRefused() {
        ScriptError e = assertThrows(ScriptError.class, () -> ScriptRunner.run(SCRIPTS.resolve(
                "delays_temporal.groovy"), dir, null, Map.of("delays", "true", "duration", "20.0")));
        assertTrue(e.getMessage().contains("an input spike can arrive at 30.4") && e.getMessage().contains(
                "-Pduration=33.0 or more"), e.getMessage());
    }
}
