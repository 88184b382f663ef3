package io.smoothspike.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.smoothspike.export.Provenance;
import io.smoothspike.network.Json;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.json records where the run comes from: SmoothSpike's version, the git commit, the Java version. */
class MetricsProvenanceTest {

    @TempDir
    Path dir;

    @Test
    void metricsJsonCarriesTheProvenance() throws IOException {
        Trainer.train(TrainerTest.singleNeuron(2.0), new TrainingSettings().trials(4).optimizer("sgd")
                .learningRate(0.01).threads(1), null, dir, null, null);
        JsonNode p = Json.MAPPER.readTree(dir.resolve("metrics.json").toFile()).get("provenance");
        assertEquals(Provenance.version(), p.get("smoothspike_version").asText());
        assertFalse(p.get("smoothspike_version").asText().contains("unknown"));
        assertEquals("unknown", p.get("git_commit").asText()); // no launcher passed one
        assertEquals(System.getProperty("java.version"), p.get("java_version").asText());
    }
}
