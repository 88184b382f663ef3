package io.smoothspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.groovy.ScriptRunner;
import io.smoothspike.network.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/custom_neuron.groovy}: a neuron model defined in the script trains and passes the gradient check. */
class CustomNeuronScriptTest {

    private static final Path SCRIPT = Path.of("..", "scripts", "custom_neuron.groovy");

    @TempDir
    Path dir;

    @Test
    void theScriptsOwnModelTrainsWithMetricsAndACheckpoint() throws IOException {
        ScriptRunner.Result r = ScriptRunner.run(SCRIPT, dir, null, Map.of("trials", "150"));
        Network net = r.networks().get(0);
        assertEquals("cuba-lif", net.spec().populations().get(1).model().type());
        List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
        int min = List.of(metrics.get(0).split(",")).indexOf("output_time_min");
        assertTrue(Double.parseDouble(metrics.get(1).split(",")[min]) > 4, "the read-out starts silent: " + metrics);
        String[] times = Files.readString(dir.resolve("output_times.txt")).trim().split(" ");
        assertEquals(2.0, Double.parseDouble(times[0]), 0.01, "first spike near its target");
        assertEquals(3.0, Double.parseDouble(times[1]), 0.01, "second spike near its target");
        for (String f : new String[] {"metrics.csv", "metrics.json", "checkpoint.json"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
    }

    @Test
    void theScriptsOwnModelPassesTheGradientCheckAtTheDefaultTolerance() {
        Cli c = Cli.run("gradcheck", SCRIPT.toString());
        assertEquals(0, c.status(), c.toString());
        assertTrue(c.out().startsWith("PASS") && c.out().contains("within the tolerance 1.0e-05"), c.toString());
    }
}
