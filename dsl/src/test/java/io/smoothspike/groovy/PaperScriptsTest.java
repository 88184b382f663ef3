package io.smoothspike.groovy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.network.Network;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paper's scripts build and simulate their networks and write a raster summary (MNIST on a tiny fake set). */
class PaperScriptsTest {

    private static final Path SCRIPTS = Path.of("..", "scripts");

    @TempDir
    Path dir;

    @Test
    void singleNeuronScriptStartsSilent() throws IOException {
        ScriptRunner.Result r = ScriptRunner.run(SCRIPTS.resolve("single_neuron.groovy"), dir, null, Map.of());
        Network net = r.networks().get(0);
        assertEquals(22, net.graph().inputCount());
        String raster = Files.readString(dir.resolve("raster.txt"));
        assertTrue(raster.contains("0 network spikes"), "the neuron starts silent: " + raster);
        String times = Files.readString(dir.resolve("output_times.txt")).trim();
        for (String t : times.split(" ")) {
            assertTrue(Double.parseDouble(t) > 10, "silent: both outputs are pseudospikes past T, got " + times);
        }
    }

    @Test
    void recurrentScriptIsActive() throws IOException {
        ScriptRunner.Result r = ScriptRunner.run(SCRIPTS.resolve("rnn.groovy"), dir, null, Map.of());
        assertEquals(10, r.networks().get(0).graph().neuronCount());
        String raster = Files.readString(dir.resolve("raster.txt"));
        assertTrue(raster.matches("(?s).*\\n\\d+ network spikes from \\d+ neurons.*"), raster);
        assertTrue(Files.readString(dir.resolve("targets.txt")).lines().count() == 2);
    }

    @Test
    void mnistScriptBuildsTheDeepNetworkAndSimulatesASample() throws IOException {
        Path data = dir.resolve("data");
        writeFakeMnist(data, 7);
        ScriptRunner.Result r = ScriptRunner.run(SCRIPTS.resolve("mnist.groovy"), dir.resolve("out"), data,
                Map.of("hidden", "20"));
        Network net = r.networks().get(0);
        assertEquals(20 + 20 + 10, net.graph().neuronCount());
        assertEquals(784, net.graph().inputCount());
        String raster = Files.readString(dir.resolve("out").resolve("raster.txt"));
        assertTrue(raster.contains("0 network spikes"), "the paper's initialisation is silent: " + raster);
    }

    /** A tiny MNIST-format data set: {@code n} random binary-ish images per split. */
    static void writeFakeMnist(Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom rng = new SplittableRandom(1);
        for (String prefix : new String[] {"train", "t10k"}) {
            try (DataOutputStream img = new DataOutputStream(Files.newOutputStream(
                    dir.resolve(prefix + "-images-idx3-ubyte")));
                    DataOutputStream lab = new DataOutputStream(Files.newOutputStream(
                            dir.resolve(prefix + "-labels-idx1-ubyte")))) {
                img.writeInt(0x00000803);
                img.writeInt(n);
                img.writeInt(28);
                img.writeInt(28);
                lab.writeInt(0x00000801);
                lab.writeInt(n);
                for (int k = 0; k < n; k++) {
                    for (int p = 0; p < 784; p++) {
                        img.writeByte(rng.nextDouble() < 0.2 ? 200 + rng.nextInt(56) : rng.nextInt(100));
                    }
                    lab.writeByte(k % 10);
                }
            }
        }
    }
}
