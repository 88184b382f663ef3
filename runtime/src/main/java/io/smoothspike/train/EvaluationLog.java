package io.smoothspike.train;

import io.smoothspike.loss.TrialTargets;
import io.smoothspike.network.Network;
import io.smoothspike.optim.LearningRateSchedule;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.SpikeCapExceededException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluation and the metrics log of a run: evaluates the network on the held-out trials (a data set's held-out set,
 * or a fixed task's trial 0 with its output times) and on the validation set if there is one (its figures in
 * columns {@code validation_…}), keeps one row per evaluation and rewrites {@code metrics.csv} after each.
 */
final class EvaluationLog {

    /** The prefix of the validation set's columns. */
    static final String VALIDATION = "validation_";
    /** The validation set's figures that get columns (those its targets give). */
    private static final List<String> VALIDATION_COLUMNS = List.of("loss", "accuracy", "accuracy_ordinary",
            "timing_rmse", "timing_within_tolerance", "spike_cap_hits");

    private final Network net;
    private final TrainingSettings s;
    private final BatchSource batches;
    private final LearningRateSchedule schedule;
    /** The metrics files, or null without an output folder. */
    private final MetricsFiles files;
    private final PrintStream log;
    private final List<InputSpikes> heldOut = new ArrayList<>();
    /** Targets of the held-out trials (none for a fixed task). */
    private final TrialTargets targets;
    /** The validation trials, or null. */
    private final BatchEncoder.Batch validation;
    /** The tolerance of the timing errors. */
    private final double tolerance;
    private final List<Map<String, Object>> history = new ArrayList<>();
    private final List<double[][]> outputHistory = new ArrayList<>();

    /**
     * The log of a run over {@code test} (null: the fixed task) and {@code validation} (may be null), writing to
     * {@code files} (may be null).
     */
    EvaluationLog(Network net, TrainingSettings s, TrialSet test, TrialSet validation, BatchSource batches,
            LearningRateSchedule schedule, MetricsFiles files, PrintStream log) {
        this.net = net;
        this.s = s;
        this.batches = batches;
        this.schedule = schedule;
        this.files = files;
        this.log = log;
        if (test != null) {
            TrialSet used = s.testLimit > 0 ? test.first(Math.min(s.testLimit, test.size())) : test;
            BatchEncoder.Batch encoded = encode(used);
            heldOut.addAll(encoded.inputs());
            targets = encoded.targets();
        } else {
            heldOut.add(net.input(0));
            targets = TrialTargets.NONE;
        }
        this.validation = validation == null ? null : encode(validation);
        this.tolerance = s.toleranceFor(net.trial().duration());
    }

    private BatchEncoder.Batch encode(TrialSet set) {
        return new BatchEncoder(net, set, null, s.seed, s.threads).encode(k -> k, 0, set.size(), 0);
    }

    /** Number of held-out trials. */
    int heldOutSize() {
        return heldOut.size();
    }

    /** The tolerance of the timing errors. */
    double tolerance() {
        return tolerance;
    }

    /** The rows so far, one per evaluation. */
    List<Map<String, Object>> history() {
        return history;
    }

    /** A fixed task's output times of trial 0 at each evaluation (empty for a data set). */
    List<double[][]> outputHistory() {
        return outputHistory;
    }

    /** The last row. */
    Map<String, Object> last() {
        return history.get(history.size() - 1);
    }

    /** Continues the log of a resumed run. */
    void restore(List<Map<String, Object>> rows, List<double[][]> outputs) {
        history.addAll(rows);
        outputHistory.addAll(outputs);
    }

    /**
     * Evaluates the parameters after {@code step} steps and records the row, with {@code trainLoss} (the mean
     * training loss since the previous evaluation; NaN before training: no column). {@code lastGood} names the last
     * good checkpoint in messages.
     */
    Map<String, Object> evaluate(long step, double trainLoss, String lastGood) {
        boolean data = batches.fromData();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", step);
        if (data) {
            row.put("epoch", step / (double) batches.stepsPerEpoch());
        } else {
            row.put("trials", step * s.batchSize);
        }
        row.put("learning_rate", schedule.rate(step));
        if (!data) {
            heldOut.set(0, net.input(0));
        }
        Map<String, Object> m = HeldOutMetrics.evaluate(net, heldOut, targets, tolerance, s.threads);
        row.putAll(m);
        Map<String, Object> v = validation == null ? null : HeldOutMetrics.evaluate(net, validation.inputs(),
                validation.targets(), tolerance, s.threads);
        if (v != null) {
            for (String k : VALIDATION_COLUMNS) {
                if (v.containsKey(k)) {
                    row.put(VALIDATION + k, v.get(k));
                }
            }
        }
        if (!data) {
            double[][] times;
            try {
                times = StepSizeScan.outputTimes(net);
            } catch (SpikeCapExceededException e) {
                throw new TrainingException("evaluation at step " + step + ": the evaluation trial exceeded the "
                        + "spike cap K = " + e.cap() + " (" + e.getMessage() + "); training stopped. " + lastGood
                        + ". Raise the trial's spikeCap if such activity is wanted, or lower the learning rate.", e);
            }
            outputHistory.add(times);
            for (int r = 0; r < times.length; r++) {
                for (int j = 0; j < times[r].length; j++) {
                    row.put("t" + r + "_" + j, times[r][j]);
                }
            }
        }
        if (!Double.isNaN(trainLoss)) {
            row.put("train_loss", trainLoss);
        }
        history.add(row);
        if (files != null) {
            files.writeCsv(history);
        }
        warnCapHits(step, "held-out", m);
        if (v != null) {
            warnCapHits(step, "validation", v);
        }
        return row;
    }

    /** Warns of the trials of a set ({@code which}: held-out, validation) that hit the spike cap, if any. */
    private void warnCapHits(long step, String which, Map<String, Object> m) {
        int hits = ((Number) m.get("spike_cap_hits")).intValue();
        if (hits > 0 && log != null) {
            log.println("warning: evaluation at step " + step + ": " + hits + " " + which + " trials exceeded the "
                    + "spike cap K = " + net.trial().spikeCap() + " (samples " + m.get("spike_cap_samples") + "); "
                    + "raise spikeCap if this activity is wanted");
        }
    }

    /** A row as one progress line: step, position, loss, accuracies and activity. */
    static String describe(Map<String, Object> row) {
        StringBuilder sb = new StringBuilder();
        for (String k : List.of("step", "epoch", "trials", "loss", "accuracy", "accuracy_ordinary", "timing_rmse",
                "timing_within_tolerance", "activity", "silent_fraction", "validation_loss", "validation_accuracy",
                "validation_timing_rmse")) {
            Object v = row.get(k);
            if (v != null) {
                sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ')
                        .append(v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : v);
            }
        }
        return sb.toString();
    }
}
