package io.smoothspike.data;

import java.io.IOException;
import java.util.Arrays;

/**
 * The spikes of a file as read, one event (trial, channel, time) at a time, turned into a {@link DataSource} with
 * the {@link SpikeFileOptions}: events of trials beyond the limit are checked but not kept; only the parsed numbers are
 * held.
 */
final class SpikeEvents {

    /** Largest channel number accepted when the options do not give the number of channels. */
    static final int MAX_CHANNEL = 1 << 20;

    private final String source;
    private final SpikeFileOptions options;
    private final int trials;
    private int[] trial = new int[1024];
    private int[] channel = new int[1024];
    private double[] time = new double[1024];
    private int size;
    private int maxChannel = -1;

    /** Events of {@code trialsInFile} trials (numbered from 0) read from {@code source}. */
    SpikeEvents(String source, int trialsInFile, SpikeFileOptions options) {
        this.source = source;
        this.options = options;
        this.trials = options.kept(trialsInFile);
    }

    /** Number of trials kept. */
    int trials() {
        return trials;
    }

    /**
     * Adds a spike; returns null, or what is wrong with it (a channel < 0 or beyond the channels given, a time not
     * finite or < 0), for the caller to report with its place in the file. The trial must be in the file's range.
     */
    String add(int trialIndex, int channelIndex, double spikeTime) {
        if (channelIndex < 0 || (options.channels() > 0 && channelIndex >= options.channels())) {
            return "channel " + channelIndex + " is not one of the " + (options.channels() > 0
                    ? options.channels() + " channels given (0 to " + (options.channels() - 1) + ")"
                    : "channels (numbered from 0)");
        }
        if (options.channels() == 0 && channelIndex > MAX_CHANNEL) {
            return "channel " + channelIndex + " is beyond " + MAX_CHANNEL + "; give the number of channels to use "
                    + "more";
        }
        if (!(spikeTime >= 0) || Double.isInfinite(spikeTime)) {
            return "spike time " + spikeTime + "; spike times must be finite and >= 0";
        }
        maxChannel = Math.max(maxChannel, channelIndex);
        if (trialIndex < trials) {
            if (size == time.length) {
                int grown = Math.max(1024, (int) Math.min(Integer.MAX_VALUE - 8, 2L * size));
                trial = Arrays.copyOf(trial, grown);
                channel = Arrays.copyOf(channel, grown);
                time = Arrays.copyOf(time, grown);
            }
            trial[size] = trialIndex;
            channel[size] = channelIndex;
            time[size++] = spikeTime;
        }
        return null;
    }

    /** The trials with class labels ({@code labels[i]} for trial i; entries beyond the kept trials are ignored). */
    DataSource withLabels(int[] labels) throws IOException {
        try {
            return DataSource.of(inputTimes(), Arrays.copyOf(labels, trials));
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
    }

    /** The trials with target times ({@code targets[i][k]}: read-out neuron k in trial i). */
    DataSource withTargetTimes(double[][] targets) throws IOException {
        try {
            return DataSource.ofTargetTimes(inputTimes(), Arrays.copyOf(targets, trials));
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
    }

    /** {@code times[i][c]}: the sorted spike times of pooled channel c in trial i, scaled. */
    private double[][][] inputTimes() {
        int channels = options.channels() > 0 ? options.channels() : maxChannel + 1;
        int pooled = (channels + options.pool() - 1) / options.pool();
        int[][] counts = new int[trials][pooled];
        for (int k = 0; k < size; k++) {
            counts[trial[k]][channel[k] / options.pool()]++;
        }
        double[][][] times = new double[trials][pooled][];
        for (int i = 0; i < trials; i++) {
            for (int c = 0; c < pooled; c++) {
                times[i][c] = new double[counts[i][c]];
                counts[i][c] = 0;
            }
        }
        for (int k = 0; k < size; k++) {
            int c = channel[k] / options.pool();
            times[trial[k]][c][counts[trial[k]][c]++] = time[k] * options.timeScale();
        }
        for (double[][] t : times) {
            for (double[] channelTimes : t) {
                Arrays.sort(channelTimes);
            }
        }
        return times;
    }
}
