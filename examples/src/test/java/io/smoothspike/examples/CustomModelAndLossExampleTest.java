package io.smoothspike.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.network.Network;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomModelAndLossExampleTest {

    @Test
    void trainsTheRegisteredModelWithTheRegisteredLossAndReloads(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Path file = dir.resolve("net.json");
        CustomModelAndLossExample.Result r = CustomModelAndLossExample.run(file,
                new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String printed = buffer.toString(StandardCharsets.UTF_8);

        double[][] before = CustomModelAndLossExample.build().simulate().outputTimes();
        assertTrue(before[0][0] > 4 && before[1][0] > 4, "the read-out starts silent: " + printed);
        assertEquals(1 - CustomModelAndLossExample.WINNER, CustomModelAndLossExample.firstToFire(before), printed);
        assertTrue(r.training().initialLoss() > 0, printed);
        assertTrue(r.training().finalLoss() < 0.01 * r.training().initialLoss(), printed);
        double[][] after = r.trained().simulate().outputTimes();
        assertEquals(CustomModelAndLossExample.WINNER, CustomModelAndLossExample.firstToFire(after), printed);

        String json = Files.readString(file);
        assertTrue(json.contains("\"current-lif\"") && json.contains("\"firstSpikeMargin\""), json);
        assertEquals(new CustomModelAndLossExample.FirstSpikeMargin(CustomModelAndLossExample.WINNER, 0.5),
                r.loaded().spec().loss());
        assertEquals(r.trained().spec().populations(), r.loaded().spec().populations());
        for (String name : r.trained().parameterNames()) {
            assertArrayEquals(r.trained().parameter(name), r.loaded().parameter(name), 0.0, name);
        }
        assertTrue(printed.contains("first spikes identical"), printed);
    }
}
