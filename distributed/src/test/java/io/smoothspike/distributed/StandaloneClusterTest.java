package io.smoothspike.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smoothspike.network.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone Spark cluster (a master and two one-core workers on 127.0.0.1, shared by the tests): a sweep whose
 * executor dies after a checkpoint, and a data-parallel training, each compared with plain runs.
 */
class StandaloneClusterTest {

    @TempDir
    static Path clusterDir;
    private static StandaloneCluster cluster;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startCluster() throws IOException, InterruptedException {
        cluster = new StandaloneCluster(Files.createDirectories(clusterDir.resolve("cluster")), 2);
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The command line {@code verb script rest... --master URL --conf ...} for the test cluster. */
    private static String[] onCluster(String verb, String script, String... rest) {
        List<String> args = new ArrayList<>(List.of(verb, script));
        args.addAll(List.of(rest));
        args.addAll(List.of("--master", cluster.url(),
                "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.executor.memory=512m",
                "--conf", "spark.executor.extraJavaOptions=" + StandaloneCluster.QUICK_START,
                "--conf", "spark.executor.extraClassPath=" + StandaloneCluster.classPath()));
        return args.toArray(String[]::new);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aSweepOnTwoWorkersMatchesPlainRunsAlthoughAnExecutorDies() throws Exception {
        Path out = tmp.resolve("sweep");
        Path died = tmp.resolve("died");
        Cli c = Cli.run(onCluster("sweep", Cli.tinyScript(), "-Pseed=1,2", "-PdieAfterCheckpoint=" + died,
                "--out", out.toString()));
        assertEquals(0, c.status(), () -> c + "\n" + cluster.logs());
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

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void dataParallelTrainingOnTwoWorkersMatchesAPlainRun() throws Exception {
        Path out = tmp.resolve("distributed");
        Cli c = Cli.runCapturingSystemErr(onCluster("train-distributed", DataParallelTest.SCRIPT,
                "--out", out.toString()));
        assertEquals(0, c.status(), () -> c + "\n" + cluster.logs());
        Path plain = tmp.resolve("plain");
        Cli run = Cli.run("run", DataParallelTest.SCRIPT, "--out", plain.toString());
        assertEquals(0, run.status(), run::toString);
        DataParallelTest.assertSameRun(plain, out);
    }
}
