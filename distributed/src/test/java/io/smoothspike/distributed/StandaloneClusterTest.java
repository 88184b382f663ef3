package io.smoothspike.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smoothspike.network.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on a standalone Spark cluster (a master and two workers on 127.0.0.1), compared with plain runs; one run's
 * executor dies after its first checkpoint, and Spark's retry of the task resumes it.
 */
class StandaloneClusterTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void aSweepOnTwoWorkersMatchesPlainRunsAlthoughAnExecutorDies() throws Exception {
        Path out = tmp.resolve("sweep");
        Path died = tmp.resolve("died");
        try (StandaloneCluster cluster = new StandaloneCluster(Files.createDirectories(tmp.resolve("cluster")), 2)) {
            Cli c = Cli.run("sweep", Cli.tinyScript(), "-Pseed=1,2", "-PdieAfterCheckpoint=" + died,
                    "--master", cluster.url(), "--out", out.toString(),
                    "--conf", "spark.driver.host=127.0.0.1",
                    "--conf", "spark.driver.bindAddress=127.0.0.1",
                    "--conf", "spark.executor.memory=512m",
                    "--conf", "spark.executor.extraJavaOptions=" + StandaloneCluster.QUICK_START,
                    "--conf", "spark.executor.extraClassPath=" + StandaloneCluster.classPath());
            assertEquals(0, c.status(), () -> c + "\n" + cluster.logs());
        }
        assertTrue(Files.exists(died), "no executor died");
        JsonNode runs = Json.MAPPER.readTree(out.resolve("sweep.json").toFile()).get("configurations").get(0)
                .get("runs");
        assertEquals(Set.of("ran", "resumed"), Set.of(runs.get(0).get("status").asText(),
                runs.get(1).get("status").asText()));
        for (String seed : new String[] {"1", "2"}) {
            Path plain = tmp.resolve("plain" + seed);
            Cli run = Cli.run("run", Cli.tinyScript(), "--out", plain.toString(), "-Pseed=" + seed);
            assertEquals(0, run.status(), run::toString);
            assertArrayEquals(Files.readAllBytes(plain.resolve("metrics.csv")),
                    Files.readAllBytes(out.resolve("seed=" + seed).resolve("metrics.csv")), "seed " + seed);
        }
    }
}
