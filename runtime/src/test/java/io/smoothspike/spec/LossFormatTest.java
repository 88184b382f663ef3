package io.smoothspike.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import io.smoothspike.loss.Loss;
import io.smoothspike.network.Json;
import io.smoothspike.network.Network;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network files written before losses were registered (resources {@code losses-v1/}, saved by version 57bed59) still
 * load, as the same built-in loss, and are written back with the same loss text.
 */
class LossFormatTest {

    private static final Map<String, Loss> MINE = Map.of("mine", (sample, times, grad) -> 0);

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"spikeTime, SpikeTime", "spikeTrain, SpikeTrain", "crossEntropy, CrossEntropy", "sum, Sum",
        "custom, Custom"})
    void oldFilesOfEachBuiltInLossLoad(String kind, String type) throws IOException, URISyntaxException {
        Path old = Path.of(getClass().getResource("/losses-v1/" + kind + ".json").toURI());
        Network net = Network.load(old, MINE);
        assertEquals("io.smoothspike.spec.LossSpec$" + type, net.spec().loss().getClass().getName());
        assertEquals(kind, net.spec().loss().kind());
        Path again = dir.resolve("again.json");
        net.save(again);
        JsonNode before = Json.STRICT.readTree(Files.readString(old)).at("/spec/loss");
        JsonNode after = Json.STRICT.readTree(Files.readString(again)).at("/spec/loss");
        assertEquals(before.toString(), after.toString(), "the loss is written as before, field order included");
        assertInstanceOf(Loss.class, net.loss(new int[] {0}));
    }
}
