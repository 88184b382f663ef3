package io.smoothspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smoothspike.network.Json;
import io.smoothspike.network.Network;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code smoothspike export}: a run folder to .npz, JSON and CSV; MNIST-shaped runs with their recorded test set. */
class ExportCommandTest {

    /** A small single-neuron task: two trainable input spikes, two read-out spikes; it also exports itself. */
    private static final String SINGLE = """
            def net = network('single') {
                trial duration: 10, spikeCap: 25
                input 'learned', size: 2, spikes: [[1.0], [9.0]], trainableTimes: true
                population 'neuron', size: 1, model: qif(tau: 1)
                connect 'learned', 'neuron', weights: 1
                readout 'neuron', spikes: 2
                loss spikeTime([[2.5, 7.5]])
            }
            train(net, trials: 40, optimizer: 'sgd', lr: 0.05, evaluateEvery: 10, threads: 1)
            export(net, 'from-script.json')
            """;

    /** An MNIST-shaped classifier, 784 -> 6 -> 10, trained for one epoch on the IDX files in -Pdir. */
    private static final String MNIST = """
            def dir = params(dir: '').dir
            def trainSet = idx(dir: dir, split: 'train')
            def testSet = idx(dir: dir, split: 'test')
            def net = network('mnist-tiny') {
                trial duration: 2, spikeCap: 200
                input 'pixels', size: 784, image: [bins: 1]
                population 'h1', size: 6, model: theta(tau: 6 / Math.PI, drive: 1.25), phase0: 3, trainInitial: true
                population 'out', size: 10, model: theta(tau: 6 / Math.PI, drive: 1.25), phase0: 3, trainInitial: true
                connect 'pixels', 'h1', weights: fanInUniform(scale: 0.5, seed: 1)
                connect 'h1', 'out', weights: fanInUniform(scale: 0.5, seed: 2)
                readout 'out'
                loss crossEntropy(gamma: 0.01)
            }
            train(net, data: trainSet, test: testSet, epochs: 1, batch: 5, optimizer: 'adam', lr: 1e-3, threads: 1)
            export(net, 'from-script.npz', samples: 2)
            """;

    private static final int[] TEST_LABELS = {7, 2, 1};

    @TempDir
    Path dir;
    /** The single-neuron run, made once for the tests that export it. */
    @TempDir
    static Path shared;
    private static Path singleRun;

    private static synchronized Path singleRun() throws IOException {
        if (singleRun == null) {
            singleRun = run(shared, "single", SINGLE);
        }
        return singleRun;
    }

