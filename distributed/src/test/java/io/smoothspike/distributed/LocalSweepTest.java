package io.smoothspike.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smoothspike.network.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps in Spark's local mode, compared with plain {@code smoothspike run} runs. */
class LocalSweepTest {

    @TempDir
    Path tmp;

    private Path plainRun(String name, String... parameters) {
        Path dir = tmp.resolve(name);
        String[] args = new String[4 + parameters.length];
        System.arraycopy(new String[] {"run", Cli.tinyScript(), "--out", dir.toString()}, 0, args, 0, 4);
        System.arraycopy(parameters, 0, args, 4, parameters.length);
        Cli c = Cli.run(args);
        assertEquals(0, c.status(), c::toString);
        return dir;
    }

    private Cli sweep(Path out, String... parameters) {
        String[] args = new String[6 + parameters.length];
        System.arraycopy(new String[] {"sweep", Cli.tinyScript(), "--master", "local[2]", "--out", out.toString()},
                0, args, 0, 6);
        System.arraycopy(parameters, 0, args, 6, parameters.length);
        return Cli.run(args);
    }

    private static void assertSameMetrics(Path expected, Path actual) throws IOException {
        assertArrayEquals(Files.readAllBytes(expected.resolve("metrics.csv")),
                Files.readAllBytes(actual.resolve("metrics.csv")), actual + "/metrics.csv");
    }

    /** The number of the first line of the tiny script that contains {@code text}. */
    private static int lineOf(String text) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(Cli.tinyScript()));
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).contains(text)) {
                return k + 1;
            }
        }
        throw new IllegalStateException(text + " is not in the script");
    }

    private static double finalLoss(Path run) throws IOException {
        return Json.MAPPER.readTree(run.resolve("metrics.json").toFile()).get("final_loss").doubleValue();
    }

    @Test
    void runsMatchPlainRunsAndFailuresDoNotStopTheOthers() throws IOException {
        Path seed1 = plainRun("plain1", "-Pseed=1");
        Path seed2 = plainRun("plain2", "-Pseed=2");
        Path out = tmp.resolve("sweep");

        Cli c = sweep(out, "-Pseed=1,2", "-Pneurons=4,0");

        assertEquals(1, c.status(), c::toString);
        assertSameMetrics(seed1, out.resolve("seed=1,neurons=4"));
        assertSameMetrics(seed2, out.resolve("seed=2,neurons=4"));
        assertTrue(c.out().contains("sweep: 4 of 4 runs done (2 failed), 0 running"), c::toString);
        String error = "tiny.groovy:" + lineOf("input 'exc'") + ": size of input 'exc' must be a positive integer, "
                + "got 0";
        assertTrue(c.out().contains("sweep: run seed=1,neurons=0 failed: " + error), c::toString);
        JsonNode summary = Json.MAPPER.readTree(out.resolve("sweep.json").toFile());
        JsonNode trained = summary.get("configurations").get(0);
        assertEquals("4", trained.get("parameters").get("neurons").asText());
        double a = finalLoss(seed1);
        double b = finalLoss(seed2);
        assertEquals((a + b) / 2, trained.get("metrics").get("final_loss").get("mean").doubleValue());
        assertEquals(Math.abs(a - b) / Math.sqrt(2), trained.get("metrics").get("final_loss").get("std")
                .doubleValue(), 1e-15);
        assertEquals(2, trained.get("metrics").get("final_loss").get("runs").intValue());
        JsonNode failed = summary.get("configurations").get(1);
        assertEquals("failed", failed.get("runs").get(1).get("status").asText());
        assertEquals(error, failed.get("runs").get(1).get("error").asText());
        String md = Files.readString(out.resolve("sweep.md"));
        assertTrue(md.contains("| neurons=4 | "), md);
        assertTrue(md.contains("[seed=1,neurons=4](seed=1,neurons=4/), [seed=2,neurons=4](seed=2,neurons=4/) |"),
                md);
    }

    @Test
    void aRerunKeepsFinishedRunsAndResumesInterruptedOnes() throws IOException {
        Path seed2 = plainRun("plain2", "-Pseed=2");
        Path out = tmp.resolve("sweep");
        // seed 2 was interrupted after its first evaluation (step 10 of 40), leaving its checkpoint
        Cli stopped = Cli.run("run", Cli.tinyScript(), "--out", out.resolve("seed=2").toString(), "-Pseed=2",
                "-PstopAfter=1");
        assertEquals(0, stopped.status(), stopped::toString);

        Cli first = sweep(out, "-Pseed=1,2");

        assertEquals(0, first.status(), first::toString);
        assertSameMetrics(seed2, out.resolve("seed=2"));
        JsonNode runs = Json.MAPPER.readTree(out.resolve("sweep.json").toFile()).get("configurations").get(0)
                .get("runs");
        assertEquals(List.of("ran", "resumed"), List.of(runs.get(0).get("status").asText(),
                runs.get(1).get("status").asText()));
        FileTime written = Files.getLastModifiedTime(out.resolve("seed=1/metrics.csv"));

        Cli again = sweep(out, "-Pseed=1,2");

        assertEquals(0, again.status(), again::toString);
        assertTrue(again.out().contains("2 runs (2 kept from before, 0 failed)"), again::toString);
        assertEquals(written, Files.getLastModifiedTime(out.resolve("seed=1/metrics.csv")));
        assertFalse(Files.exists(out.resolve("seed=3")));

        Cli changed = sweep(out, "-Pseed=1,2", "-Ptrials=20");

        assertEquals(1, changed.status(), changed::toString);
        assertTrue(changed.out().contains("sweep: run seed=1 failed: " + out.resolve("seed=1") + " holds a finished "
                + "run of another script, data or parameters"), changed::toString);
        assertEquals(written, Files.getLastModifiedTime(out.resolve("seed=1/metrics.csv")));
    }

    @Test
    void aRunWhoseTrainingStoppedEarlyIsNotFinished() throws IOException {
        Path out = tmp.resolve("sweep");

        Cli c = sweep(out, "-Pseed=1,2", "-PstopAfter=1");

        assertEquals(1, c.status(), c::toString);
        assertTrue(c.out().contains("sweep: run seed=1 failed: its training stopped before the end (interrupted)"),
                c::toString);
        assertNull(new FinishedRuns(out).recorded(new SweepRun("seed=1", Map.of(), Map.of())));
    }
}
