package io.smoothspike.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.model.Qif;
import io.smoothspike.sim.EventRecord;
import io.smoothspike.sim.EventSimulator;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.StateTrace;
import io.smoothspike.sim.TrialSettings;
import io.smoothspike.train.TrainingResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every plot kind is written as PNG and SVG from a tiny simulated network and synthetic training data. Set the
 * system property {@code smoothspike.plotDir} to keep copies of the files for looking at them.
 */
class PlotsTest {

    private static final double T = 4;
    private static SimulationGraph graph;
    private static EventRecord record;
    private static StateTrace trace;

    @TempDir
    Path dir;

    @BeforeAll
    static void simulate() {
        graph = SimulationGraph.builder().inputs("in", 3)
                .population("hidden", new Qif(1), 4)
                .population("out", new Qif(1), 2)
                .connectDense("in", "hidden", new double[][] {{4, 1, 3, 0.5}, {1, 4, 0.5, 3}, {2, 2, 4, 4}})
                .connectDense("hidden", "out", new double[][] {{2, 0.5}, {0.5, 2}, {1.5, 1}, {1, 1.5}})
                .build();
        InputSpikes in = InputSpikes.of(new double[] {0.2, 0.5, 1.0, 1.8, 2.5}, new int[] {0, 1, 2, 0, 1});
        TrialSettings trial = new TrialSettings(T, 1000);
        EventSimulator sim = new EventSimulator(graph);
        record = sim.run(in, trial).copy();
        trace = new EventSimulator(graph).trace(in, trial, StateTrace.grid(T, 801));
        assertTrue(record.spikeCount() > 0, "the test network spikes");
    }

    @Test
    void rasterWithoutTargets() throws IOException {
        writeBoth("raster", f -> Plots.raster(record, graph, f), "time [", "neuron index", "hidden", "out");
    }

    @Test
    void rasterWithTargets() throws IOException {
        int[] readout = {4, 5};
        double[][] targets = {{1.5, 3.0}, {Double.NaN}};
        writeBoth("raster-targets", f -> Plots.raster(record, graph, targets, readout, f), "time [", "target");
    }

    @Test
    void traces() throws IOException {
        writeBoth("traces", f -> Plots.traces(trace, new int[] {0, 1, 4}, f), "membrane potential", "neuron 4");
        writeBoth("traces-fixed", f -> Plots.traces(trace, new int[] {5}, -5, 5, f), "membrane potential");
    }

    @Test
    void outputTimesOverTraining() throws IOException {
        int steps = 40;
        double[][] times = new double[steps][];
        for (int s = 0; s < steps; s++) {
            double decay = Math.exp(-s / 8.0);
            times[s] = new double[] {1.5 + 2.0 * decay, 3.0 - 1.2 * decay, s < 5 ? Double.NaN : 2.0 + decay};
        }
        writeBoth("output-times", f -> Plots.outputTimesOverTraining(times, new double[] {1.5, 3.0, 2.0}, T, f),
                "evaluation", "output spike time");
        writeBoth("output-times-no-targets", f -> Plots.outputTimesOverTraining(times, null, T, f), "evaluation");
    }

    @Test
    void curves() throws IOException {
        Map<String, double[]> series = new LinkedHashMap<>();
        double[] loss = new double[100];
        double[] err = new double[100];
        for (int i = 0; i < loss.length; i++) {
            loss[i] = 2.0 * Math.exp(-i / 20.0) + 0.01;
            err[i] = i > 80 ? 0 : 0.9 * Math.exp(-i / 30.0);
        }
        series.put("loss", loss);
        series.put("error rate", err);
        writeBoth("curves-log", f -> Plots.curves(series, "epoch", "loss / error", true, f), "epoch", "error rate");
        writeBoth("curves-lin", f -> Plots.curves(series, "epoch", "loss / error", false, f), "epoch");
    }

    @Test
    void trainingCurvesOverEpochs() throws IOException {
        List<Map<String, Object>> history = new ArrayList<>();
        double[] test = {2.34, 0.61, 0.32, 0.21};
        double[] train = {Double.NaN, 1.1, 0.45, 0.27};
        for (int e = 0; e < test.length; e++) {
            history.add(new LinkedHashMap<>(e == 0 ? Map.of("epoch", 0.0, "loss", test[0])
                    : Map.of("epoch", (double) e, "loss", test[e], "train_loss", train[e])));
        }
        TrainingResult run = new TrainingResult(test[0], test[3], history, List.of(), Map.of(), false);
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("test", test);
        series.put("train", train);
        writeBoth("training-curves", f -> Plots.trainingCurves(run, series, "loss", true,
                "Loss during training (test set; train: mean over the epoch)", f), "epoch", "Loss during training");
    }

