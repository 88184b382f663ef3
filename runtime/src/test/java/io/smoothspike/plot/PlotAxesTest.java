package io.smoothspike.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.model.Qif;
import io.smoothspike.sim.EventRecord;
import io.smoothspike.sim.EventSimulator;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.TrialSettings;
import io.smoothspike.train.TrainingResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.RenderedTicks;

/** Axis titles, tick labels, series data and titles of the figures, read from the chart objects. */
class PlotAxesTest {

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- x-axes of training figures

    @Test
    void outputTimesOfATrainingRunAreAgainstTrialsTrained() {
        // 3000 trials evaluated every 30: 101 evaluations, the last after 3000 trials
        TrainingResult run = fixedTask(101, 30);
        XYChart chart = Plots.outputTimesOverTrainingChart(run, 0, new double[] {2.5, 7.5}, 10);
        assertEquals("training trials", chart.getXAxisTitle());
        double[] x = chart.getSeriesMap().get("spike 1").getXData();
        assertEquals(101, x.length);
        assertEquals(3000, x[100]);
        assertEquals(30, x[1]);
        assertTrue(chart.getTitle().contains("read-out neuron 0") && chart.getTitle().contains("trial 0")
                && chart.getTitle().contains("during training"), chart.getTitle());
        assertWholeNumbers(RenderedTicks.x(chart), 3);
    }

    @Test
    void outputTimesOfBareRowsAreLabelledByEvaluationNotTrainingStep() {
        double[][] times = {{3, 8}, {2.8, 7.9}, {2.6, 7.7}};
        XYChart chart = Plots.outputTimesOverTrainingChart(times, null, 10);
        assertEquals("evaluation", chart.getXAxisTitle());
        assertEquals(List.of("0", "1", "2"), RenderedTicks.x(chart));
    }

    @Test
    void stepAxesNeverShowFractionalTicks() {
        XYChart chart = Plots.curvesChart(Map.of("loss", new double[] {0.65, 0.11, 0.09, 0.08}), "evaluation",
                "loss", false);
        assertEquals(List.of("0", "1", "2", "3"), RenderedTicks.x(chart));
    }

    @Test
    void epochAxisOfAThreeEpochRunHasOneTickPerEpoch() {
        XYChart chart = Plots.trainingCurvesChart(dataSetRun(3), Map.of("test", new double[] {2.3, 0.9, 0.5, 0.4}),
                "loss", false, "Test loss during training");
        assertEquals("epoch", chart.getXAxisTitle());
        assertEquals(List.of("0", "1", "2", "3"), RenderedTicks.x(chart));
    }

    @Test
    void trainLossOfEachEpochSitsAtThatEpochsEnd() {
        TrainingResult run = dataSetRun(3);
        double[] train = run.history().stream()
                .mapToDouble(r -> ((Number) r.getOrDefault("train_loss", Double.NaN)).doubleValue()).toArray();
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("test", run.lossCurve());
        series.put("train", train);
        XYSeries s = Plots.trainingCurvesChart(run, series, "loss", false, "Loss during training")
                .getSeriesMap().get("train");
        assertArrayEquals(new double[] {0, 1, 2, 3}, s.getXData());
        assertTrue(Double.isNaN(s.getYData()[0]), "no training loss before training");
        assertEquals(1.5, s.getYData()[1], "epoch 1's mean training loss at epoch 1");
        assertEquals(0.45, s.getYData()[3], "the last epoch is drawn");
    }

    @Test
    void aSeriesShiftedAgainstTheHistoryIsRejected() {
        TrainingResult run = dataSetRun(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.trainingCurvesChart(run,
                Map.of("train", new double[] {1.5, 0.7, 0.45}), "loss", true, "Loss during training"));
        assertTrue(e.getMessage().contains("'train' has 3 values") && e.getMessage().contains("4 rows"),
                e.getMessage());
    }

    // ---------------------------------------------------------------- logarithmic axes

    @Test
    void manyDecadesAreLabelledAtWholeDecadesInOneFormat() {
        double[] loss = new double[101];
        for (int i = 0; i < loss.length; i++) {
            loss[i] = 30 * Math.pow(10, -0.27 * i); // 30 down to 3e-26
        }
        List<String> labels = RenderedTicks.y(Plots.curvesChart(Map.of("loss", loss), "step", "loss", true));
        assertTrue(labels.size() >= 4 && labels.size() <= 16, labels.toString());
        for (String l : labels) {
            assertTrue(l.matches("1e-?\\d+"), "decade label in one format: " + labels);
        }
        assertTrue(labels.contains("1e0"), labels.toString());
    }

    @Test
    void aFewDecadesGetPlainLabelsAtEveryDecade() {
        XYChart chart = Plots.curvesChart(Map.of("loss", new double[] {0.5, 0.2, 0.05, 0.02}), "step", "loss", true);
        assertEquals(List.of("0.01", "0.1", "1"), RenderedTicks.y(chart));
        assertEquals(Math.log10(0.05), chart.getSeriesMap().get("loss").getYData()[2], 1e-15);
    }

    @Test
    void lessThanADecadeGetsALinearAxisWithSeveralLabels() {
        XYChart chart = Plots.curvesChart(Map.of("loss", new double[] {0.65, 0.11, 0.09, 0.08}), "step", "loss",
                true);
        List<String> labels = RenderedTicks.y(chart);
        assertTrue(labels.size() >= 4, "readable y ticks: " + labels);
        assertEquals(0.08, chart.getSeriesMap().get("loss").getYData()[3], "values are not transformed");
    }

