package io.smoothspike.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smoothspike.network.NetworkFile;
import io.smoothspike.optim.OptimizerState;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A training run's {@code checkpoint.json}: the training settings that shape the run, the network, the optimizer
 * state, the step reached, the initial loss, the evaluation history and, for fixed tasks, the output times at each
 * evaluation and the largest output move of one step so far, and for runs with a validation set the best model so
 * far ({@code "best"}: its step and network). Non-finite numbers are stored as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}.
 *
 * <p>{@link #read} checks every field and names the first one missing or malformed ("corrupt checkpoint: FILE:
 * …"). Version 1 files (written before the settings and the largest move were recorded) are still read; their
 * {@link #settings} is null and their {@link #largestMove} NaN.
 */
final class Checkpoint {

    private static final ObjectMapper JSON = io.smoothspike.network.Json.MAPPER;
    private static final String FORMAT = NetworkFile.CHECKPOINT_FORMAT;
    private static final int VERSION = 2;

    final JsonNode settings;
    final JsonNode network;
    final OptimizerState optimizer;
    final long step;
    final double initialLoss;
    final List<Map<String, Object>> history;
    final List<double[][]> outputHistory;
    final double largestMove;
    /** The best model by the validation set so far, or null (no validation set). */
    final Best best;

    /** The best model so far: the step of its evaluation (a step in the history) and its network. */
    record Best(long step, JsonNode network) {
    }

    /** A checkpoint to write; {@code largestMove} NaN for data sets, {@code best} null without a validation set. */
    Checkpoint(Map<String, Object> settings, JsonNode network, OptimizerState optimizer, long step,
            double initialLoss, List<Map<String, Object>> history, List<double[][]> outputHistory,
            double largestMove, Best best) {
        this(normalised(settings), network, optimizer, step, initialLoss, history, outputHistory, largestMove, best);
    }

    private Checkpoint(JsonNode settings, JsonNode network, OptimizerState optimizer, long step, double initialLoss,
            List<Map<String, Object>> history, List<double[][]> outputHistory, double largestMove, Best best) {
        this.settings = settings;
        this.network = network;
        this.optimizer = optimizer;
        this.step = step;
        this.initialLoss = initialLoss;
        this.history = history;
        this.outputHistory = outputHistory;
        this.largestMove = largestMove;
        this.best = best;
    }

    /** Settings as they read back from JSON, so that a saved and a current map compare equal when they match. */
    private static JsonNode normalised(Map<String, Object> settings) {
        try {
            return JSON.readTree(JSON.writeValueAsString(settings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("training settings cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Writes the checkpoint atomically. */
    void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.set("settings", settings);
        root.set("network", network);
        ObjectNode opt = root.putObject("optimizer");
        opt.put("type", optimizer.type());
        opt.put("steps", optimizer.steps());
        opt.set("buffers", JSON.valueToTree(optimizer.buffers()));
        root.put("step", step);
        root.put("initial_loss", initialLoss);
        root.set("history", JSON.valueToTree(history));
        root.set("output_history", JSON.valueToTree(outputHistory));
        if (!Double.isNaN(largestMove)) {
            root.put("largest_output_move_per_step", largestMove);
        }
        if (best != null) {
            ObjectNode b = root.putObject("best");
            b.put("step", best.step());
            b.set("network", best.network());
        }
        NetworkFile.writeAtomically(file, root);
    }

    /**
     * Each training setting that differs from {@code now}, as "name (checkpoint OLD, now NEW)"; empty when all
     * match (or when a version 1 checkpoint recorded none).
     */
    List<String> settingsDifferences(Map<String, Object> now) {
        List<String> differences = new ArrayList<>();
        if (settings == null) {
            return differences;
        }
        JsonNode current = normalised(now);
        Set<String> names = new LinkedHashSet<>();
        current.fieldNames().forEachRemaining(names::add);
        settings.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode was = settings.get(name);
            JsonNode is = current.get(name);
            if (was == null || !was.equals(is)) {
                differences.add(name + " (checkpoint " + (was == null ? "not set" : was) + ", now "
                        + (is == null ? "not set" : is) + ")");
            }
        }
        return differences;
    }

    /** Reads and checks {@code file}; {@code fixedTask} whether the run trains a fixed task (not a data set). */
    static Checkpoint read(Path file, boolean fixedTask) {
        JsonNode root;
        try {
            root = NetworkFile.readTree(file);
        } catch (NoSuchFileException e) {
            throw new TrainingException("cannot resume: " + file + " does not exist", e);
        } catch (IOException e) {
            throw new TrainingException("cannot resume from " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new TrainingException("corrupt checkpoint: " + e.getMessage(), e);
        }
        if (!root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new TrainingException(file + " is not a SmoothSpike checkpoint (expected \"format\": \"" + FORMAT
                    + "\")", null);
        }
        Fields f = new Fields(file);
        int version = (int) f.wholeNumber("version", root.get("version"));
        if (version != 1 && version != VERSION) {
            throw new TrainingException(file + ": checkpoint version " + version + " is not supported; this "
                    + "SmoothSpike reads versions 1 and " + VERSION, null);
        }
        JsonNode settings = version == 1 ? null : f.required("settings", root.get("settings"));
        if (settings != null && !settings.isObject()) {
            throw f.corrupt("settings", "must be an object");
        }
        JsonNode network = f.required("network", root.get("network"));
        OptimizerState optimizer = optimizerState(f, f.required("optimizer", root.get("optimizer")));
        long step = f.wholeNumber("step", root.get("step"));
        if (optimizer.steps() != step) {
            throw f.corrupt("optimizer.steps", "is " + optimizer.steps() + " but \"step\" is " + step);
        }
        double initialLoss = f.number("initial_loss", f.required("initial_loss", root.get("initial_loss")));
        List<Map<String, Object>> history = history(f, f.required("history", root.get("history")), step);
        List<double[][]> outputHistory = new ArrayList<>();
        JsonNode outputs = f.array("output_history", f.required("output_history", root.get("output_history")));
        for (int k = 0; k < outputs.size(); k++) {
            outputHistory.add(f.matrix("output_history[" + k + "]", outputs.get(k)));
        }
        if (fixedTask && outputHistory.size() != history.size()) {
            throw f.corrupt("output_history", "has " + outputHistory.size() + " entries but \"history\" has "
                    + history.size());
        }
        double largestMove = Double.NaN;
        if (fixedTask && version >= 2) {
            String field = "largest_output_move_per_step";
            largestMove = f.number(field, f.required(field, root.get(field)));
        }
        Best best = root.has("best") ? best(f, root.get("best"), history) : null;
        return new Checkpoint(settings, network, optimizer, step, initialLoss, history, outputHistory, largestMove,
                best);
    }

    /** The best model so far: an object of its step, which an evaluation in the history has, and its network. */
    private static Best best(Fields f, JsonNode node, List<Map<String, Object>> history) {
        if (!node.isObject()) {
            throw f.corrupt("best", "must be an object");
        }
        long step = f.wholeNumber("best.step", node.get("step"));
        Map<String, Object> row = row(history, step);
        if (row == null) {
            throw f.corrupt("best.step", "is " + step + ", a step with no evaluation in \"history\"");
        }
        if (!(row.get(EvaluationLog.VALIDATION + "loss") instanceof Number)) {
            throw f.corrupt("best.step", "is " + step + ", whose evaluation in \"history\" has no validation loss");
        }
        return new Best(step, f.required("best.network", node.get("network")));
    }

    /** The evaluation row at {@code step} (one the history has, as {@link #read} checks for the best model's). */
    Map<String, Object> row(long step) {
        return row(history, step);
    }

    private static Map<String, Object> row(List<Map<String, Object>> history, long step) {
        return history.stream().filter(r -> ((Number) r.get("step")).longValue() == step).findFirst().orElse(null);
    }

    /** Fails as a corrupt "best" unless the checkpoint holds the best model (a run with a validation set). */
    void requireBest(Path file) {
        if (best == null) {
            throw new Fields(file).corrupt("best", "is missing (a run with a validation set keeps its best model)");
        }
    }

    /** Fails as a corrupt "step" unless {@code 0 <= step <= total}. */
    void requireStepWithin(Path file, long total) {
        if (step > total) {
            throw new Fields(file).corrupt("step", "is " + step + ", outside [0, " + total + "]");
        }
    }

    private static OptimizerState optimizerState(Fields f, JsonNode opt) {
        if (!opt.isObject()) {
            throw f.corrupt("optimizer", "must be an object");
        }
        JsonNode type = f.required("optimizer.type", opt.get("type"));
        if (!type.isTextual()) {
            throw f.corrupt("optimizer.type", "must be a string, got " + Fields.shown(type));
        }
        long steps = f.wholeNumber("optimizer.steps", opt.get("steps"));
        double[][] buffers = f.matrix("optimizer.buffers", f.required("optimizer.buffers", opt.get("buffers")));
        return new OptimizerState(type.asText(), steps, buffers);
    }

    /** The evaluation rows: objects of numbers (or lists of whole numbers), ending with the row of {@code step}. */
    private static List<Map<String, Object>> history(Fields f, JsonNode rows, long step) {
        f.array("history", rows);
        if (rows.isEmpty()) {
            throw f.corrupt("history", "is empty (it starts with the evaluation before training)");
        }
        List<Map<String, Object>> history = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            String at = "history[" + k + "]";
            JsonNode r = rows.get(k);
            if (!r.isObject()) {
                throw f.corrupt(at, "must be an object");
            }
            f.wholeNumber(at + ".step", r.get("step"));
            f.number(at + ".loss", f.required(at + ".loss", r.get("loss")));
            Map<String, Object> row = new LinkedHashMap<>();
            r.fields().forEachRemaining(e -> row.put(e.getKey(), f.value(at + "." + e.getKey(), e.getValue())));
            history.add(row);
        }
        long last = ((Number) history.get(history.size() - 1).get("step")).longValue();
        if (last != step) {
            throw f.corrupt("step", "is " + step + " but the last evaluation in \"history\" is at step " + last);
        }
        return history;
    }

    /** Typed access to the fields of one checkpoint file, failing with "corrupt checkpoint: FILE: FIELD …". */
    private record Fields(Path file) {

        TrainingException corrupt(String field, String problem) {
            return new TrainingException("corrupt checkpoint: " + file + ": \"" + field + "\" " + problem
                    + "; restore an intact copy of the file or start the run afresh", null);
        }

        /** The value as JSON, shortened to keep messages readable. */
        private static String shown(JsonNode node) {
            String text = node.toString();
            return text.length() <= 40 ? text : text.substring(0, 37) + "...";
        }

        JsonNode required(String field, JsonNode node) {
            if (node == null || node.isMissingNode()) {
                throw corrupt(field, "is missing");
            }
            return node;
        }

        /** A whole number, at least 0. */
        long wholeNumber(String field, JsonNode node) {
            required(field, node);
            if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
                throw corrupt(field, "must be a whole number >= 0, got " + shown(node));
            }
            return node.asLong();
        }

        /** A number; the strings "NaN", "Infinity" and "-Infinity" stand for the non-finite doubles. */
        double number(String field, JsonNode node) {
            if (node.isNumber()) {
                return node.asDouble();
            }
            if (node.isTextual()) {
                switch (node.asText()) {
                    case "NaN":
                        return Double.NaN;
                    case "Infinity":
                        return Double.POSITIVE_INFINITY;
                    case "-Infinity":
                        return Double.NEGATIVE_INFINITY;
                    default:
                        break;
                }
            }
            throw corrupt(field, "must be a number, got " + shown(node));
        }

        JsonNode array(String field, JsonNode node) {
            if (!node.isArray()) {
                throw corrupt(field, "must be an array, got " + shown(node));
            }
            return node;
        }

        double[][] matrix(String field, JsonNode node) {
            array(field, node);
            double[][] m = new double[node.size()][];
            for (int r = 0; r < m.length; r++) {
                JsonNode row = array(field + "[" + r + "]", node.get(r));
                m[r] = new double[row.size()];
                for (int j = 0; j < m[r].length; j++) {
                    m[r][j] = number(field + "[" + r + "][" + j + "]", row.get(j));
                }
            }
            return m;
        }

        /** A history value: a whole number (as Integer or Long), a double, or a list of whole numbers. */
        Object value(String field, JsonNode node) {
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return node.numberValue();
            }
            if (node.isArray()) {
                List<Object> list = new ArrayList<>();
                for (int k = 0; k < node.size(); k++) {
                    wholeNumber(field + "[" + k + "]", node.get(k));
                    list.add(node.get(k).numberValue());
                }
                return list;
            }
            return number(field, node);
        }
    }
}
