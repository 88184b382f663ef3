package io.smoothspike.groovy;

import groovy.lang.Closure;
import io.smoothspike.data.DataSource;
import io.smoothspike.data.Shd;
import io.smoothspike.data.SpikeCsv;
import io.smoothspike.data.SpikeFileOptions;
import io.smoothspike.data.SpikeNpz;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The script words of data sources: {@code source(…)}, a {@link DataSource} held in memory, from Groovy lists or from
 * closures called once per trial (a trial's input times are a list of channels, each a list of spike times or one
 * number, a single spike; its target is a class label or, for timing tasks, a list of target spike times, one per
 * read-out neuron); and {@code csvSpikes(…)}, {@code npz(…)} and {@code shd(…)}, read from spike files.
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

    /** A spike file's reading, for {@link #read}. */
    private interface SpikeFile {
        DataSource read(SpikeFileOptions options) throws IOException;
    }

    /**
     * {@code csvSpikes(spikes: 'spikes.csv', labels: 'labels.csv')}, or {@code targets: 'targets.csv'} instead of
     * labels, with the options of {@link #read}; paths are relative to the working directory.
     */
    static DataSource csvSpikes(Map<String, Object> args) {
        NamedArgs a = new NamedArgs("csvSpikes", args, "spikes", "labels", "targets", "channels", "timeScale",
                "pool", "limit");
        Path spikes = path("csvSpikes", a.required("spikes", Object.class));
        if (a.has("labels") == a.has("targets")) {
            throw new IllegalArgumentException("csvSpikes: give labels: (a CSV file sample,label) or targets: "
                    + "(sample,neuron,time)");
        }
        if (a.has("labels")) {
            Path labels = path("csvSpikes", a.raw("labels"));
            return read("csvSpikes", a, options -> SpikeCsv.read(spikes, labels, options));
        }
        Path targets = path("csvSpikes", a.raw("targets"));
        return read("csvSpikes", a, options -> SpikeCsv.readTargets(spikes, targets, options));
    }

    /** {@code npz('spikes.npz', …)} with the options of {@link #read}. */
    static DataSource npz(Map<String, Object> args, Object file) {
        NamedArgs a = new NamedArgs("npz", args, "channels", "timeScale", "pool", "limit");
        Path f = path("npz", file);
        return read("npz", a, options -> SpikeNpz.read(f, options));
    }

    /** {@code shd('shd_train.h5', …)} with the options of {@link #read}. */
    static DataSource shd(Map<String, Object> args, Object file) {
        NamedArgs a = new NamedArgs("shd", args, "channels", "timeScale", "pool", "limit");
        Path f = path("shd", file);
        return read("shd", a, options -> Shd.read(f, options));
    }

    /**
     * Reads a spike file with the options {@code channels: n} (0 or left out: from the file), {@code timeScale: s}
     * (times multiplied by s), {@code pool: k} (k channels merged into one), {@code limit: n} (the first n trials).
     */
    private static DataSource read(String word, NamedArgs a, SpikeFile file) {
        int channels = a.integer("channels", 0);
        double timeScale = a.number("timeScale", 1);
        int pool = a.integer("pool", 1);
        int limit = a.integer("limit", 0);
        SpikeFileOptions options;
        try {
            options = new SpikeFileOptions(channels, timeScale, pool, limit);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(word + ": " + e.getMessage(), e);
        }
        try {
            return file.read(options);
        } catch (IOException e) {
            throw new UncheckedIOException(word + ": " + e.getMessage(), e);
        }
    }

    /** A file name (a string, {@code File} or {@code Path}), relative to the working directory. */
    private static Path path(String word, Object v) {
        if (v instanceof Path p) {
            return p;
        }
        if (v instanceof File f) {
            return f.toPath();
        }
        if (v instanceof CharSequence s && !s.toString().isBlank()) {
            return Path.of(s.toString());
        }
        throw new IllegalArgumentException(word + ": a file name must be a string, got " + v);
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
