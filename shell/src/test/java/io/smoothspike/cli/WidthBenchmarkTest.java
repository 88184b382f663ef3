package io.smoothspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smoothspike.data.LabeledImages;
import io.smoothspike.network.Network;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code smoothspike bench width}: one JSON row per hidden width, the spike cap growing with the width. */
class WidthBenchmarkTest {

    /** Bright pixels per image: each is one input spike. */
    private static final int BRIGHT = 20;

    /** Ten 28x28 images, each with {@value #BRIGHT} pixels at 255 (at places that differ) and the rest 0. */
    private static final LabeledImages IMAGES = new LabeledImages() {
        public int size() {
            return 10;
        }

        public double[] pixels(int i) {
            double[] p = new double[784];
            for (int k = 0; k < BRIGHT; k++) {
                p[(i * 37 + k * 29) % 784] = 255;
            }
            return p;
        }

        public int label(int i) {
            return i;
        }
    };

    @Test
    void printsRateSynapticEventsAndTheirQuotientPerWidth() throws IOException {
        for (int hidden : List.of(3, 6)) {
            String json = new ObjectMapper().writeValueAsString(WidthBenchmark.measure(IMAGES, hidden, 1, 1));
            JsonNode row = new ObjectMapper().readTree(json);
            assertEquals("width", row.get("case").asText(), json);
            assertEquals(hidden, row.get("hidden").asInt(), json);
            long rate = row.get("samples_per_s").asLong();
            assertTrue(rate > 0, json);
            // the paper's initial state is silent: only the input spikes deliver, each to all of h1
            double events = row.get("synaptic_events_per_sample").asDouble();
            assertEquals(BRIGHT * hidden, events, 0.0, json);
            assertEquals(1e9 / (rate * events), row.get("ns_per_synaptic_event").asDouble(), 0.005, json);
            assertEquals(1, row.get("batches").asInt(), json);
            assertEquals(1, row.get("threads").asInt(), json);
            assertEquals(Runtime.getRuntime().availableProcessors(), row.get("cores").asInt(), json);
        }
    }

    @Test
    void spikeCapIsTwoPerHiddenNeuron() {
        assertEquals(200, MnistBenchmark.network(MnistBenchmark.PAPER_HIDDEN, 1).trial().spikeCap(),
                "the paper's K for 784-100-100-10");
        Network wide = MnistBenchmark.network(800, 1);
        assertEquals(1600, wide.trial().spikeCap());
        assertEquals(800 + 800 + 10, wide.graph().neuronCount());
        assertEquals(6, MnistBenchmark.network(3, 1).trial().spikeCap());
    }

    @Test
    void refusesBadWidthsAndBatchesAndSaysHowToGetMnist(@TempDir Path empty) {
        for (String bad : List.of("100,x", "0", "100,,200")) {
            Cli r = Cli.run("bench", "width", "--hidden", bad);
            assertEquals(2, r.status(), r.toString());
            assertTrue(r.err().contains("--hidden needs positive integers separated by commas, e.g. 100,200, got '"
                    + bad + "'"), r.toString());
        }
        Cli batches = Cli.run("bench", "width", "--batches", "0");
        assertEquals(2, batches.status(), batches.toString());
        assertTrue(batches.err().contains("--batches must be at least 1, got 0"), batches.toString());
        Cli bogus = Cli.run("bench", "width", "--bogus");
        assertTrue(bogus.err().contains("unknown option --bogus"), bogus.toString());
        Cli missing = Cli.run("bench", "width", "--data", empty.toString());
        assertEquals(1, missing.status(), missing.toString());
        assertTrue(missing.err().contains("./smoothspike data mnist"), missing.toString());
    }
}
