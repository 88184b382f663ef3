package io.smoothspike.groovy;

import groovy.lang.Closure;
import io.smoothspike.data.DataSource;
import java.util.List;
import java.util.Map;

/**
 * The script word {@code source(…)}: a {@link DataSource} held in memory, from Groovy lists or from closures called
 * once per trial. A trial's input times are a list of channels, each a list of spike times or one number (a single
 * spike).
 */
final class GroovySources {

    private GroovySources() {
    }

    /**
     * {@code source(trials: [[[t, …], …], …], labels: [c, …])}, or {@code source(size: n, trial: { i -> channels },
     * label: { i -> c })}; {@code augment: { times, random -> times' }} varies the training trials in every step.
     */
    static DataSource source(Map<String, Object> args) {
        NamedArgs a = new NamedArgs("source", args, "trials", "labels", "size", "trial", "label", "augment");
        boolean lists = a.has("trials") || a.has("labels");
        boolean closures = a.has("size") || a.has("trial") || a.has("label");
        if (lists == closures) {
            throw new IllegalArgumentException("source: give either trials: and labels: (lists), or size:, trial: "
                    + "and label: (closures of the trial index)");
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
        int[] labels = NamedArgs.integers("source: labels", a.required("labels", Object.class));
        double[][][] times = new double[trials.size()][][];
        for (int i = 0; i < times.length; i++) {
            times[i] = channels("source: trial " + i, trials.get(i));
        }
        return DataSource.of(times, labels);
    }

    private static DataSource fromClosures(NamedArgs a) {
        int n = a.integer("size");
        Closure<?> trial = a.required("trial", Closure.class);
        Closure<?> label = a.required("label", Closure.class);
        double[][][] times = new double[n][][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            times[i] = channels("source: trial " + i, trial.call(i));
            labels[i] = NamedArgs.integer("source: the label of trial " + i, label.call(i));
        }
        return DataSource.of(times, labels);
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
