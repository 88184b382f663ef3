package io.smoothspike.groovy;

import groovy.lang.Closure;
import io.smoothspike.data.DataSource;
import java.util.List;
import java.util.Map;

/**
 * The script word {@code source(…)}: a {@link DataSource} held in memory, from Groovy lists or from closures called
 * once per trial. A trial's input times are a list of channels, each a list of spike times or one number (a single
 * spike); its target is a class label or, for timing tasks, a list of target spike times (one per read-out neuron).
 */
final class GroovySources {

    private GroovySources() {
    }

    /**
     * {@code source(trials: [[[t, …], …], …], labels: [c, …])} or {@code targets: [[t0, t1, …], …]} instead of
     * labels; or {@code source(size: n, trial: { i -> channels }, label: { i -> c })} or {@code target: { i -> [t0,
     * …] }} instead of label; {@code augment: { times, random -> times' }} varies the training trials in every step.
     */
    static DataSource source(Map<String, Object> args) {
        NamedArgs a = new NamedArgs("source", args, "trials", "labels", "targets", "size", "trial", "label", "target",
                "augment");
        boolean lists = a.has("trials") || a.has("labels") || a.has("targets");
        boolean closures = a.has("size") || a.has("trial") || a.has("label") || a.has("target");
        if (lists == closures) {
            throw new IllegalArgumentException("source: give either trials: and labels: or targets: (lists), or "
                    + "size:, trial: and label: or target: (closures of the trial index)");
        }
        String labels = lists ? "labels" : "label";
        String targets = lists ? "targets" : "target";
        if (a.has(labels) == a.has(targets)) {
            throw new IllegalArgumentException("source: give either " + labels + ": (class labels) or " + targets
                    + ": (target spike times, one per read-out neuron)" + (a.has(labels) ? ", not both" : ""));
        }
        DataSource source = lists ? fromLists(a) : fromClosures(a);
        if (a.has("augment")) {
            Closure<?> augment = a.object("augment", Closure.class);
            source = source.augmented((times, random) -> channels("source augment: the result",
                    augment.call(times, random)));
        }
        return source;
    }

    private static DataSource fromLists(NamedArgs a) {
        List<?> trials = a.required("trials", List.class);
        double[][][] times = new double[trials.size()][][];
        for (int i = 0; i < times.length; i++) {
            times[i] = channels("source: trial " + i, trials.get(i));
        }
        if (a.has("targets")) {
            List<?> rows = a.required("targets", List.class);
            double[][] targets = new double[rows.size()][];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = targetTimes("source: the target times of trial " + i, rows.get(i));
            }
            return DataSource.ofTargetTimes(times, targets);
        }
        return DataSource.of(times, NamedArgs.integers("source: labels", a.required("labels", Object.class)));
    }

    private static DataSource fromClosures(NamedArgs a) {
        int n = a.integer("size");
        Closure<?> trial = a.required("trial", Closure.class);
        double[][][] times = new double[n][][];
        for (int i = 0; i < n; i++) {
            times[i] = channels("source: trial " + i, trial.call(i));
        }
        if (a.has("target")) {
            Closure<?> target = a.required("target", Closure.class);
            double[][] targets = new double[n][];
            for (int i = 0; i < n; i++) {
                targets[i] = targetTimes("source: the target times of trial " + i, target.call(i));
            }
            return DataSource.ofTargetTimes(times, targets);
        }
        Closure<?> label = a.required("label", Closure.class);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = NamedArgs.integer("source: the label of trial " + i, label.call(i));
        }
        return DataSource.of(times, labels);
    }

    /** One trial's target times: a list of numbers, one per read-out neuron, or one number (one read-out neuron). */
    private static double[] targetTimes(String what, Object v) {
        return v instanceof Number t ? new double[] {t.doubleValue()} : NamedArgs.doubles(what, v);
    }

    /** One trial's spike times per channel: a list (or array) of channels, each a list of numbers or one number. */
    private static double[][] channels(String what, Object v) {
        if (v instanceof double[][] d) {
            return d;
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException(what + " must be a list of channels (each a list of spike times), "
                    + "got " + v);
        }
        double[][] d = new double[l.size()][];
        for (int c = 0; c < d.length; c++) {
            Object channel = l.get(c);
            d[c] = channel instanceof Number t ? new double[] {t.doubleValue()}
                    : NamedArgs.doubles(what + ", channel " + c, channel);
        }
        return d;
    }
}
