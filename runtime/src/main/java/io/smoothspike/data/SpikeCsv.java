package io.smoothspike.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Trials of input spikes from CSV files: a spikes file with the header {@code sample,channel,time} and one spike per
 * row (trials numbered from 0, channels from 0, any order), and beside it either a labels file
 * {@code sample,label} (one row per trial) or a targets file {@code sample,neuron,time} (one row per trial and
 * read-out neuron, for a timing task). The number of trials is that of the labels or targets file; a trial without
 * rows in the spikes file has no input spikes. The spikes file is streamed: only the parsed numbers are held.
 *
 * <p>Errors are {@link IOException}s naming the file and line, and the column and value where one is wrong.
 */
public final class SpikeCsv {

    private static final List<String> SPIKES = List.of("sample", "channel", "time");

    private SpikeCsv() {
    }

    /** The trials of {@code spikes} with the class labels of {@code labels}. */
    public static DataSource read(Path spikes, Path labels, SpikeFileOptions options) throws IOException {
        int[] classes = labels(labels);
        return spikes(spikes, labels, classes.length, options).withLabels(classes);
    }

    /** The trials of {@code spikes} with the target times of {@code targets}. */
    public static DataSource readTargets(Path spikes, Path targets, SpikeFileOptions options) throws IOException {
        double[][] times = targets(targets);
        return spikes(spikes, targets, times.length, options).withTargetTimes(times);
    }

    private static SpikeEvents spikes(Path file, Path perTrial, int trials, SpikeFileOptions options)
            throws IOException {
        SpikeEvents events = new SpikeEvents(file.toString(), trials, options);
        CsvRows.read(file, SPIKES, row -> {
            int trial = row.integer(0);
            if (trial < 0 || trial >= trials) {
                throw row.error("sample " + trial + ", but " + perTrial + " has " + trials + " samples (0 to "
                        + (trials - 1) + ")");
            }
            String problem = events.add(trial, row.integer(1), row.number(2));
            if (problem != null) {
                throw row.error(problem);
            }
        });
        return events;
    }

    /** {@code labels[i]}: the class of trial i, each trial 0 to n - 1 given once. */
    private static int[] labels(Path file) throws IOException {
        List<int[]> rows = new ArrayList<>();
        CsvRows.read(file, List.of("sample", "label"), row -> {
            int label = row.integer(1);
            if (label < 0) {
                throw row.error("label " + label + "; labels must be >= 0");
            }
            rows.add(new int[] {row.integer(0), label, row.line()});
        });
        if (rows.isEmpty()) {
            throw new IOException(file + ": no rows; give one row per sample");
        }
        int[] labels = new int[rows.size()];
        Arrays.fill(labels, -1);
        for (int[] r : rows) {
            int trial = checkedTrial(file, r[0], r[2], rows.size());
            if (labels[trial] >= 0) {
                throw new IOException(file + ":" + r[2] + ": sample " + trial + " has a label already");
            }
            labels[trial] = r[1];
        }
        return labels;
    }

    /** {@code targets[i][k]}: the target time of read-out neuron k in trial i, each pair given once. */
    private static double[][] targets(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        int[] size = new int[2];
        CsvRows.read(file, List.of("sample", "neuron", "time"), row -> {
            int trial = row.integer(0);
            int neuron = row.integer(1);
            double time = row.number(2);
            if (trial < 0 || neuron < 0) {
                throw row.error("sample " + trial + ", neuron " + neuron + "; both are numbered from 0");
            }
            if (!(time >= 0) || Double.isInfinite(time)) {
                throw row.error("target time " + time + "; target times must be finite and >= 0");
            }
            size[0] = Math.max(size[0], trial + 1);
            size[1] = Math.max(size[1], neuron + 1);
            rows.add(new double[] {trial, neuron, time, row.line()});
        });
        if (rows.isEmpty()) {
            throw new IOException(file + ": no rows; give one row per sample and read-out neuron");
        }
        double[][] targets = new double[size[0]][size[1]];
        for (double[] t : targets) {
            Arrays.fill(t, Double.NaN);
        }
        for (double[] r : rows) {
            if (!Double.isNaN(targets[(int) r[0]][(int) r[1]])) {
                throw new IOException(file + ":" + (int) r[3] + ": sample " + (int) r[0] + ", neuron " + (int) r[1]
                        + " has a target time already");
            }
            targets[(int) r[0]][(int) r[1]] = r[2];
        }
        for (int i = 0; i < targets.length; i++) {
            for (int k = 0; k < targets[i].length; k++) {
                if (Double.isNaN(targets[i][k])) {
                    throw new IOException(file + ": no target time for sample " + i + ", neuron " + k + "; give one "
                            + "row per sample (0 to " + (targets.length - 1) + ") and read-out neuron (0 to "
                            + (targets[i].length - 1) + ")");
                }
            }
        }
        return targets;
    }

    private static int checkedTrial(Path file, int trial, int line, int trials) throws IOException {
        if (trial < 0 || trial >= trials) {
            throw new IOException(file + ":" + line + ": sample " + trial + ", but the file has " + trials
                    + " rows; number the samples 0 to " + (trials - 1) + ", one row each");
        }
        return trial;
    }
}