    private static Path run(Path dir, String name, String script, String... more) throws IOException {
        Path file = dir.resolve(name + ".groovy");
        Files.writeString(file, script);
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("run", file.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        Cli c = Cli.run(args.toArray(String[]::new));
        assertEquals(0, c.status(), c.toString());
        return out;
    }

    private static List<String> entries(Path npz) throws IOException {
        try (ZipFile z = new ZipFile(npz.toFile())) {
            return z.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void aRunFolderExportsParametersOutputsAndMetrics() throws IOException {
        Path run = singleRun();
        Path npz = dir.resolve("export.npz");
        Cli c = Cli.run("export", run.toString(), "--format", "npz", "--out", npz.toString());
        assertEquals(0, c.status(), c.toString());
        assertTrue(c.out().contains("wrote " + npz.toAbsolutePath()), c.out());
        List<String> names = entries(npz);
        Network net = Network.load(run.resolve("model.json"));
        for (String p : net.parameterNames()) {
            assertTrue(names.contains(p + ".npy"), p + " in " + names);
        }
        for (String a : List.of("output.times", "output.times_ordinary", "spikes.time", "metrics.loss",
                "metrics.step", "metadata")) {
            assertTrue(names.contains(a + ".npy"), a + " in " + names);
        }

        Path json = dir.resolve("export.json");
        assertEquals(0, Cli.run("export", run.toString(), "--out", json.toString()).status());
        JsonNode doc = Json.MAPPER.readTree(json.toFile());
        JsonNode arrays = doc.get("arrays");
        assertEquals(Files.readAllLines(run.resolve("metrics.csv")).size() - 1,
                arrays.get("metrics.loss").get("data").size());
        assertEquals("[1,1,2]", arrays.get("output.times").get("shape").toString());
        assertEquals(net.simulate().outputTimes()[0][1],
                arrays.get("output.times").get("data").get(0).get(0).get(1).doubleValue(), 0.0);
        assertEquals(net.parameter("learned->neuron.weight")[1],
                arrays.get("learned->neuron.weight").get("data").get(1).get(0).doubleValue(), 0.0);
        JsonNode meta = doc.get("metadata");
        assertEquals("sgd", meta.get("run").get("settings").get("optimizer").asText());
        assertFalse(meta.get("provenance").get("smoothspike_version").asText().isEmpty());
        assertEquals(meta.get("provenance").get("smoothspike_version"),
                meta.get("run").get("provenance").get("smoothspike_version"));

        // the script's own export(net, …) holds the same parameters and the training history
        JsonNode fromScript = Json.MAPPER.readTree(run.resolve("from-script.json").toFile()).get("arrays");
        assertEquals(arrays.get("learned->neuron.weight"), fromScript.get("learned->neuron.weight"));
        assertEquals(arrays.get("metrics.loss").get("data").size(), fromScript.get("metrics.loss").get("data").size());
    }

    @Test
    void anExistingOutputIsReplacedOnlyWithForce() throws IOException {
        Path run = singleRun();
        Path csv = dir.resolve("csv");
        assertEquals(0, Cli.run("export", run.resolve("model.json").toString(), "--out", csv.toString()).status());
        assertTrue(Files.readString(csv.resolve("metrics.csv")).startsWith("row,step,trials,learning_rate,loss"));
        Cli again = Cli.run("export", run.toString(), "--out", csv.toString());
        assertEquals(2, again.status(), again.toString());
        assertEquals("smoothspike export: " + csv + " exists; pass --force to replace it\n", again.err());
        assertEquals(0, Cli.run("export", run.toString(), "--out", csv.toString(), "--force").status());

        // an interrupted run has a checkpoint.json but no model.json yet
        Path interrupted = dir.resolve("interrupted");
        Files.createDirectories(interrupted);
        Files.copy(run.resolve("checkpoint.json"), interrupted.resolve("checkpoint.json"));
        Files.copy(run.resolve("metrics.csv"), interrupted.resolve("metrics.csv"));
        Path json = dir.resolve("interrupted.json");
        assertEquals(0, Cli.run("export", interrupted.toString(), "--out", json.toString()).status());
        JsonNode arrays = Json.MAPPER.readTree(json.toFile()).get("arrays");
        assertTrue(arrays.has("learned->neuron.weight") && arrays.has("metrics.loss"), arrays.toString());
        assertTrue(arrays.get("metrics.train_loss").get("data").get(0).isNull(), "row 0 has no train loss: NaN");
    }

    @Test
    void aScriptExportsDataSourceTrialsAndItsOwnInputsWhereANetworkReadsNoData() throws IOException {
        Path run = run(dir, "sources", """
                def trials = source(trials: [[[0.5], [1.0]], [[2.0], []], [[0.1, 0.2], [3.0]]], labels: [1, 0, 1])
                def reader = network('reader') {
                    trial duration: 4, spikeCap: 50
                    input 'ext', size: 2, external: true
                    population 'out', size: 2, model: qif(tau: 1)
                    connect 'ext', 'out', weights: 3
                    readout 'out'
                    loss crossEntropy(gamma: 0)
                }
                def fixed = network('fixed') {
                    trial duration: 4, spikeCap: 50
                    input 'in', size: 1, spikes: [[1.0]]
                    population 'n', size: 1, model: qif(tau: 1)
                    connect 'in', 'n', weights: 3
                }
                export(reader, 'reader.json', samples: 2)
                export(fixed, 'fixed.json')
                """);
        JsonNode reader = Json.MAPPER.readTree(run.resolve("reader.json").toFile()).get("arrays");
        assertEquals("[1,0]", reader.get("sample.label").get("data").toString());
        assertEquals("[2,2,1]", reader.get("output.times").get("shape").toString());
        JsonNode fixed = Json.MAPPER.readTree(run.resolve("fixed.json").toFile()).get("arrays");
        assertEquals("[-1]", fixed.get("sample.label").get("data").toString(), "its own input, not the data source");
        assertFalse(fixed.has("output.times"), "no read-out");
    }

    @Test
    void usageErrorsNameTheFix() throws IOException {
        assertEquals("smoothspike export: --out is required: the .npz or .json file or the CSV folder to write\n",
                Cli.run("export", dir.toString()).err());
        assertEquals("smoothspike export: " + dir + " holds no model.json or checkpoint.json: is it a run folder?\n",
                Cli.run("export", dir.toString(), "--out", "x.npz").err());
        assertTrue(Cli.run("export", dir.toString(), "--out", "x", "--format", "mat").err()
                .contains("--format: unknown export format 'mat'; known: npz, csv, json"));
        assertTrue(Cli.run("export", singleRun().toString(), "--out", "x", "--data", "kmnist").err()
                .contains("--data names mnist, fashion-mnist or a folder of IDX files; 'kmnist' is neither"));
    }

    /** Writes an MNIST-shaped IDX folder: 5 training and 3 test images. */
    private Path fakeMnist() throws IOException {
        Path d = dir.resolve("mnist");
        Files.createDirectories(d);
        idx(d.resolve("train-images-idx3-ubyte"), new int[] {5, 28, 28});
        idx(d.resolve("train-labels-idx1-ubyte"), new int[] {5});
        idx(d.resolve("t10k-images-idx3-ubyte"), new int[] {3, 28, 28});
        idx(d.resolve("t10k-labels-idx1-ubyte"), new int[] {3});
        return d;
    }

    /** An unsigned-byte IDX file: pixels vary, labels are TEST_LABELS then 0, 1, … */
    private static void idx(Path file, int[] dims) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x0800 | dims.length);
        int n = 1;
        for (int d : dims) {
            out.writeInt(d);
            n *= d;
        }
        for (int k = 0; k < n; k++) {
            out.writeByte(dims.length == 1 ? (k < TEST_LABELS.length ? TEST_LABELS[k] : k % 10) : (k * 37) % 256);
        }
        Files.write(file, bytes.toByteArray());
    }

    @Test
    void anImageRunExportsATestSetWithRastersByPopulation() throws IOException {
        Path data = fakeMnist();
        Path run = run(dir, "mnist", MNIST, "-Pdir=" + data);
        Path json = dir.resolve("mnist.json");
        Cli c = Cli.run("export", run.toString(), "--out", json.toString(), "--data", data.toString());
        assertEquals(0, c.status(), c.toString());
        assertTrue(c.out().contains("first 3"), c.out());
        JsonNode arrays = Json.MAPPER.readTree(json.toFile()).get("arrays");
        assertEquals("[7,2,1]", arrays.get("sample.label").get("data").toString());
        assertEquals("[3,10,1]", arrays.get("output.times").get("shape").toString());
        assertEquals("[784,6]", arrays.get("pixels->h1.weight").get("shape").toString());
        assertEquals("[\"h1\",\"out\"]", arrays.get("population.name").get("data").toString());
        assertEquals("[\"spike\"]", arrays.get("spikes.population").get("axes").toString());
        for (JsonNode p : arrays.get("sample.predicted").get("data")) {
            assertTrue(p.asInt() >= 0 && p.asInt() < 10, "a class: " + p);
        }

        Cli bounded = Cli.run("export", run.toString(), "--out", dir.resolve("two.json").toString(), "--data",
                data.toString(), "--samples", "2");
        assertEquals(0, bounded.status(), bounded.toString());
        assertEquals("[2,10,1]", Json.MAPPER.readTree(dir.resolve("two.json").toFile()).get("arrays")
                .get("output.times").get("shape").toString());
        assertTrue(entries(run.resolve("from-script.npz")).contains("sample.label.npy"));
    }
}
