package io.smoothspike.train;

import com.fasterxml.jackson.databind.JsonNode;
import io.smoothspike.network.Network;
import io.smoothspike.network.NetworkFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The best model of a run by its validation set: the highest validation accuracy when the loss predicts classes,
 * else the lowest validation loss (for the targetTime loss the same order as the validation timing RMSE); a tie
 * keeps the earlier model. Keeps the network as {@link NetworkFile#toTree} renders it and the evaluation row where
 * it was reached, which also holds its test figures.
 */
final class BestModel {

    /** The figures of the held-out (test) set a summary reports, those the row has. */
    private static final List<String> TEST_FIGURES = List.of("loss", "accuracy", "accuracy_ordinary", "timing_rmse",
            "timing_within_tolerance");

    private Map<String, Object> row;
    private JsonNode network;

    /** Takes {@code net} as it is now, evaluated in {@code row}, if it is better than the best so far. */
    void offer(Network net, Map<String, Object> row) {
        if (this.row == null || better(score(row), score(this.row), byAccuracy(row))) {
            this.row = row;
            this.network = NetworkFile.toTree(net);
        }
    }

    /** Continues from a checkpoint's best model: its network and the row of the evaluation at its step. */
    void restore(JsonNode network, Map<String, Object> row) {
        this.network = network;
        this.row = row;
    }

    /** The evaluation step of the best model (-1: none yet). */
    long step() {
        return row == null ? -1 : ((Number) row.get("step")).longValue();
    }

    /** The best model as {@link NetworkFile#toTree} renders it (null: none yet). */
    JsonNode network() {
        return network;
    }

    /** Writes the best model into {@code out} as {@link Trainer#MODEL_BEST}, atomically. */
    void write(Path out) {
        Path file = out.resolve(Trainer.MODEL_BEST);
        try {
            NetworkFile.writeAtomically(file, network);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the best model " + file + ": " + e.getMessage(), e);
        }
    }

    /** What selects the best model: "validation_accuracy" or "validation_loss". */
    String criterion() {
        return byAccuracy(row) ? EvaluationLog.VALIDATION + "accuracy" : EvaluationLog.VALIDATION + "loss";
    }

    /** The best model's figures for metrics.json: position, criterion, validation and test figures. */
    Map<String, Object> figures() {
        Map<String, Object> m = figures(row);
        m.put("selected_by", criterion());
        return m;
    }

    /** The figures of the model evaluated in {@code row}: position, validation figures and test figures. */
    static Map<String, Object> figures(Map<String, Object> row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", row.get("step"));
        m.put("epoch", row.get("epoch"));
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().startsWith(EvaluationLog.VALIDATION)) {
                m.put(e.getKey(), e.getValue());
            }
        }
        for (String k : TEST_FIGURES) {
            if (row.containsKey(k)) {
                m.put("test_" + k, row.get(k));
            }
        }
        return m;
    }

    /** The closing summary: the best model's criterion and test figures, the last model's test figures. */
    String summary(Map<String, Object> last) {
        return String.format(Locale.ROOT, "best model (%s %.4g) at epoch %s: %s; last model at epoch %s: %s",
                criterion().replace('_', ' '), score(row), epoch(row), testFigures(row), epoch(last),
                testFigures(last));
    }

    private static String epoch(Map<String, Object> row) {
        return String.format(Locale.ROOT, "%.4g", ((Number) row.get("epoch")).doubleValue());
    }

    private static String testFigures(Map<String, Object> row) {
        StringBuilder sb = new StringBuilder();
        for (String k : TEST_FIGURES) {
            if (row.get(k) instanceof Number n) {
                sb.append(sb.length() == 0 ? "" : ", ").append("test ").append(k.replace('_', ' ')).append(' ')
                        .append(String.format(Locale.ROOT, "%.4g", n.doubleValue()));
            }
        }
        return sb.toString();
    }

    private static boolean byAccuracy(Map<String, Object> row) {
        return row.containsKey(EvaluationLog.VALIDATION + "accuracy");
    }

    private static double score(Map<String, Object> row) {
        String key = EvaluationLog.VALIDATION + (byAccuracy(row) ? "accuracy" : "loss");
        return ((Number) row.get(key)).doubleValue();
    }

    /** Whether {@code score} beats {@code best}: a number beats NaN, else higher accuracy or lower loss. */
    private static boolean better(double score, double best, boolean byAccuracy) {
        if (Double.isNaN(best)) {
            return !Double.isNaN(score);
        }
        return byAccuracy ? score > best : score < best;
    }
}
