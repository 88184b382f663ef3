package io.smoothspike.repl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.groovy.ScriptRunner;
import io.smoothspike.network.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /open} reads what a training run leaves: its model.json and the network of its checkpoint.json. */
class OpenRunFilesTest {

    @TempDir
    Path dir;

    @Test
    void aRunsModelAndCheckpointOpen() throws IOException {
        Path script = Files.writeString(dir.resolve("tiny.groovy"), """
                def net = network('tiny') {
                    trial duration: 10, spikeCap: 20
                    input 'in', size: 1, spikes: [[1.0]]
                    population 'n', size: 1, model: qif(tau: 1), V0: -1
                    connect 'in', 'n', weights: 3
                    readout 'n'
                    loss spikeTime([[4.0]])
                }
                train(net, trials: 10, optimizer: 'sgd', lr: 0.1)
                """);
        Network trained = ScriptRunner.run(script, dir.resolve("run"), null, Map.of()).networks().get(0);
        try (ReplHarness repl = new ReplHarness(dir)) {
            assertEquals(0, repl.pipe("/open run/model.json\n/open run/checkpoint.json\n"), repl.err());
            for (String var : new String[] {"model", "checkpoint"}) {
                assertTrue(repl.out().contains(var + " ==> Network tiny"), repl.out());
                Network opened = (Network) repl.session.evaluator().valueOf(var);
                for (String p : trained.parameterNames()) {
                    assertArrayEquals(trained.parameter(p), opened.parameter(p), 0.0, var + " " + p);
                }
            }
        }
    }
}
