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

/** The script word yinyang(…) and scripts/yinyang.groovy on a few samples. */
class YinYangScriptTest {

    private static final Path SCRIPTS = Path.of("..", "scripts");

    @TempDir
    Path dir;

    private Path script(String text) throws IOException {
        return Files.writeString(dir.resolve("s.groovy"), text);
    }

    @Test
    void theWordGivesTheGeneratedSplitsAsExactSpikeTimes() throws IOException {
        ScriptRunner.run(script("""
                import io.smoothspike.data.YinYang
                def java = YinYang.split('validation').source(YinYang.Encoding.DEFAULT)
                def s = yinyang(split: 'validation')
                assert s.size() == 1000
                (0..<1000).each { i ->
                    assert s.label(i) == java.label(i)
                    assert s.inputTimes(i) == java.inputTimes(i)
                }
                assert yinyang([:]).size() == 5000   // the training split by default
                def own = yinyang(seed: 7, size: 4, early: 0, late: 1, bias: false)
                def mine = YinYang.generate(7, 4)
                assert own.inputTimes(2) == mine.features(2).collect { [it] } as double[][]
                def shifted = yinyang(split: 'test', early: 0.5, late: 0.25, bias: 0.1)
                def x = YinYang.split('test').x(0)
                assert shifted.inputTimes(0)[0] == [0.5 + (0.25 - 0.5) * x] as double[]
                assert shifted.inputTimes(0)[4] == [0.1] as double[]
                """), dir.resolve("out"), null, Map.of());
    }

    @Test
    void mistakesNameTheirCauseAndLine() throws IOException {
        String[][] cases = {
            {"yinyang(split: 'valid')", "split must be 'train', 'validation' or 'test', got 'valid'"},
            {"yinyang(split: 'test', seed: 3, size: 10)", "give split: (a published split) or seed: and size:"},
            {"yinyang(seed: 3)", "yinyang: 'size' is required"},
            {"yinyang(bias: 'early')", "yinyang: 'bias' must be a number, got early"},
            {"yinyang(early: -1)", "early, late and bias must be finite and >= 0"},
            {"yinyang(splits: 'test')", "yinyang: unknown argument 'splits'"}};
        for (String[] c : cases) {
            ScriptError e = assertThrows(ScriptError.class, () -> ScriptRunner.run(script("\n" + c[0] + "\n"),
                    dir.resolve("out"), null, Map.of()), c[0]);
            assertTrue(e.getMessage().contains(c[1]) && e.line() == 2, e.getMessage());
        }
    }

    @Test
    void theScriptTrainsAndWritesItsFigures() throws IOException {
        ScriptRunner.run(SCRIPTS.resolve("yinyang.groovy"), dir, null,
                Map.of("hidden", "6", "epochs", "2", "batch", "10", "trainLimit", "60", "testLimit", "30"));
        JsonNode m = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
        assertTrue(m.get("final_loss").asDouble() < m.get("initial_loss").asDouble(), m.toString());
        for (String f : new String[] {"loss.png", "error.png", "test_predictions.png", "results.md"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        assertTrue(Files.readString(dir.resolve("results.md")).contains("95.9 ± 0.7 %"));
    }
}
