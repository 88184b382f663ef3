package io.smoothspike.train;

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
 * or a fixed task's trial 0 with its output times), keeps one row per evaluation and rewrites {@code metrics.csv}
 * after each.
 */
final class EvaluationLog {

    private final Network net;
    private final TrainingSettings s;
    private final BatchSource batches;
    private final LearningRateSchedule schedule;
    /** The metrics files, or null without an output folder. */
    private final MetricsFiles files;
    private final PrintStream log;
    private final List<InputSpikes> heldOut = new ArrayList<>();
    /** Labels of the held-out trials (null for a fixed task). */
    private final int[] labels;
    private final List<Map<String, Object>> history = new ArrayList<>();
    private final List<double[][]> outputHistory = new ArrayList<>();

    /** The log of a run over {@code test} (null: the fixed task), writing to {@code files} (may be null). */
    EvaluationLog(Network net, TrainingSettings s, TrialSet test, BatchSource batches, LearningRateSchedule schedule,
            MetricsFiles files, PrintStream log) {
        this.net = net;
        this.s = s;
        this.batches = batches;
        this.schedule = schedule;
        this.files = files;
        this.log = log;
        if (test != null) {
            TrialSet used = s.testLimit > 0 ? test.first(Math.min(s.testLimit, test.size())) : test;
            BatchEncoder.Batch encoded = new BatchEncoder(net, used, null, s.seed, s.threads)
                    .encode(k -> k, 0, used.size(), 0);
            heldOut.addAll(encoded.inputs());
            labels = encoded.labels();
        } else {
            heldOut.add(net.input(0));
            labels = null;
        }
    }

    /** Number of held-out trials. */
    int heldOutSize() {
        return heldOut.size();
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
        Map<String, Object> m = HeldOutMetrics.evaluate(net, heldOut, labels, s.threads);
        row.putAll(m);
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
        int hits = ((Number) m.get("spike_cap_hits")).intValue();
        if (hits > 0 && log != null) {
            log.println("warning: evaluation at step " + step + ": " + hits + " held-out trials exceeded the spike "
                    + "cap K = " + net.trial().spikeCap() + " (samples " + m.get("spike_cap_samples") + "); raise "
                    + "spikeCap if this activity is wanted");
        }
        return row;
    }

    /** A row as one progress line: step, position, loss, accuracies and activity. */
    static String describe(Map<String, Object> row) {
        StringBuilder sb = new StringBuilder();
        for (String k : List.of("step", "epoch", "trials", "loss", "accuracy", "accuracy_ordinary", "activity",
                "silent_fraction")) {
            Object v = row.get(k);
            if (v != null) {
                sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ')
                        .append(v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : v);
            }
        }
        return sb.toString();
    }
}
