package io.smoothspike.dsl;

import static io.smoothspike.dsl.Snn.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.network.Network;
import io.smoothspike.train.TrainingResult;
import io.smoothspike.train.TrainingSettings;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Snn#train}: the default folder, a given folder or none, and the announced folder. */
class SnnTrainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream systemOut;

    @BeforeEach
    void captureOutput() {
        systemOut = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.setProperty("smoothspike.runs", dir.resolve("runs").toString());
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(systemOut);
        System.clearProperty("smoothspike.runs");
    }

    private static Network neuron() {
        return network("single").trial(4)
                .input("in", 1).spikes(new double[][] {{1.0}}).trainableTimes()
                .population("n", 1, qif(1))
                .connect("in", "n").weights(constant(4))
                .readout("n")
                .loss(spikeTimeLoss(new double[][] {{2.0}}))
                .compile();
    }

    private static TrainingSettings settings() {
        return new TrainingSettings().trials(5).threads(1);
    }

    private String firstLine(Supplier<TrainingResult> run) {
        run.get();
        return printed.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }

    @Test
    void theDefaultFolderIsAnnounced() throws IOException {
        String line = firstLine(() -> train(neuron(), settings()));
        try (var runs = Files.list(dir.resolve("runs"))) {
            Path run = runs.findFirst().orElseThrow();
            assertTrue(run.getFileName().toString().startsWith("single-"), run.toString());
            assertEquals("writing " + run + File.separator, line);
            assertTrue(Files.isRegularFile(run.resolve("metrics.json")));
        }
    }

    @Test
    void aGivenFolderIsUsedAndAnnounced() {
        Path out = dir.resolve("mine");
        assertEquals("writing " + out + File.separator, firstLine(() -> train(neuron(), settings(), out)));
        assertTrue(Files.isRegularFile(out.resolve("metrics.csv")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> train(neuron(), settings(), null));
        assertTrue(e.getMessage().contains("trainInMemory"), e.getMessage());
    }

    @Test
    void trainingInMemoryWritesNoFiles() {
        Network net = neuron();
        double before = net.parameter("in.time")[0];
        TrainingResult r = trainInMemory(net, settings());
        assertEquals(6, r.history().size(), "the metrics are in the result");
        assertTrue(net.parameter("in.time")[0] != before, "the network keeps the trained parameters");
        assertFalse(Files.exists(dir.resolve("runs")));
        assertFalse(printed.toString(StandardCharsets.UTF_8).contains("writing"));
    }
}
