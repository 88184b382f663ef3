package io.smoothspike.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.data.LabeledImages;
import io.smoothspike.io.numpy.NpyBytes;
import io.smoothspike.network.Json;
import io.smoothspike.network.Network;
import io.smoothspike.network.SimulationResult;
import io.smoothspike.spec.ConnectivitySpec;
import io.smoothspike.spec.InputSpec;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.ModelSpec;
import io.smoothspike.spec.NetworkSpec;
import io.smoothspike.spec.OutputSpec;
import io.smoothspike.spec.PopulationSpec;
import io.smoothspike.spec.ProjectionSpec;
import io.smoothspike.spec.TrialSpec;
import io.smoothspike.spec.ValueSpec;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {

    @TempDir
    Path dir;

    /** Two input groups (explicit times), a masked 2 x 3 projection with an asymmetric matrix, two read-out spikes. */
    static Network masked() {
        boolean[][] mask = {{true, false, true}, {true, true, false}};
        double[][] w = {{1.5, 2, 3}, {4, 5, 6}};
        return Network.compile(new NetworkSpec("masked", new TrialSpec(10, 50, 10, "auto"),
                List.of(new InputSpec("a", 2, new InputSpec.Spikes(new double[][] {{1.0, 2.0}, {3.0}}), true),
                        new InputSpec("b", 1, new InputSpec.Spikes(new double[][] {{0.5}}), false)),
                List.of(new PopulationSpec("n", 3, ModelSpec.qif(1), Map.of(), false, null)),
                List.of(new ProjectionSpec("a", "n", new ConnectivitySpec.Mask(mask), new ValueSpec.Matrix(w), true),
                        new ProjectionSpec("b", "n", null, new ValueSpec.Constant(0.25), false)),
                new OutputSpec("n", null, 2), new LossSpec.SpikeTime(new double[][] {{2, 5}, {2, 5}, {2, 5}})));
    }

    @Test
    void weightsAreMatricesByPresynapticRowWithTheirMask() {
        ResultExport e = Exporter.of(masked()).build();
        ExportArray w = e.array("a->n.weight");
        assertEquals(List.of("pre", "post"), w.axes());
        assertArrayEquals(new int[] {2, 3}, w.shape());
        assertArrayEquals(new double[] {1.5, 0, 3, 4, 5, 0}, (double[]) w.values());
        assertArrayEquals(new boolean[] {true, false, true, true, true, false},
                (boolean[]) e.array("a->n.mask").values());
        // the other input group's projection: one row (its one channel), dense
        assertArrayEquals(new double[] {0.25, 0.25, 0.25}, (double[]) e.array("b->n.weight").values());
        assertArrayEquals(new int[] {1, 3}, e.array("b->n.weight").shape());
        assertArrayEquals(new double[] {1, 2, 3}, (double[]) e.array("a.time").values());
        assertArrayEquals(new int[] {0, 0, 1}, (int[]) e.array("a.channel").values());
        assertArrayEquals(new int[0], e.array("n.tau").shape());
        assertArrayEquals(new double[] {1}, (double[]) e.array("n.tau").values());
        assertArrayEquals(new int[] {3}, e.array("n.psi0").shape());
        assertArrayEquals(new String[] {"n"}, (String[]) e.array("population.name").values());
    }

    @Test
    void everyParameterIsExportedWithItsValues() {
        Network net = masked();
        ResultExport e = Exporter.of(net).build();
        for (String name : net.parameterNames()) {
            ExportArray a = e.array(name);
            double[] flat = (double[]) a.values();
            if (name.endsWith(".weight")) {
                // the parameter's flat list holds the existing synapses, row by row
                boolean[] mask = (boolean[]) e.array(name.replace(".weight", ".mask")).values();
                flat = java.util.stream.IntStream.range(0, flat.length).filter(k -> mask[k])
                        .mapToDouble(k -> ((double[]) a.values())[k]).toArray();
            }
            assertArrayEquals(net.parameter(name), flat, 0.0, name);
        }
    }

    @Test
    void samplesGiveOutputTimesAndTheSpikeTable() {
        Network net = masked();
        ResultExport e = Exporter.of(net).samples(ExportSamples.fixed(2)).build();
        SimulationResult r = net.simulate();
        ExportArray times = e.array("output.times");
        assertEquals(List.of("sample", "readout", "spike"), times.axes());
        assertArrayEquals(new int[] {2, 3, 2}, times.shape());
        double[] t = (double[]) times.values();
        double[] ordinary = (double[]) e.array("output.times_ordinary").values();
        for (int s = 0; s < 2; s++) {
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < 2; j++) {
                    assertEquals(r.outputTimes()[k][j], t[(s * 3 + k) * 2 + j]);
                    assertEquals(r.ordinaryOutputTimes()[k][j], ordinary[(s * 3 + k) * 2 + j]);
                }
            }
        }
        int[] sample = (int[]) e.array("spikes.sample").values();
        double[] spikeTimes = (double[]) e.array("spikes.time").values();
        int[] neuron = (int[]) e.array("spikes.neuron").values();
        assertEquals(2 * r.record().spikeCount(), sample.length);
        assertTrue(r.record().spikeCount() > 0, "the network spikes");
        for (int s = 0; s < 2; s++) {
            for (int n = 0; n < 3; n++) {
                int sampleIndex = s;
                int neuronIndex = n;
                double[] listed = java.util.stream.IntStream.range(0, sample.length)
                        .filter(k -> sample[k] == sampleIndex && neuron[k] == neuronIndex)
                        .mapToDouble(k -> spikeTimes[k]).toArray();
                assertArrayEquals(r.record().spikeTimes(n), listed, 0.0, "sample " + s + ", neuron " + n);
            }
        }
        assertArrayEquals(new int[] {-1, -1}, (int[]) e.array("sample.label").values());
        assertArrayEquals(new int[] {-1, -1}, (int[]) e.array("sample.predicted").values());
    }

    /** Four 4-pixel images; the class is the brightest pixel. */
    private static LabeledImages images() {
        double[][] px = new double[4][4];
        int[] labels = new int[4];
        for (int i = 0; i < 4; i++) {
            px[i][i] = 255;
            labels[i] = i % 2;
        }
        return new LabeledImages() {
            public int size() {
                return 4;
            }

            public double[] pixels(int i) {
                return px[i].clone();
            }

            public int label(int i) {
                return labels[i];
            }
        };
    }

    @Test
    void labelledImagesGiveLabelsAndPredictions() {
        Network net = Network.compile(new NetworkSpec("img", new TrialSpec(2, 200, 10, "auto"),
                List.of(new InputSpec("px", 4, new InputSpec.Image(1), false)),
                List.of(new PopulationSpec("out", 2, ModelSpec.theta(6 / Math.PI, 1.25),
                        Map.of("phase", new ValueSpec.Constant(3)), true, null)),
                List.of(new ProjectionSpec("px", "out", null, new ValueSpec.Matrix(new double[][] {{9, 0}, {0, 9},
                        {9, 0}, {0, 9}}), true)),
                new OutputSpec("out", null, 1), new LossSpec.CrossEntropy(0.01)));
        ResultExport e = Exporter.of(net).samples(ExportSamples.images(images(), 3)).build();
        assertArrayEquals(new int[] {0, 1, 0}, (int[]) e.array("sample.label").values());
        int[] predicted = (int[]) e.array("sample.predicted").values();
        double[] t = (double[]) e.array("output.times").values();
        for (int s = 0; s < 3; s++) {
            assertEquals(t[2 * s] <= t[2 * s + 1] ? 0 : 1, predicted[s], "sample " + s);
        }
        assertEquals("[0, 1, 0]", java.util.Arrays.toString(predicted));
        assertEquals("4 labelled images, first 3", e.metadata().get("samples"));
    }

    @Test
    void npzHoldsEveryArrayAndTheMetadata() throws IOException {
        Network net = masked();
        MetricsHistory history = MetricsHistory.of(List.of(Map.of("step", 0, "loss", 2.5),
                Map.of("step", 10, "loss", 1.25, "train_loss", 1.5)));
        ResultExport e = Exporter.of(net).samples(ExportSamples.fixed(1)).metrics(history).build();
        Path file = e.write(dir.resolve("x.npz"), ExportFormat.NPZ, false);
        Map<String, NpyBytes> z = NpyBytes.arrays(Files.readAllBytes(file));
        for (ExportArray a : e.arrays()) {
            assertArrayEquals(a.shape(), z.get(a.name()).shape(), a.name());
        }
        assertArrayEquals(new double[] {2.5, 1.25}, z.get("metrics.loss").doubles());
        assertArrayEquals(new double[] {Double.NaN, 1.5}, z.get("metrics.train_loss").doubles());
        assertArrayEquals(new double[] {1.5, 0, 3, 4, 5, 0}, z.get("a->n.weight").doubles());
        var meta = Json.MAPPER.readTree(z.get("metadata").strings()[0]);
        assertEquals(Provenance.version(), meta.get("provenance").get("smoothspike_version").asText());
        assertEquals("masked", meta.get("network").get("name").asText());
        assertEquals("[\"pre\",\"post\"]", meta.get("arrays").get("a->n.weight").get("axes").toString());
    }

    @Test
    void refusesToOverwriteUnlessAskedAndLeavesNoTemporaryFiles() throws IOException {
        ResultExport e = Exporter.of(masked()).build();
        for (ExportFormat f : ExportFormat.values()) {
            Path target = dir.resolve("out-" + f);
            e.write(target, f, false);
            assertThrows(FileAlreadyExistsException.class, () -> e.write(target, f, false), f.name());
            e.write(target, f, true);
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of("out-CSV", "out-JSON", "out-NPZ"), files.map(p -> p.getFileName().toString())
                    .sorted().toList());
        }
    }

    @Test
    void csvFolderHoldsOneTablePerGroupWithHeaders() throws IOException {
        Network net = masked();
        Path out = Exporter.of(net).samples(ExportSamples.fixed(1)).build().write(dir.resolve("csv"),
                ExportFormat.CSV, false);
        List<String> weights = Files.readAllLines(out.resolve("a_to_n.csv"));
        assertEquals(List.of("pre,post,weight,mask", "0,0,1.5,true", "0,1,0.0,false", "0,2,3.0,true", "1,0,4.0,true",
                "1,1,5.0,true", "1,2,0.0,false"), weights);
        assertEquals("name,value", Files.readAllLines(out.resolve("scalars.csv")).get(0));
        assertTrue(Files.readAllLines(out.resolve("scalars.csv")).contains("n.tau,1.0"));
        assertEquals("spike,sample,population,neuron,time", Files.readAllLines(out.resolve("spikes.csv")).get(0));
        assertEquals("sample,readout,spike,times,times_ordinary",
                Files.readAllLines(out.resolve("output.csv")).get(0));
        assertTrue(Files.isRegularFile(out.resolve("metadata.json")));
    }

    @Test
    void jsonDocumentNestsArraysByShape() throws IOException {
        Path out = Exporter.of(masked()).samples(ExportSamples.fixed(1)).build().write(dir.resolve("x.json"),
                ExportFormat.JSON, false);
        var doc = Json.MAPPER.readTree(out.toFile());
        assertEquals("[[1.5,0.0,3.0],[4.0,5.0,0.0]]", doc.get("arrays").get("a->n.weight").get("data").toString());
        assertEquals("[2,3]", doc.get("arrays").get("a->n.weight").get("shape").toString());
        assertEquals(1.0, doc.get("arrays").get("n.tau").get("data").asDouble());
        assertFalse(doc.get("metadata").get("provenance").isNull());
    }
}
