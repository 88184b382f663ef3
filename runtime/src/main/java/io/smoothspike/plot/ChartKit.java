package io.smoothspike.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.Series;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Shared chart setup and saving for {@link Plots}: headless AWT, one house style, a colour palette, two extra
 * markers, and atomic PNG/SVG writing chosen by file extension.
 */
final class ChartKit {

    static {
        // Charts are rendered off-screen; respect an explicit -Djava.awt.headless=false.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Supported output formats, by file extension. */
    enum Format {
        PNG(".png"), SVG(".svg");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        static Format of(Path file) {
            if (file == null) {
                throw new IllegalArgumentException("plot file is null; supported extensions: .png, .svg");
            }
            Path name = file.getFileName();
            String s = name == null ? "" : name.toString();
            int dot = s.lastIndexOf('.');
            String ext = dot < 0 ? "" : s.substring(dot).toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (f.extension.equals(ext)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unsupported plot file extension "
                    + (ext.isEmpty() ? "(none)" : "'" + s.substring(dot) + "'") + " in " + file
                    + "; supported: .png, .svg");
        }
    }

    /** Qualitative palette (matplotlib's tab10 without its grey, which is kept for input spikes). */
    static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0xbcbd22), new Color(0x17becf)
    };
    static final Color INPUT_GREY = new Color(0x7f7f7f);
    static final Color GUIDE = new Color(0x333333);
    static final BasicStroke DASHED = SeriesLines.DASH_DASH;

    /** A short vertical bar, the classic raster-plot spike mark. */
    static final Marker TICK = new Marker() {
        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            g.setStroke(new BasicStroke(1.6f));
            double h = 0.9 * size;
            g.draw(new Line2D.Double(x, y - h, x, y + h));
        }
    };

    /** An open circle, larger than the default marker, drawn over spike ticks to show target times. */
    static final Marker RING = new Marker() {
        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            g.setStroke(new BasicStroke(1.6f));
            double d = 1.8 * size;
            g.draw(new Ellipse2D.Double(x - d / 2, y - d / 2, d, d));
        }
    };

    private ChartKit() {
    }

    static Color colour(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** A white, anti-aliased XY chart with title, axis labels and the legend outside on the right. */
    static XYChart newChart(int width, int height, String title, String xLabel, String yLabel) {
        XYChart chart = new XYChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle(yLabel);
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.DARK_GRAY);
        s.setPlotGridLinesColor(new Color(0xdddddd));
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setChartTitleBoxVisible(false);
        s.setAntiAlias(true);
        s.setMarkerSize(6);
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setSeriesColors(PALETTE);
        return chart;
    }

    /** Adds a series; an empty one becomes a single NaN point so that it still gets its legend entry. */
    static XYSeries add(XYChart chart, String name, double[] x, double[] y) {
        if (x.length == 0) {
            x = new double[] {Double.NaN};
            y = new double[] {Double.NaN};
        }
        return chart.addSeries(unique(chart, name), x, y);
    }

    /** A dashed guide line through two points (not part of the data), optionally shown in the legend. */
    static XYSeries guide(XYChart chart, String name, double x0, double y0, double x1, double y1, Color colour,
            boolean inLegend) {
        XYSeries s = chart.addSeries(unique(chart, name), new double[] {x0, x1}, new double[] {y0, y1});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(DASHED);
        s.setLineColor(colour);
        s.setShowInLegend(inLegend);
        return s;
    }

    /**
     * The chart as SVG with a {@code <title>} and a {@code <desc>} naming the axes and series. XChart draws all text
     * as glyph outlines (so the file needs no fonts); the metadata keeps the labels as searchable, accessible text.
     */
    static byte[] svgWithMetadata(Chart<?, ?> chart) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, buf, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        String svg = buf.toString(StandardCharsets.UTF_8);
        int open = svg.indexOf("<svg");
        int end = open < 0 ? -1 : svg.indexOf('>', open);
        if (end < 0) {
            return buf.toByteArray();
        }
        StringJoiner series = new StringJoiner(", ");
        chart.getSeriesMap().values().stream().filter(Series::isShowInLegend).forEach(x -> series.add(x.getName()));
        String meta = "\n  <title>" + xml(chart.getTitle()) + "</title>\n  <desc>x axis: " + xml(chart.getXAxisTitle())
                + "; y axis: " + xml(chart.getYAxisTitle()) + "; series: " + xml(series.toString()) + "</desc>";
        return (svg.substring(0, end + 1) + meta + svg.substring(end + 1)).getBytes(StandardCharsets.UTF_8);
    }

    private static String xml(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * XChart puts x ticks on the data points when all x values are equally spaced (e.g. a time grid or step
     * indices), which gives labels like 0.17, 0.34, ... A hidden empty point left of the (fixed) x-range breaks
     * the equal spacing so that the usual round tick values are used. Call after the x-range is set.
     */
    static void plainXTicks(XYChart chart) {
        Double min = chart.getStyler().getXAxisMin();
        Double max = chart.getStyler().getXAxisMax();
        if (min == null || max == null) {
            return;
        }
        double x = min - 0.5 * (max - min) - 1;
        XYSeries s = chart.addSeries(unique(chart, " "), new double[] {x}, new double[] {Double.NaN});
        s.setShowInLegend(false);
        s.setMarker(SeriesMarkers.NONE);
    }

    /**
     * Labels the x ticks with whole numbers only (steps, trials, epochs). XChart widens the tick step until all
     * labels are distinct, so rounding each label to an integer rules out fractional steps such as 0.5.
     */
    static void integerXTicks(XYChart chart) {
        chart.setCustomXAxisTickLabelsFormatter(x -> Long.toString(Math.round(x)));
    }

    /**
     * The decades [lo, hi] (powers of ten) that enclose the positive finite values, or null when there are none or
     * they span less than a factor of ten (a logarithmic axis would then have too few labels to read).
     */
    static int[] decades(Iterable<double[]> series) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double[] values : series) {
            for (double v : values) {
                if (v > 0 && v < Double.POSITIVE_INFINITY) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!(max >= 10 * min)) {
            return null;
        }
        return new int[] {(int) Math.floor(Math.log10(min)), (int) Math.ceil(Math.log10(max))};
    }

    /**
     * A logarithmic y-axis over the decades lo..hi for series whose y values are already log10 of the data:
     * ticks only on whole decades (XChart picks every 1st, 2nd, 5th, ... decade so that the labels fit), all in one
     * format: plain numbers from 0.001 to 10000, otherwise "1e-12" style.
     */
    static void decadeYAxis(XYChart chart, int lo, int hi) {
        chart.getStyler().setYAxisMin((double) lo);
        chart.getStyler().setYAxisMax((double) hi);
        boolean plain = lo >= -3 && hi <= 4;
        chart.setCustomYAxisTickLabelsFormatter(y -> decadeLabel((int) Math.round(y), plain));
    }

    /** 10^k as "0.01", "1", "100" (plain) or "1e-2", "1e0", "1e2". */
    static String decadeLabel(int k, boolean plain) {
        return plain ? BigDecimal.ONE.scaleByPowerOfTen(k).toPlainString() : "1e" + k;
    }

    /** XChart needs distinct series names; repeated names get a numeric suffix. */
    private static String unique(XYChart chart, String name) {
        String n = name;
        for (int i = 2; chart.getSeriesMap().containsKey(n); i++) {
            n = name + " (" + i + ")";
        }
        return n;
    }

    /**
     * Writes the chart to {@code file} as PNG or SVG (by extension), creating parent folders; the file is first
     * written to a temporary file in the same folder and then moved into place. Returns the absolute path.
     *
     * @throws IllegalArgumentException for an unsupported extension (nothing is written)
     * @throws UncheckedIOException when writing fails (no partial file is left behind)
     */
    static Path save(Chart<?, ?> chart, Path file) {
        Format format = Format.of(file);
        try {
            return io.smoothspike.io.AtomicFiles.write(file, out -> {
                if (format == Format.PNG) {
                    BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
                } else {
                    out.write(svgWithMetadata(chart));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not write plot " + file + ": " + e.getMessage(), e);
        }
    }
}
