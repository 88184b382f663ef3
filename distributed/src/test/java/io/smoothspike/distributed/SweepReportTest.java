package io.smoothspike.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smoothspike.network.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep summary's statistics, from metrics.json files written by hand. */
class SweepReportTest {

    @TempDir
    Path dir;

    @Test
    void summariesIncludeTheFiguresOfTheSelectedModels() throws IOException {
        SweepGrid grid = SweepGrid.parse(Map.of("seed", "1,2"));
        double[][] figures = {{0.97, 0.98}, {0.99, 0.96}}; // per seed: best model's, last model's test accuracy
        List<RunOutcome> outcomes = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            SweepRun run = grid.runs().get(k);
            Files.createDirectories(dir.resolve(run.folder()));
            Files.writeString(dir.resolve(run.folder()).resolve("metrics.json"), String.format(Locale.ROOT,
                    "{\"test_accuracy\": %s, \"settings\": {\"lr\": 0.1}, \"best_model\": {\"epoch\": 3, "
                            + "\"test_accuracy\": %s, \"selected_by\": \"validation_accuracy\"}, "
                            + "\"last_model\": {\"test_accuracy\": %s}}",
                    figures[k][1], figures[k][0], figures[k][1]));
            outcomes.add(new RunOutcome(run, RunOutcome.Status.RAN, null));
        }
        new SweepReport(dir, Path.of("s.groovy"), grid, outcomes).write();
        JsonNode metrics = Json.MAPPER.readTree(dir.resolve("sweep.json").toFile()).get("configurations").get(0)
                .get("metrics");
        assertEquals(0.98, metrics.get("best_model.test_accuracy").get("mean").doubleValue(), 1e-15);
        assertEquals(0.97, metrics.get("last_model.test_accuracy").get("mean").doubleValue(), 1e-15);
        assertEquals(3, metrics.get("best_model.epoch").get("mean").doubleValue(), 0);
        assertTrue(metrics.get("settings.lr") == null, "settings are not statistics: " + metrics);
        assertTrue(Files.readString(dir.resolve("sweep.md")).contains("best_model.test_accuracy"));
    }
}