    @Test
    void lossAndErrorCurvesOfADataSetRun() throws IOException {
        List<Map<String, Object>> history = new ArrayList<>();
        history.add(new LinkedHashMap<>(Map.of("epoch", 0.0, "loss", 2.3, "accuracy", 0.1, "accuracy_ordinary", 0.0)));
        history.add(new LinkedHashMap<>(Map.of("epoch", 1.0, "loss", 0.6, "train_loss", 0.8, "accuracy", 0.75,
                "accuracy_ordinary", 0.5)));
        TrainingResult run = new TrainingResult(2.3, 0.6, history, List.of(), Map.of(), false);
        Map<String, double[]> loss = Plots.lossSeries(run);
        assertArrayEquals(new double[] {2.3, 0.6}, loss.get("test"));
        assertArrayEquals(new double[] {Double.NaN, 0.8}, loss.get("train"), "no training loss before training");
        Map<String, double[]> error = Plots.errorSeries(run);
        assertArrayEquals(new double[] {0.9, 0.25}, error.get("with pseudospikes"));
        assertArrayEquals(new double[] {1.0, 0.5}, error.get("ordinary spikes only"));
        Plots.lossAndErrorCurves(run, true, dir);
        for (String f : new String[] {"loss.png", "error.png"}) {
            assertTrue(Files.size(dir.resolve(f)) > 1000, f);
        }
    }

    @Test
    void histogramWithTrialEnd() throws IOException {
        double[] times = new double[300];
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < times.length; i++) {
            times[i] = 1.2 + 0.3 * rnd.nextGaussian();
        }
        writeBoth("histogram-T", f -> Plots.histogram(times, 40, "earliest output time [τ]", 2.0,
                "Earliest output spike time, 300 test samples, after training", f), "T (trial end)",
                "Earliest output spike time");
    }

    @Test
    void histogram() throws IOException {
        double[] times = new double[200];
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < times.length; i++) {
            times[i] = i % 25 == 0 ? Double.NaN : 2.0 + 0.5 * rnd.nextGaussian();
        }
        writeBoth("histogram", f -> Plots.histogram(times, 20, "output spike time [τ]", f), "output spike time",
                "count");
    }

    @Test
    void unsupportedExtensionIsRejectedWithTheSupportedOnes() {
        Path bad = dir.resolve("sub/raster.jpg");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.raster(record, graph, bad));
        assertTrue(e.getMessage().contains(".png") && e.getMessage().contains(".svg")
                && e.getMessage().contains(".jpg"), e.getMessage());
        assertFalse(Files.exists(bad.getParent()), "nothing is created for a rejected file");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> Plots.histogram(new double[] {1, 2}, 3, "x", dir.resolve("histogram")));
        assertTrue(none.getMessage().contains("supported: .png, .svg"), none.getMessage());
    }

    @Test
    void overwritesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
        Path f = dir.resolve("a/b/curves.PNG");
        Map<String, double[]> one = Map.of("loss", new double[] {3, 2, 1});
        Plots.curves(one, "step", "loss", false, f);
        long first = Files.size(f);
        Plots.curves(Map.of("loss", new double[] {1, 2, 3, 4, 5, 6}), "step", "loss", false, f);
        assertTrue(Files.size(f) > 1000 && first > 1000);
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertEquals(1, files.count(), "only the plot itself is left in its folder");
        }
    }

    @Test
    void badArgumentsAreRejected() {
        Path f = dir.resolve("x.png");
        assertThrows(IllegalArgumentException.class,
                () -> Plots.raster(record, graph, new double[][] {{1}}, new int[] {0, 1}, f));
        assertThrows(IllegalArgumentException.class,
                () -> Plots.raster(record, graph, new double[][] {{1}}, new int[] {99}, f));
        assertThrows(IllegalArgumentException.class, () -> Plots.traces(trace, new int[] {99}, f));
        assertThrows(IllegalArgumentException.class, () -> Plots.histogram(new double[] {1}, 0, "x", f));
        assertThrows(IllegalArgumentException.class, () -> Plots.curves(Map.of(), "x", "y", true, f));
    }

    /** Writes the plot as PNG and SVG and checks both files. */
    private void writeBoth(String name, Function<Path, Path> plot, String... svgTexts) throws IOException {
        Path png = plot.apply(dir.resolve("plots/" + name + ".png"));
        assertTrue(Files.isRegularFile(png), png.toString());
        assertTrue(Files.size(png) > 5_000, "PNG is non-trivial: " + Files.size(png));
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "PNG decodes");
        assertEquals(Plots.WIDTH, img.getWidth());
        assertEquals(Plots.HEIGHT, img.getHeight());

        Path svg = plot.apply(dir.resolve("plots/" + name + ".svg"));
        assertTrue(Files.isRegularFile(svg), svg.toString());
        assertTrue(Files.size(svg) > 5_000, "SVG is non-trivial: " + Files.size(svg));
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.contains("<svg"), "SVG root element");
        for (String s : svgTexts) {
            assertTrue(text.contains(s), "SVG contains '" + s + "'");
        }
        keep(png);
        keep(svg);
    }

    private static void keep(Path file) throws IOException {
        String keepDir = System.getProperty("smoothspike.plotDir");
        if (keepDir != null) {
            Path d = Files.createDirectories(Path.of(keepDir));
            Files.copy(file, d.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
