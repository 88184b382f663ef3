package io.smoothspike.train;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a training run produced: losses before and after, every evaluation row (as in metrics.csv), the output times
 * at every evaluation (fixed tasks), the final metrics (as in metrics.json), and whether it was interrupted.
 */
public record TrainingResult(double initialLoss, double finalLoss, List<Map<String, Object>> history,
        List<double[][]> outputTimes, Map<String, Object> finalMetrics, boolean interrupted) {

    /** The loss column of the history. */
    public double[] lossCurve() {
        return history.stream().mapToDouble(r -> ((Number) r.get("loss")).doubleValue()).toArray();
    }

    /** A one-line summary: the loss before and after, the number of evaluations, whether it was interrupted. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TrainingResult[loss %.4g -> %.4g, %d evaluations%s]", initialLoss,
                finalLoss, history.size(), interrupted ? ", interrupted" : "");
    }
}
