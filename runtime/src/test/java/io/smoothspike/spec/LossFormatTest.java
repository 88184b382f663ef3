package io.smoothspike.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static String old(String kind) throws IOException, URISyntaxException {
        return Files.readString(Path.of(LossFormatTest.class.getResource("/losses-v1/" + kind + ".json").toURI()));
    }

    @ParameterizedTest
    @CsvSource({"spikeTime, SpikeTime", "spikeTrain, SpikeTrain", "crossEntropy, CrossEntropy", "sum, Sum",
        "custom, Custom"})
    void oldFilesOfEachBuiltInLossLoad(String kind, String type) throws IOException, URISyntaxException {
        Path old = dir.resolve(kind + ".json");
        Files.writeString(old, old(kind));
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"kind\" : \"sum\",|| field `spec.loss.kind` is missing; known kinds: crossEntropy, custom, spikeTime, "
            + "spikeTrain, sum",
        "\"kind\" : \"sum\"|\"kind\" : 5| field `spec.loss.kind` is '5', not a known kind: crossEntropy, custom, "
            + "spikeTime, spikeTrain, sum",
        "\"gamma\" : 0.5|\"gamma\" : \"big\"| field `spec.loss.terms[0].loss.gamma` must be a number, got the "
            + "string \"big\"",
        "\"gamma\" : 0.5|\"gamma\" : 0.5, \"colour\" : 1| field `spec.loss.terms[0].loss.colour` is unknown; known "
            + "fields here: gamma",
        "\"loss\" : {|\"loss\" : 5, \"was\" : {| field `spec.loss` must be an object {…}, got 5"})
    void brokenLossesAreNamedByTheirPath(String from, String to, String expected) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, old("sum").replaceFirst(java.util.regex.Pattern.quote(from), to == null ? "" : to));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.load(file));
        assertTrue(e.getMessage().startsWith(file + ": " + expected), e.getMessage());
    }
}
