package org.knowm.xchart.internal.chartpart;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: renders a chart off-screen and returns the tick labels XChart drew on an axis (those inside the
 * axis, as XChart's own label painter selects them). Lives in XChart's package to read its tick calculators.
 */
public final class RenderedTicks {

    private RenderedTicks() {
    }

    /** The x-axis tick labels, left to right. */
    public static List<String> x(Chart<?, ?> chart) {
        render(chart);
        return visible(chart.getXAxis(), chart.getXAxis().getBounds().getWidth());
    }

    /** The y-axis tick labels, bottom to top. */
    public static List<String> y(Chart<?, ?> chart) {
        render(chart);
        return visible(chart.getYAxis(), chart.getYAxis().getBounds().getHeight());
    }

    private static void render(Chart<?, ?> chart) {
        BufferedImage image = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            chart.paint(g, chart.getWidth(), chart.getHeight());
        } finally {
            g.dispose();
        }
    }

    private static List<String> visible(Axis<?, ?> axis, double extent) {
        AxisTickCalculator ticks = axis.getAxisTickCalculator();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < ticks.getTickLabels().size(); i++) {
            String label = ticks.getTickLabels().get(i);
            double at = ticks.getTickLocations().get(i);
            if (label != null && at > 0 && at < extent) {
                labels.add(label);
            }
        }
        return labels;
    }
}