    // ---------------------------------------------------------------- sweeps against given x values

    @Test
    void denseEquallySpacedXValuesGetRoundTicks() {
        int n = 1000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2.0 * i / (n - 1);
            y[i] = Math.exp(-x[i]);
        }
        List<String> labels = RenderedTicks.x(Plots.curvesChart(x, Map.of("t", y), "input weight / w_min",
                "output spike time [τ]", false));
        assertTrue(labels.size() >= 3 && labels.size() <= 12, labels.toString());
        for (String l : labels) {
            assertTrue(l.matches("\\d+(\\.\\d)?"), "round tick label, got " + labels);
        }
        assertTrue(labels.contains("2"), "the sweep's end is labelled: " + labels);
    }

    // ---------------------------------------------------------------- raster rows

    @Test
    void rasterLabelsOnlyRowsThatExist() {
        int inputs = 20;
        int neurons = 10;
        SimulationGraph graph = SimulationGraph.builder().inputs("in", inputs)
                .population("rnn", new Qif(1), neurons)
                .connectDense("in", "rnn", new double[inputs][neurons])
                .build();
        EventRecord rec = new EventSimulator(graph)
                .run(InputSpikes.of(new double[] {0.5, 1.0}, new int[] {0, 19}), new TrialSettings(10, 100)).copy();
        List<String> rows = RenderedTicks.y(Plots.rasterChart(rec, graph, null, null));
        assertTrue(rows.size() >= 5, rows.toString());
        for (String row : rows) {
            int i = Integer.parseInt(row.replace("in ", ""));
            assertTrue(row.startsWith("in ") ? i < inputs : i < neurons, "no such row: " + row + " in " + rows);
        }
        List<String> times = RenderedTicks.x(Plots.rasterChart(rec, graph, null, null));
        assertEquals("0", times.get(0), times.toString());
        assertTrue(times.contains("10"), times.toString());
    }

    // ---------------------------------------------------------------- histogram and titles

    @Test
    void histogramHasATitleAndAMarkerAtTheTrialEnd() {
        double[] times = {0.4, 0.5, 0.5, 0.7, 1.1, 1.3};
        XYChart chart = Plots.histogramChart(times, 5, "earliest output time [τ]", 2.0,
                "Earliest output time, 6 test samples, after training");
        assertEquals("Earliest output time, 6 test samples, after training", chart.getTitle());
        XYSeries t = chart.getSeriesMap().get("T (trial end)");
        assertArrayEquals(new double[] {2.0, 2.0}, t.getXData());
        assertTrue(chart.getStyler().getXAxisMax() > 2.0, "T lies inside the x-range");
    }

    @Test
    void histogramDefaultTitleNamesWhatIsCounted() {
        XYChart chart = Plots.histogramChart(new double[] {1, 2, 2}, 2, "earliest output time [τ]");
        assertEquals("Distribution of earliest output time [τ]", chart.getTitle());
    }

    @Test
    void titlesReachTheFileAndBlankTitlesAreRejected() throws IOException {
        Path svg = Plots.curves(null, Map.of("loss", new double[] {3, 2, 1}), "step", "loss", false,
                "Loss on trial 0 during training", dir.resolve("loss.svg"));
        assertTrue(Files.readString(svg, StandardCharsets.UTF_8)
                .contains("<title>Loss on trial 0 during training</title>"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.histogram(new double[] {1}, 2, "x", 1, " ", dir.resolve("h.png")));
        assertTrue(e.getMessage().contains("title"), e.getMessage());
    }

    // ---------------------------------------------------------------- helpers

    private static void assertWholeNumbers(List<String> labels, int atLeast) {
        assertTrue(labels.size() >= atLeast, "enough ticks: " + labels);
        for (String l : labels) {
            assertTrue(l.matches("-?\\d+"), "whole-number tick labels, got " + labels);
        }
    }

    /** A fixed-task run: evaluations every {@code every} trials, two output spikes of one read-out neuron. */
    private static TrainingResult fixedTask(int evaluations, int every) {
        List<Map<String, Object>> history = new ArrayList<>();
        List<double[][]> times = new ArrayList<>();
        for (int i = 0; i < evaluations; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", i * every);
            row.put("trials", i * every);
            row.put("loss", 10.0 / (1 + i));
            history.add(row);
            times.add(new double[][] {{2.5 + 8.0 / (1 + i), 7.5 + 4.0 / (1 + i)}});
        }
        return new TrainingResult(10, 10.0 / evaluations, history, times, Map.of(), false);
    }

    /** A data-set run of {@code epochs} epochs: row 0 before training (no train_loss), row e after epoch e. */
    private static TrainingResult dataSetRun(int epochs) {
        double[] test = {2.3, 0.9, 0.5, 0.4};
        double[] train = {Double.NaN, 1.5, 0.7, 0.45};
        List<Map<String, Object>> history = new ArrayList<>();
        for (int e = 0; e <= epochs; e++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", e * 60);
            row.put("epoch", (double) e);
            row.put("loss", test[e]);
            if (e > 0) {
                row.put("train_loss", train[e]);
            }
            history.add(row);
        }
        return new TrainingResult(test[0], test[epochs], history, List.of(), Map.of(), false);
    }
}
