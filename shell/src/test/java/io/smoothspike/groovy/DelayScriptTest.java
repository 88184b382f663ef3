package io.smoothspike.groovy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.dsl.Snn;
import io.smoothspike.network.Network;
import io.smoothspike.network.NetworkFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delay words of a script's {@code connect}: the same descriptions as the Java DSL, mistakes at their line. */
class DelayScriptTest {

    @TempDir
    Path dir;

    private Path script(String body) throws IOException {
        Path f = dir.resolve("d.groovy");
        Files.writeString(f, body);
        return f;
    }

    private static String network(String connects) {
        return "network('d') {\n"
                + "    trial duration: 4\n"
                + "    input 'in', size: 3, spikes: [[0.5], [1.0], []]\n"
                + "    population 'h', size: 2, model: qif(tau: 1)\n"
                + "    population 'out', size: 2, model: qif(tau: 1)\n"
                + connects
                + "}\n";
    }

    @Test
    void groovyAndJavaDelaysGiveTheSameDescription() throws IOException {
        Network groovy = ScriptRunner.run(script(network("""
                    connect 'in', 'h', delays: uniform(0, 1, seed: 3), trainDelays: true, maxDelay: 1
                    connect 'h', 'out', delays: [0.1, 0.2], delayPer: 'neuron'
                    connect 'h', 'h', delays: 0.25, delayPer: "${'pro'}jection"
                    connect 'out', 'out', delays: [[0, 0.5], [1, 0]], connectivity: allToAll(self: true)
                    connect 'in', 'out', delays: normal(0.2, 0.1, seed: 4)
                """)), dir.resolve("out"), null, Map.of()).networks().get(0);
        Network java = Snn.network("d").trial(4)
                .input("in", 3).spikes(new double[][] {{0.5}, {1.0}, {}})
                .population("h", 2, Snn.qif(1))
                .population("out", 2, Snn.qif(1))
                .connect("in", "h").delays(Snn.uniform(0, 1, 3)).trainDelays().maxDelay(1)
                .connect("h", "out").delays(Snn.values(0.1, 0.2)).delayPer("neuron")
                .connect("h", "h").delays(0.25).delayPer("projection")
                .connect("out", "out").delays(Snn.matrix(new double[][] {{0, 0.5}, {1, 0}}))
                .connectivity(Snn.allToAll())
                .connect("in", "out").delays(Snn.normal(0.2, 0.1, 4))
                .compile();
        assertEquals(NetworkFile.toJson(java.spec()), NetworkFile.toJson(groovy.spec()));
        assertArrayEquals(new double[] {0, 0.5, 1, 0}, groovy.parameter("out->out.delay"));
        assertTrue(groovy.trainableParameterNames().contains("in->h.delay"));
    }

    private void assertFailsAt(String connect, String... parts) throws IOException {
        Path f = script(network("    " + connect + "\n"));
        ScriptError e = assertThrows(ScriptError.class, () -> ScriptRunner.run(f, dir.resolve("out"), null,
                Map.of()));
        assertEquals(6, e.line(), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void mistakesPointToTheirLine() throws IOException {
        assertFailsAt("connect 'h', 'out', delays: 0.1, delayPer: 'axon'", "unknown delayPer 'axon'",
                "synapse, neuron, projection");
        assertFailsAt("connect 'h', 'out', trainDelays: true", "'trainDelays' needs delays",
                "uniform(0, 1, seed: 3)");
        assertFailsAt("connect 'h', 'out', delays: -0.5", "projections[h->out].delays", "delays must be >= 0");
        assertFailsAt("connect 'h', 'out', delays: 2, maxDelay: 1", "above the largest delay 1.0");
        assertFailsAt("connect 'h', 'out', delays: [0.1], delayPer: 'neuron'", "needs 2 values, got 1");
        assertFailsAt("connect 'h', 'out', delay: 0.1", "unknown argument 'delay'", "delayPer", "maxDelay");
    }
}
