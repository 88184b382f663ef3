package io.smoothspike.groovy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A script's training resumed with other -P parameters is refused, naming the script line and each setting. */
class TrainResumeScriptTest {

    @TempDir
    Path dir;

    private static final String SCRIPT = """
            def p = params(lr: 0.05, trials: 20, stop: 0)
            def net = network('one') {
                trial duration: 4, spikeCap: 20
                input 'in', size: 1, spikes: [[1.0]], trainableTimes: true
                population 'n', size: 1, model: qif(tau: 1)
                connect 'in', 'n', weights: 4
                readout 'n', spikes: 1
                loss spikeTime([[2.0]])
            }
            train(net, trials: p.trials, lr: p.lr, evaluateEvery: 5, stopAfter: p.stop, threads: 1)
            """;

    @Test
    void resumeWithOtherParametersIsRefused() throws IOException {
        Path script = Files.writeString(dir.resolve("one.groovy"), SCRIPT);
        Path out = dir.resolve("out");
        ScriptRunner.run(script, out, null, Map.of("stop", "2"));
        ScriptError e = assertThrows(ScriptError.class, () -> ScriptRunner.resume(script, out, null,
                Map.of("lr", "0.5", "trials", "30"), out));
        assertTrue(e.getMessage().startsWith("one.groovy:10: cannot resume"), e.getMessage());
        assertTrue(e.getMessage().contains("learning_rate (checkpoint 0.05, now 0.5)")
                && e.getMessage().contains("trials (checkpoint 20, now 30)"), e.getMessage());
        ScriptRunner.resume(script, out, null, Map.of(), out);
        assertTrue(Files.readAllLines(out.resolve("metrics.csv")).size() == 6, "resumed with the same parameters");
    }
}
