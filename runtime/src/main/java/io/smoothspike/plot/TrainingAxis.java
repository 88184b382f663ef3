package io.smoothspike.plot;

import java.util.List;
import java.util.Map;

/**
 * The x-axis of a training history (one row per evaluation): the epoch for training on a data set, the number of
 * trials trained for a fixed task, else the step, else the evaluation's index.
 */
record TrainingAxis(double[] values, String label) {

    /** The axis of {@code history}, whose rows all have the same keys (as a trainer writes them). */
    static TrainingAxis of(List<Map<String, Object>> history) {
        if (history == null || history.isEmpty()) {
            throw new IllegalArgumentException("the training history is empty: nothing was evaluated");
        }
        Map<String, Object> first = history.get(0);
        String key = first.containsKey("epoch") ? "epoch" : first.containsKey("trials") ? "trials"
                : first.containsKey("step") ? "step" : null;
        double[] x = new double[history.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = key == null ? i : value(history.get(i), key, i);
        }
        String label = key == null ? "evaluation" : switch (key) {
            case "epoch" -> "epoch";
            case "trials" -> "training trials";
            default -> "training step";
        };
        return new TrainingAxis(x, label);
    }

    private static double value(Map<String, Object> row, String key, int index) {
        if (!(row.get(key) instanceof Number n)) {
            throw new IllegalArgumentException("row " + index + " of the training history has no number '" + key
                    + "' (got " + row.get(key) + ")");
        }
        return n.doubleValue();
    }
}
