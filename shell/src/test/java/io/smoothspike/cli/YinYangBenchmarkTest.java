package io.smoothspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code smoothspike bench yinyang}: one JSON line in the style of bench mnist, and its option checks. */
class YinYangBenchmarkTest {

    @Test
    void printsTrainingThroughputAsJson() throws IOException {
        Cli r = Cli.run("bench", "yinyang", "--epochs", "2", "--samples", "60", "--threads", "1");
        assertEquals(0, r.status(), r.toString());
        String[] lines = r.out().trim().split("\n");
        assertEquals(1, lines.length, r.out());
        JsonNode row = new ObjectMapper().readTree(lines[0]);
        assertEquals("theta-60", row.get("case").asText());
        assertTrue(row.get("samples_per_s").asLong() > 0, lines[0]);
        assertEquals(60, row.get("samples").asInt());
        assertEquals(1, row.get("threads").asInt());
        assertEquals(Runtime.getRuntime().availableProcessors(), row.get("cores").asInt());
    }

    @Test
    void refusesTooFewEpochsAndSamplesBeyondTheSplit() {
        Cli epochs = Cli.run("bench", "yinyang", "--epochs", "1");
        assertEquals(2, epochs.status(), epochs.toString());
        assertTrue(epochs.err().contains("--epochs must be at least 2"), epochs.toString());
        Cli samples = Cli.run("bench", "yinyang", "--samples", "5001");
        assertEquals(2, samples.status(), samples.toString());
        assertTrue(samples.err().contains("--samples must be 1 to 5000, got 5001"), samples.toString());
    }
}
