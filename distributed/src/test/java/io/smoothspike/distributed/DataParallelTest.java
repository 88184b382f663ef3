package io.smoothspike.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train-distributed} in Spark's local mode (two cores: the 32 chunks of a batch in two partitions), compared
 * with plain {@code smoothspike run} runs.
 */
class DataParallelTest {

    static final String SCRIPT = Cli.script("dataparallel.groovy");

    @TempDir
    Path tmp;

    /** The files of a run that must be the same bit for bit, however the batch gradients were computed. */
    static void assertSameRun(Path expected, Path actual) throws IOException {
        for (String file : List.of("metrics.csv", "model.json")) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(file)), Files.readAllBytes(actual.resolve(file)),
                    actual + "/" + file);
        }
    }

    private Path plainRun(String name, String... parameters) {
        Path dir = tmp.resolve(name);
        Cli c = Cli.run(args("run", dir, parameters));
        assertEquals(0, c.status(), c::toString);
        return dir;
    }

    private static String[] args(String verb, Path out, String... rest) {
        String[] args = new String[4 + rest.length];
        System.arraycopy(new String[] {verb, SCRIPT, "--out", out.toString()}, 0, args, 0, 4);
        System.arraycopy(rest, 0, args, 4, rest.length);
        return args;
    }

    private Cli distributed(Path out, String... parameters) {
        String[] rest = new String[parameters.length + 2];
        System.arraycopy(parameters, 0, rest, 0, parameters.length);
        rest[parameters.length] = "--master";
        rest[parameters.length + 1] = "local[2]";
        return Cli.runCapturingSystemErr(args("train-distributed", out, rest));
    }

    private static int lineOf(String text) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(SCRIPT));
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).contains(text)) {
                return k + 1;
            }
        }
        throw new IllegalStateException(text + " is not in the script");
    }

    @Test
    void trainsAsOneMachineDoesBitForBit() throws IOException {
        Path plain = plainRun("plain");
        Path out = tmp.resolve("distributed");

        Cli c = distributed(out);

        assertEquals(0, c.status(), c::toString);
        assertTrue(c.out().contains("smoothspike run: results in " + out), c::toString);
        assertSameRun(plain, out);
    }

    @Test
    void trainsTimingTasksAsOneMachineDoes() throws IOException {
        Path plain = plainRun("plain-timing", "-Ptiming=true");
        Path out = tmp.resolve("distributed-timing");

        Cli c = distributed(out, "-Ptiming=true");

        assertEquals(0, c.status(), c::toString);
        assertTrue(Files.readString(out.resolve("metrics.csv")).contains("timing_rmse"), "a timing task's metrics");
        assertSameRun(plain, out);
    }

    @Test
    void aSpikeCapHitOnAnExecutorStopsTrainingAsItDoesOnOneMachine() throws IOException {
        Cli c = distributed(tmp.resolve("capped"), "-PspikeCap=2");

        assertEquals(1, c.status(), c::toString);
        assertTrue(c.err().contains("dataparallel.groovy:" + lineOf("train(net") + ": step 1 (epoch 1): training "
                + "trial #3 (training sample 41) of the batch exceeded the spike cap K = 2 (spike cap exceeded: the "
                + "network produced its 2 allowed spikes"), c::toString);
    }

    @Test
    void refusesNetworksWhoseBatchesAreSummedTrialByTrial() throws IOException {
        Cli c = distributed(tmp.resolve("constants"), "-PtrainConstants=true");

        assertEquals(1, c.status(), c::toString);
        assertTrue(c.err().contains("dataparallel.groovy:" + lineOf("train(net") + ": data-parallel training sums "
                + "each batch in chunks, but a network with trainable input spike times or model constants sums its "
                + "batches trial by trial; train it with 'smoothspike run'"), c::toString);
    }

    @Test
    void helpAndOptionErrors() {
        Cli help = Cli.run("train-distributed", "--help");
        assertEquals(0, help.status(), help::toString);
        assertTrue(help.out().startsWith("Usage: smoothspike train-distributed FILE.groovy"), help::toString);

        Cli conf = Cli.run("train-distributed", SCRIPT, "--conf", "spark.executor.cores");
        assertEquals(2, conf.status(), conf::toString);
        assertEquals("smoothspike train-distributed: --conf takes KEY=VALUE, got 'spark.executor.cores'\n",
                conf.err());
        Cli master = Cli.run("train-distributed", SCRIPT, "--master");
        assertEquals("smoothspike train-distributed: option --master needs a value\n", master.err());
    }
}
