package io.smoothspike.plot;

import io.smoothspike.graph.Population;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.sim.EventRecord;
import io.smoothspike.sim.StateTrace;
import io.smoothspike.train.TrainingResult;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Static plotting helpers for simulation results and training runs, rendered off-screen with XChart.
 *
 * <p>Every {@code Path}-taking method writes one file, PNG or SVG by its extension ({@code .png}, {@code .svg}, any
 * case; anything else is an {@link IllegalArgumentException}), creates missing parent folders, writes atomically
 * (temporary file in the same folder, then a move) and returns the absolute path written. I/O failures surface as
 * {@link java.io.UncheckedIOException}. Bitmaps are {@link #WIDTH} × {@link #HEIGHT} pixels.
 *
 * <p>The {@code ...Chart} methods build the same charts without saving, for callers that want to restyle one before
 * {@link #save(Chart, Path) saving} it. Times are in units of the membrane time constant τ. The methods with a
 * {@code title} put it above the chart; say there which sample and which stage (before, during or after training)
 * the figure shows.
 */
public final class Plots {

    /** Width of every chart in pixels. */
    public static final int WIDTH = 960;
    /** Height of every chart in pixels. */
    public static final int HEIGHT = 560;

    private static final String TIME = "time [τ]";

    private Plots() {
    }

    /** Writes any XChart chart to {@code file} (.png or .svg), as the plot methods do. */
    public static Path save(Chart<?, ?> chart, Path file) {
        return ChartKit.save(chart, file);
    }

    // ---------------------------------------------------------------- raster

    /** Spike raster of one trial; see {@link #raster(EventRecord, SimulationGraph, double[][], int[], Path)}. */
    public static Path raster(EventRecord rec, SimulationGraph graph, Path file) {
        ChartKit.Format.of(file);
        return save(rasterChart(rec, graph, null, null), file);
    }

    /**
     * Spike raster of one trial with target times: every network spike as a tick at (time, global neuron index),
     * one colour per population (legend: population name); input spikes in grey on a band below, channel c at
     * y = −1 − c (labelled "in c"); target times as open circles on their read-out neuron's row; a dashed vertical
     * line at the trial end T.
     *
     * @param targets        {@code targets[i]} are the target times of neuron {@code readoutNeurons[i]}; non-finite
     *                       entries (e.g. NaN for "no spike") are not drawn; may be null (then no targets)
     * @param readoutNeurons global indices of the read-out neurons, one per row of {@code targets}
     */
    public static Path raster(EventRecord rec, SimulationGraph graph, double[][] targets, int[] readoutNeurons,
            Path file) {
        ChartKit.Format.of(file);
        return save(rasterChart(rec, graph, targets, readoutNeurons), file);
    }

    /** As {@link #raster(EventRecord, SimulationGraph, double[][], int[], Path)} with a title (targets may be null). */
    public static Path raster(EventRecord rec, SimulationGraph graph, double[][] targets, int[] readoutNeurons,
            String title, Path file) {
        ChartKit.Format.of(file);
        return save(titled(rasterChart(rec, graph, targets, readoutNeurons), title), file);
    }

    /** The chart of {@link #raster(EventRecord, SimulationGraph, double[][], int[], Path)}, not saved. */
    public static XYChart rasterChart(EventRecord rec, SimulationGraph graph, double[][] targets,
            int[] readoutNeurons) {
        if (rec == null || graph == null) {
            throw new IllegalArgumentException("raster needs an event record and its simulation graph");
        }
        int n = graph.neuronCount();
        int inputs = graph.inputCount();
        if ((targets == null) != (readoutNeurons == null)
                || targets != null && targets.length != readoutNeurons.length) {
            throw new IllegalArgumentException("targets and readoutNeurons must both be given with one row of "
                    + "target times per read-out neuron; got " + (targets == null ? "no" : targets.length)
                    + " target rows for " + (readoutNeurons == null ? "no" : readoutNeurons.length) + " neurons");
        }
        if (readoutNeurons != null) {
            for (int r : readoutNeurons) {
                if (r < 0 || r >= n) {
                    throw new IllegalArgumentException("read-out neuron " + r + " is not in 0.." + (n - 1));
                }
            }
        }

        // Sort the events into input / per-population point lists.
        List<Population> pops = graph.populations();
        Points inputPoints = new Points();
        Points[] popPoints = new Points[pops.size()];
        for (int p = 0; p < popPoints.length; p++) {
            popPoints[p] = new Points();
        }
        double duration = rec.duration();
        double tMax = duration;
        for (int k = 0; k < rec.eventCount(); k++) {
            double t = rec.time(k);
            tMax = Math.max(tMax, t);
            if (rec.isInput(k)) {
                inputPoints.add(t, -1 - rec.inputChannel(k));
            } else {
                int neuron = rec.neuron(k);
                popPoints[graph.populationOf(neuron)].add(t, neuron);
            }
        }
        Points targetPoints = new Points();
        if (targets != null) {
            for (int i = 0; i < targets.length; i++) {
                for (double t : targets[i] == null ? new double[0] : targets[i]) {
                    if (Double.isFinite(t)) {
                        targetPoints.add(t, readoutNeurons[i]);
                        tMax = Math.max(tMax, t);
                    }
                }
            }
        }

        XYChart chart = ChartKit.newChart(WIDTH, HEIGHT, "Spike raster",
                TIME, inputs > 0 ? "neuron index (below: input channels)" : "neuron index");
        XYStyler s = chart.getStyler();
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        double yMin = inputs > 0 ? -inputs - 0.5 : -0.5;
        double yMax = Math.max(n, 1) - 0.5;
        double xMax = tMax > 0 && Double.isFinite(tMax) ? tMax * 1.02 : 1;
        // No padding beyond the axis ranges, so that no tick is labelled with a row that does not exist; the x-range
        // gets its own small margin left of 0.
        s.setPlotContentSize(1.0);
        s.setXAxisMin(-0.02 * xMax);
        s.setXAxisMax(xMax);
        s.setYAxisMin(yMin);
        s.setYAxisMax(yMax);
        s.setPlotGridHorizontalLinesVisible(false);
        // At least one row per tick, so that ticks fall on whole neuron / channel indices.
        int rows = (int) Math.round(yMax - yMin);
        s.setYAxisTickMarkSpacingHint(Math.max(44, (int) Math.ceil(1.1 * (HEIGHT - 100) / rows)));
        // Rows below 0 are input channels: y = -1 - c is labelled "in c". (XChart needs distinct labels.)
        chart.setCustomYAxisTickLabelsFormatter(y -> {
            double r = Math.rint(y);
            boolean whole = Math.abs(y - r) < 1e-9;
            double v = y >= -0.5 ? y : -1 - y;
            String num = whole ? Long.toString((long) Math.rint(v)) : String.format("%.1f", v);
            return y >= -0.5 ? num : "in " + num;
        });

        if (inputs > 0) {
            XYSeries in = ChartKit.add(chart, graph.inputName() + " (input)", inputPoints.x(), inputPoints.y());
            in.setMarker(ChartKit.TICK);
            in.setMarkerColor(ChartKit.INPUT_GREY);
            ChartKit.guide(chart, "input band", 0, -0.5, xMax, -0.5, Color.LIGHT_GRAY, false);
        }
        for (int p = 0; p < pops.size(); p++) {
            Points pts = popPoints[p];
            String name = pops.get(p).name() + (pts.size == 0 ? " (no spikes)" : "");
            XYSeries ser = ChartKit.add(chart, name, pts.x(), pts.y());
            ser.setMarker(ChartKit.TICK);
            ser.setMarkerColor(ChartKit.colour(p));
        }
        if (targets != null) {
            XYSeries tg = ChartKit.add(chart, "target", targetPoints.x(), targetPoints.y());
            tg.setMarker(ChartKit.RING);
            tg.setMarkerColor(Color.BLACK);
        }
        if (duration > 0 && Double.isFinite(duration)) {
            ChartKit.guide(chart, "T (trial end)", duration, yMin, duration, yMax, ChartKit.GUIDE, true);
        }
        ChartKit.plainXTicks(chart);
        return chart;
    }

    // ---------------------------------------------------------------- traces

    /**
     * Membrane potential V over time for the given global neurons, one line each. V is ±huge around the spikes of
     * QIF-type models, so the y-range is a robust one (the 5–95 % range of all samples, widened by 25 % of its span
     * on each side); the title states it.
     */
    public static Path traces(StateTrace trace, int[] neurons, Path file) {
        ChartKit.Format.of(file);
        return save(tracesChart(trace, neurons, Double.NaN, Double.NaN), file);
    }

    /** As {@link #traces(StateTrace, int[], Path)} with a title (the clipping note is appended to it). */
    public static Path traces(StateTrace trace, int[] neurons, String title, Path file) {
        ChartKit.Format.of(file);
        return save(tracesChart(trace, neurons, Double.NaN, Double.NaN, title), file);
    }

    /** As {@link #traces(StateTrace, int[], Path)} with the y-range fixed to [vMin, vMax]. */
    public static Path traces(StateTrace trace, int[] neurons, double vMin, double vMax, Path file) {
        if (!(vMin < vMax)) {
            throw new IllegalArgumentException("need vMin < vMax, got [" + vMin + ", " + vMax + "]");
        }
        ChartKit.Format.of(file);
        return save(tracesChart(trace, neurons, vMin, vMax), file);
    }

    /** The chart of the {@code traces} methods; NaN bounds mean the automatic range. */
    public static XYChart tracesChart(StateTrace trace, int[] neurons, double vMin, double vMax) {
        return tracesChart(trace, neurons, vMin, vMax, "Membrane potential");
    }

    /** As {@link #tracesChart(StateTrace, int[], double, double)} with a title. */
    public static XYChart tracesChart(StateTrace trace, int[] neurons, double vMin, double vMax, String title) {
        requireTitle(title);
        if (trace == null || neurons == null || neurons.length == 0) {
            throw new IllegalArgumentException("traces needs a state trace and at least one neuron");
        }
        double[] grid = trace.grid();
        double[][] v = new double[neurons.length][];
        for (int i = 0; i < neurons.length; i++) {
            try {
                v[i] = trace.voltage(neurons[i]);
            } catch (IndexOutOfBoundsException e) {
                throw new IllegalArgumentException("neuron " + neurons[i] + " is not in the trace", e);
            }
        }
        String rangeNote = "";
        if (Double.isNaN(vMin) || Double.isNaN(vMax)) {
            double[] all = Arrays.stream(v).flatMapToDouble(Arrays::stream).filter(Double::isFinite)
                    .filter(x -> Math.abs(x) < 1e300).sorted().toArray();
            double lo = all.length == 0 ? -1 : quantile(all, 0.05);
            double hi = all.length == 0 ? 1 : quantile(all, 0.95);
            double pad = 0.25 * (hi - lo);
            if (!(pad > 1e-12 * Math.max(1, Math.abs(lo)))) {
                pad = Math.max(1, Math.abs(lo)) * 0.5;
            }
            vMin = lo - pad;
            vMax = hi + pad;
            rangeNote = String.format("  (V clipped to [%.3g, %.3g])", vMin, vMax);
        }
        XYChart chart = ChartKit.newChart(WIDTH, HEIGHT, title + rangeNote, TIME,
                "membrane potential V [a.u.]");
        XYStyler s = chart.getStyler();
        s.setXAxisMin(grid[0]);
        s.setXAxisMax(grid[grid.length - 1]);
        s.setYAxisMin(vMin);
        s.setYAxisMax(vMax);
        // Keep off-range samples just outside the plot (drawn as steep lines leaving it) without huge coordinates.
        double span = vMax - vMin;
        for (int i = 0; i < neurons.length; i++) {
            double[] y = v[i];
            for (int g = 0; g < y.length; g++) {
                if (y[g] == Double.POSITIVE_INFINITY || y[g] > vMax + span) {
                    y[g] = vMax + span;
                } else if (y[g] == Double.NEGATIVE_INFINITY || y[g] < vMin - span) {
                    y[g] = vMin - span;
                }
            }
            XYSeries ser = ChartKit.add(chart, "neuron " + neurons[i], grid, y);
            ser.setMarker(SeriesMarkers.NONE);
            ser.setLineColor(ChartKit.colour(i));
            ser.setLineWidth(1.6f);
        }
        ChartKit.plainXTicks(chart);
        return chart;
    }

    // ---------------------------------------------------------------- output times over training

    /**
     * Each output spike time's trajectory over the evaluations of a training run ({@code timesPerStep[i][k]} at
     * evaluation i, ragged rows allowed; non-finite entries, e.g. NaN for "no spike", leave gaps), with dashed
     * horizontal lines at the targets (same colour as their spike) and at the trial end T. The x-axis is the
     * evaluation's index; {@link #outputTimesOverTraining(TrainingResult, int, double[], double, Path)} puts the
     * number of trials trained there instead.
     *
     * @param targets target time of each output k, or null; non-finite entries are not drawn
     */
    public static Path outputTimesOverTraining(double[][] timesPerStep, double[] targets, double duration,
            Path file) {
        ChartKit.Format.of(file);
        return save(outputTimesOverTrainingChart(timesPerStep, targets, duration), file);
    }

    /** The chart of {@link #outputTimesOverTraining(double[][], double[], double, Path)}, not saved. */
    public static XYChart outputTimesOverTrainingChart(double[][] timesPerStep, double[] targets, double duration) {
        if (timesPerStep == null || timesPerStep.length == 0) {
            throw new IllegalArgumentException("outputTimesOverTraining needs at least one evaluation");
        }
        double[] x = new double[timesPerStep.length];
        Arrays.setAll(x, i -> i);
        return outputTimesChart(x, "evaluation", timesPerStep, targets, duration,
                "Output spike times during training");
    }

    /**
     * The output spike times of read-out neuron {@code readoutRow} on trial 0 at every evaluation of a fixed-input
     * training run, against the number of trials trained; otherwise as
     * {@link #outputTimesOverTraining(double[][], double[], double, Path)}.
     *
     * @param readoutRow index of the neuron among the read-out neurons (row of {@link TrainingResult#outputTimes()})
     * @param targets    target time of each of its output spikes, or null
     */
    public static Path outputTimesOverTraining(TrainingResult training, int readoutRow, double[] targets,
            double duration, Path file) {
        ChartKit.Format.of(file);
        return save(outputTimesOverTrainingChart(training, readoutRow, targets, duration), file);
    }

    /** The chart of {@link #outputTimesOverTraining(TrainingResult, int, double[], double, Path)}, not saved. */
    public static XYChart outputTimesOverTrainingChart(TrainingResult training, int readoutRow, double[] targets,
            double duration) {
        List<double[][]> times = training.outputTimes();
        if (times.isEmpty() || times.size() != training.history().size()) {
            throw new IllegalArgumentException("this training run recorded no output times at its evaluations (only "
                    + "training on a fixed input, not on a data set, records them)");
        }
        double[][] rows = new double[times.size()][];
        for (int i = 0; i < rows.length; i++) {
            double[][] t = times.get(i);
            if (readoutRow < 0 || readoutRow >= t.length) {
                throw new IllegalArgumentException("read-out row " + readoutRow + " is not in 0.." + (t.length - 1));
            }
            rows[i] = t[readoutRow];
        }
        TrainingAxis axis = TrainingAxis.of(training.history());
        return outputTimesChart(axis.values(), axis.label(), rows, targets, duration,
                "Output spike times of read-out neuron " + readoutRow + ", trial 0, during training");
    }

    private static XYChart outputTimesChart(double[] x, String xLabel, double[][] timesPerStep, double[] targets,
            double duration, String title) {
        int steps = timesPerStep.length;
        int outputs = 0;
        for (double[] row : timesPerStep) {
            outputs = Math.max(outputs, row == null ? 0 : row.length);
        }
        outputs = Math.max(outputs, targets == null ? 0 : targets.length);
        XYChart chart = ChartKit.newChart(WIDTH, HEIGHT, title, xLabel, "output spike time [τ]");
        XYStyler s = chart.getStyler();
        double xMin = x[0];
        double xMax = Math.max(x[steps - 1], xMin + 1);
        s.setXAxisMin(xMin);
        s.setXAxisMax(xMax);
        double yLo = 0;
        double yHi = duration > 0 && Double.isFinite(duration) ? duration : 0;
        for (int k = 0; k < outputs; k++) {
            double[] y = new double[steps];
            for (int i = 0; i < steps; i++) {
                double[] row = timesPerStep[i];
                y[i] = row != null && k < row.length && Double.isFinite(row[k]) ? row[k] : Double.NaN;
                if (!Double.isNaN(y[i])) {
                    yLo = Math.min(yLo, y[i]);
                    yHi = Math.max(yHi, y[i]);
                }
            }
            XYSeries ser = ChartKit.add(chart, "spike " + (k + 1), x, y);
            ser.setLineColor(ChartKit.colour(k));
            ser.setMarkerColor(ChartKit.colour(k));
            ser.setMarker(steps <= 60 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        if (targets != null) {
            for (int k = 0; k < targets.length; k++) {
                if (Double.isFinite(targets[k])) {
                    ChartKit.guide(chart, "target " + (k + 1), xMin, targets[k], xMax, targets[k],
                            ChartKit.colour(k), true);
                    yLo = Math.min(yLo, targets[k]);
                    yHi = Math.max(yHi, targets[k]);
                }
            }
        }
        if (duration > 0 && Double.isFinite(duration)) {
            ChartKit.guide(chart, "T (trial end)", xMin, duration, xMax, duration, ChartKit.GUIDE, true);
        }
        if (yHi <= yLo) {
            yHi = yLo + 1;
        }
        s.setYAxisMin(yLo);
        s.setYAxisMax(yHi + 0.05 * (yHi - yLo));
        ChartKit.integerXTicks(chart);
        ChartKit.plainXTicks(chart);
        return chart;
    }

    // ---------------------------------------------------------------- curves

    /**
     * Curves over steps or epochs, e.g. loss and error rates: one line per map entry (in the map's iteration order),
     * x = 0, 1, 2, … Non-finite values leave gaps; on a logarithmic y-axis values ≤ 0 are skipped too. A
     * logarithmic y-axis is labelled at whole decades only and spans the decades around the data; when the positive
     * values span less than a factor of ten the axis stays linear, as it would otherwise show at most one label.
     */
    public static Path curves(Map<String, double[]> series, String xLabel, String yLabel, boolean logY, Path file) {
        return curves(null, series, xLabel, yLabel, logY, file);
    }

    /**
     * Curves against given x values ({@code x[j]} for the j-th value of every series; null means 0, 1, 2, …); when
     * all x values are whole numbers (steps, trials, epochs) the x ticks are too.
     */
    public static Path curves(double[] x, Map<String, double[]> series, String xLabel, String yLabel, boolean logY,
            Path file) {
        ChartKit.Format.of(file);
        return save(curvesChart(x, series, xLabel, yLabel, logY), file);
    }

    /** As {@link #curves(double[], Map, String, String, boolean, Path)} with a title. */
    public static Path curves(double[] x, Map<String, double[]> series, String xLabel, String yLabel, boolean logY,
            String title, Path file) {
        ChartKit.Format.of(file);
        return save(curvesChart(x, series, xLabel, yLabel, logY, title), file);
    }

    /**
     * Curves over a training run: one line per map entry with one value per row of {@link TrainingResult#history()}
     * (NaN where a row has none, e.g. the training loss of the row before training), against the epoch for training
     * on a data set and the number of trials trained for a fixed task; otherwise as
     * {@link #curves(double[], Map, String, String, boolean, Path)}.
     */
    public static Path trainingCurves(TrainingResult training, Map<String, double[]> series, String yLabel,
            boolean logY, String title, Path file) {
        ChartKit.Format.of(file);
        return save(trainingCurvesChart(training, series, yLabel, logY, title), file);
    }

    /**
     * The two figures of a run trained on a data set with a test set, written into {@code dir}: {@code loss.png}
     * (test loss, and the training loss averaged over each epoch, logarithmic) and {@code error.png} (test error
     * with pseudospikes and from ordinary spikes only, on a logarithmic axis if {@code logError}).
     */
    public static void lossAndErrorCurves(TrainingResult training, boolean logError, Path dir) {
        trainingCurves(training, lossSeries(training), "loss", true,
                "Loss during training (test set; train: mean over the epoch)", dir.resolve("loss.png"));
        trainingCurves(training, errorSeries(training), "test error", logError, "Test error during training",
                dir.resolve("error.png"));
    }

    /** The series of {@code loss.png}: test loss and epoch-mean training loss per history row (NaN where absent). */
    static Map<String, double[]> lossSeries(TrainingResult training) {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("test", column(training, "loss", false));
        series.put("train", column(training, "train_loss", false));
        return series;
    }

    /** The series of {@code error.png}: 1 − accuracy with pseudospikes and from ordinary spikes only, per row. */
    static Map<String, double[]> errorSeries(TrainingResult training) {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("with pseudospikes", column(training, "accuracy", true));
        series.put("ordinary spikes only", column(training, "accuracy_ordinary", true));
        return series;
    }

    /** {@code key}'s value in each history row, or 1 minus it if {@code complement}; NaN where a row has none. */
    private static double[] column(TrainingResult training, String key, boolean complement) {
        return training.history().stream().mapToDouble(row -> row.get(key) instanceof Number v
                ? (complement ? 1 - v.doubleValue() : v.doubleValue()) : Double.NaN).toArray();
    }

    /** The chart of {@link #trainingCurves(TrainingResult, Map, String, boolean, String, Path)}, not saved. */
    public static XYChart trainingCurvesChart(TrainingResult training, Map<String, double[]> series, String yLabel,
            boolean logY, String title) {
        TrainingAxis axis = TrainingAxis.of(training.history());
        if (series != null) {
            for (Map.Entry<String, double[]> e : series.entrySet()) {
                int n = e.getValue() == null ? 0 : e.getValue().length;
                if (n != axis.values().length) {
                    throw new IllegalArgumentException("series '" + e.getKey() + "' has " + n + " values but the "
                            + "training history has " + axis.values().length + " rows; give one value per row, NaN "
                            + "where a row has none (the row before training has no train_loss)");
                }
            }
        }
        return curvesChart(axis.values(), series, axis.label(), yLabel, logY, title);
    }

    /** The chart of {@link #curves(Map, String, String, boolean, Path)}, not saved. */
    public static XYChart curvesChart(Map<String, double[]> series, String xLabel, String yLabel, boolean logY) {
        return curvesChart(null, series, xLabel, yLabel, logY);
    }

    /** The chart of {@link #curves(double[], Map, String, String, boolean, Path)}, not saved. */
    public static XYChart curvesChart(double[] xValues, Map<String, double[]> series, String xLabel, String yLabel,
            boolean logY) {
        return curvesChart(xValues, series, xLabel, yLabel, logY, yLabel + " over " + xLabel);
    }

    /**
     * The chart of {@link #curves(double[], Map, String, String, boolean, String, Path)}, not saved. On a
     * logarithmic y-axis the series hold log10 of the values (the tick labels show the values themselves).
     */
    public static XYChart curvesChart(double[] xValues, Map<String, double[]> series, String xLabel, String yLabel,
            boolean logY, String title) {
        requireTitle(title);
        if (series == null || series.isEmpty()) {
            throw new IllegalArgumentException("curves needs at least one series");
        }
        List<double[]> columns = new ArrayList<>();
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] values = e.getValue() == null ? new double[0] : e.getValue();
            if (xValues != null && xValues.length < values.length) {
                throw new IllegalArgumentException("series '" + e.getKey() + "' has " + values.length
                        + " values but only " + xValues.length + " x values are given");
            }
            columns.add(values);
        }
        int[] decades = logY ? ChartKit.decades(columns) : null;
        XYChart chart = ChartKit.newChart(WIDTH, HEIGHT, title, xLabel, yLabel);
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        boolean wholeX = true;
        boolean anyValue = false;
        int i = 0;
        for (String name : series.keySet()) {
            double[] values = columns.get(i);
            double[] x = new double[values.length];
            double[] y = new double[values.length];
            for (int j = 0; j < values.length; j++) {
                x[j] = xValues == null ? j : xValues[j];
                if (Double.isFinite(x[j])) {
                    xMin = Math.min(xMin, x[j]);
                    xMax = Math.max(xMax, x[j]);
                    wholeX &= x[j] == Math.rint(x[j]);
                }
                boolean ok = Double.isFinite(values[j]) && (!logY || values[j] > 0);
                y[j] = !ok ? Double.NaN : decades != null ? Math.log10(values[j]) : values[j];
                anyValue |= ok;
            }
            XYSeries ser = ChartKit.add(chart, name, x, y);
            ser.setLineColor(ChartKit.colour(i));
            ser.setMarkerColor(ChartKit.colour(i));
            ser.setMarker(values.length <= 60 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            i++;
        }
        XYStyler s = chart.getStyler();
        if (xMin <= xMax) {
            s.setXAxisMin(xMin);
            s.setXAxisMax(xMax > xMin ? xMax : xMin + 1);
        }
        if (wholeX) {
            ChartKit.integerXTicks(chart);
        } else {
            s.setXAxisDecimalPattern("#0.###");
        }
        if (decades != null) {
            ChartKit.decadeYAxis(chart, decades[0], decades[1]);
        } else if (!anyValue) {
            s.setYAxisMin(0.0);
            s.setYAxisMax(1.0);
        }
        ChartKit.plainXTicks(chart);
        return chart;
    }

    // ---------------------------------------------------------------- histogram

    /**
     * Histogram of values (e.g. output spike times) in {@code bins} equal bins over their range; non-finite values
     * (e.g. NaN for "no spike") are counted in the legend, not binned.
     */
    public static Path histogram(double[] values, int bins, String xLabel, Path file) {
        ChartKit.Format.of(file);
        return save(histogramChart(values, bins, xLabel), file);
    }

    /**
     * As {@link #histogram(double[], int, String, Path)} with a title and, for times, a dashed vertical line at the
     * trial end T ({@code duration}; NaN for none) so that pseudospike times past T stand out.
     */
    public static Path histogram(double[] values, int bins, String xLabel, double duration, String title,
            Path file) {
        ChartKit.Format.of(file);
        return save(histogramChart(values, bins, xLabel, duration, title), file);
    }

    /** The chart of {@link #histogram(double[], int, String, Path)}, not saved. */
    public static XYChart histogramChart(double[] values, int bins, String xLabel) {
        return histogramChart(values, bins, xLabel, Double.NaN, "Distribution of " + xLabel);
    }

    /** The chart of {@link #histogram(double[], int, String, double, String, Path)}, not saved. */
    public static XYChart histogramChart(double[] values, int bins, String xLabel, double duration, String title) {
        requireTitle(title);
        if (values == null) {
            throw new IllegalArgumentException("histogram needs values");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("histogram needs at least one bin, got " + bins);
        }
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        int omitted = values.length - finite.length;
        double lo = Arrays.stream(finite).min().orElse(0);
        double hi = Arrays.stream(finite).max().orElse(1);
        if (hi <= lo) {
            lo -= 0.5;
            hi += 0.5;
        }
        double width = (hi - lo) / bins;
        int[] counts = new int[bins];
        for (double v : finite) {
            counts[Math.min(bins - 1, (int) ((v - lo) / width))]++;
        }
        // Outline of the bars as a step curve: (edge_b, count_b) holds until edge_{b+1}.
        double[] x = new double[bins + 2];
        double[] y = new double[bins + 2];
        x[0] = lo;
        int maxCount = 0;
        for (int b = 0; b < bins; b++) {
            x[b + 1] = lo + b * width;
            y[b + 1] = counts[b];
            maxCount = Math.max(maxCount, counts[b]);
        }
        x[bins + 1] = hi;
        y[bins + 1] = 0;

        XYChart chart = ChartKit.newChart(WIDTH, HEIGHT, title, xLabel, "count");
        XYStyler s = chart.getStyler();
        double yMax = Math.max(1.0, maxCount * 1.08);
        boolean markT = duration > 0 && Double.isFinite(duration);
        double xMin = markT ? Math.min(lo, duration) : lo;
        double xMax = markT ? Math.max(hi, duration) : hi;
        double pad = markT ? 0.02 * (xMax - xMin) : 0;
        s.setXAxisMin(xMin - pad);
        s.setXAxisMax(xMax + pad);
        s.setYAxisMin(0.0);
        s.setYAxisMax(yMax);
        String label = "n = " + finite.length + (omitted > 0 ? " (" + omitted + " non-finite not shown)" : "");
        XYSeries ser = ChartKit.add(chart, label, x, y);
        ser.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        ser.setMarker(SeriesMarkers.NONE);
        Color c = ChartKit.colour(0);
        ser.setLineColor(c);
        ser.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
        if (markT) {
            ChartKit.guide(chart, "T (trial end)", duration, 0, duration, yMax, ChartKit.GUIDE, true);
        }
        ChartKit.plainXTicks(chart);
        return chart;
    }

    // ---------------------------------------------------------------- helpers

    private static XYChart titled(XYChart chart, String title) {
        requireTitle(title);
        chart.setTitle(title);
        return chart;
    }

    private static void requireTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a plot title is needed; say which sample and stage it shows, "
                    + "e.g. \"Spike raster, trial 0, after training\"");
        }
    }

    private static double quantile(double[] sorted, double q) {
        return sorted[(int) Math.round(q * (sorted.length - 1))];
    }

    /** A growable list of (x, y) points. */
    private static final class Points {
        private double[] xs = new double[16];
        private double[] ys = new double[16];
        private int size;

        void add(double x, double y) {
            if (size == xs.length) {
                xs = Arrays.copyOf(xs, 2 * size);
                ys = Arrays.copyOf(ys, 2 * size);
            }
            xs[size] = x;
            ys[size++] = y;
        }

        double[] x() {
            return Arrays.copyOf(xs, size);
        }

        double[] y() {
            return Arrays.copyOf(ys, size);
        }
    }
}
