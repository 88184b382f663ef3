package io.smoothspike.groovy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script words csvSpikes(…), npz(…) and shd(…) on the runtime's test files (written by numpy and h5py, see
 * {@code make_files.py} beside them), and their mistakes named with the script line.
 */
class SpikeFileScriptTest {

    private static final Path FILES = Path.of("..", "runtime", "src", "test", "resources", "io", "smoothspike", "data",
            "spikefiles").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path script(String text) throws IOException {
        return Files.writeString(dir.resolve("s.groovy"), text.replace("FILES", FILES.toString()));
    }

    @Test
    void eachWordReadsItsFormatAndNpzTrainsANetwork() throws IOException {
        Path f = script("""
                def csv = csvSpikes(spikes: 'FILES/train-spikes.csv', labels: 'FILES/train-labels.csv', limit: 10)
                assert csv.size() == 10 && csv.inputTimes(0).length == 3 && csv.label(1) == 1
                def timing = csvSpikes(spikes: 'FILES/targets-spikes.csv', targets: 'FILES/targets.csv')
                assert timing.hasTargetTimes() && timing.targetTimes(2) == [3.0, 3.5] as double[]
                def h5 = shd('FILES/train-shd.h5', pool: 3, timeScale: 2)
                assert h5.size() == 32 && h5.inputTimes(0).length == 3
                assert shd('FILES/train-shd.h5').inputTimes(0).length == 9
                def net = network('three') {
                    trial duration: 2, spikeCap: 200
                    input 'in', size: 3, external: true
                    population 'h', size: 8, model: theta(tau: 6 / Math.PI, drive: 1.25), phase0: 3, trainInitial: true
                    population 'out', size: 2, model: theta(tau: 6 / Math.PI, drive: 1.25), phase0: 3,
                            trainInitial: true
                    connect 'in', 'h', weights: fanInUniform(scale: 1, offset: 0.5, seed: 1)
                    connect 'h', 'out', weights: fanInUniform(scale: 1, offset: 0.5, seed: 2)
                    readout 'out'
                    loss crossEntropy(gamma: 0.01)
                }
                train(net, data: npz('FILES/train.npz'), test: npz('FILES/test.npz', limit: 8), epochs: 3, batch: 8,
                        lr: 0.05, seed: 5, threads: 2)
                """);
        ScriptRunner.run(f, dir.resolve("out"), null, Map.of());
        JsonNode m = new ObjectMapper().readTree(dir.resolve("out").resolve("metrics.json").toFile());
        assertTrue(m.get("final_loss").asDouble() < m.get("initial_loss").asDouble(), m.toString());
        assertTrue(m.get("test_accuracy").isNumber(), m.toString());
    }

    private ScriptError failure(String text) throws IOException {
        Path f = script(text);
        return assertThrows(ScriptError.class, () -> ScriptRunner.run(f, dir.resolve("out"), null, Map.of()));
    }

    @Test
    void mistakesNameTheScriptLineAndTheFileLine() throws IOException {
        Files.writeString(dir.resolve("bad.csv"), "sample,channel,time\n0,0,0.5\n0,1,soon\n");
        Path bad = dir.resolve("bad.csv");
        ScriptError e = failure("\ncsvSpikes(spikes: '" + bad + "', labels: 'FILES/train-labels.csv')\n");
        assertEquals("s.groovy:2: csvSpikes: " + bad + ":3: column 'time': 'soon' is not a number", e.getMessage());
        e = failure("def a = 1\nshd('FILES/train-shd.h5', pool: 0)\n");
        assertEquals("s.groovy:2: shd: pool must be >= 1 (channels merged into one), got 0", e.getMessage());
    }

    @Test
    void mistakesNameTheWordAndTheCause() {
        String h5 = FILES.resolve("train-shd.h5").toString();
        assertMistake("npz: " + dir.resolve("none.npz") + ": no such file",
                () -> GroovySources.npz(Map.of(), dir.resolve("none.npz").toString()));
        assertMistake("shd: 'limit' must be an integer, got 2.5", () -> GroovySources.shd(Map.of("limit", 2.5), h5));
        assertMistake("shd: unknown argument 'window'; known: [channels, limit, pool, timeScale]",
                () -> GroovySources.shd(Map.of("window", 2), h5));
        assertMistake("csvSpikes: give labels: (a CSV file sample,label) or targets: (sample,neuron,time)",
                () -> GroovySources.csvSpikes(Map.of("spikes", FILES.resolve("train-spikes.csv").toString())));
        assertMistake("shd: a file name must be a string, got 3", () -> GroovySources.shd(Map.of(), 3));
        RuntimeException notHdf = assertThrows(RuntimeException.class,
                () -> GroovySources.shd(Map.of(), FILES.resolve("train.npz")));
        assertTrue(notHdf.getMessage().startsWith("shd: " + FILES.resolve("train.npz") + ": cannot read it as HDF5"),
                notHdf.getMessage());
    }

    private static void assertMistake(String expected, org.junit.jupiter.api.function.Executable word) {
        assertEquals(expected, assertThrows(RuntimeException.class, word).getMessage());
    }
}
