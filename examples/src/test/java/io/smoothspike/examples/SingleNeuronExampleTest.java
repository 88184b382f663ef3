package io.smoothspike.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.network.Network;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleNeuronExampleTest {

    @Test
    void buildsSimulatesSavesAndReloads(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Path file = dir.resolve("single_neuron.json");
        Network loaded = SingleNeuronExample.run(file, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("output times: ["), printed);
        assertTrue(printed.contains("ordinary spikes in [0, T]: 0"), "the paper's neuron starts silent: " + printed);
        assertTrue(printed.contains("output times identical"), printed);
        Network fresh = SingleNeuronExample.build(1);
        assertEquals(fresh.parameterNames(), loaded.parameterNames());
        for (String name : fresh.parameterNames()) {
            assertArrayEquals(fresh.parameter(name), loaded.parameter(name), 0.0, name);
        }
        double[] times = loaded.simulate().outputTimes()[0];
        assertTrue(times[0] > 10 && times[1] > times[0], "both output times are pseudospikes past T");
    }
}
