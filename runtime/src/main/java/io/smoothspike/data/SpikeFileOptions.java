package io.smoothspike.data;

/**
 * How the spikes of a file ({@link SpikeCsv}, {@link SpikeNpz}, {@link Shd}) become trials. Start from
 * {@link #DEFAULTS} and change what you need: {@code SpikeFileOptions.DEFAULTS.pool(10).timeScale(2)}.
 *
 * @param channels  input channels in the file; 0: one more than the largest channel number in it (give the number
 *                  when a data set's files may not all use the last channel, so that they agree)
 * @param timeScale factor applied to every spike time, e.g. to map a recording's seconds onto the trial's duration
 * @param pool      channels merged into one: channel c becomes channel c / pool, with the spikes of all of them
 *                  (1: none; 10 turns 700 channels into 70)
 * @param limit     read only the first {@code limit} trials (0: all)
 */
public record SpikeFileOptions(int channels, double timeScale, int pool, int limit) {

    /** All channels, times as in the file, no pooling, all trials. */
    public static final SpikeFileOptions DEFAULTS = new SpikeFileOptions(0, 1, 1, 0);

    public SpikeFileOptions {
        if (channels < 0) {
            throw new IllegalArgumentException("channels must be >= 0 (0: from the file), got " + channels);
        }
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be a finite number > 0, got " + timeScale);
        }
        if (pool < 1) {
            throw new IllegalArgumentException("pool must be >= 1 (channels merged into one), got " + pool);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 (0: all trials), got " + limit);
        }
    }

    /** These options with {@code channels} input channels. */
    public SpikeFileOptions channels(int channels) {
        return new SpikeFileOptions(channels, timeScale, pool, limit);
    }

    /** These options with every spike time multiplied by {@code timeScale}. */
    public SpikeFileOptions timeScale(double timeScale) {
        return new SpikeFileOptions(channels, timeScale, pool, limit);
    }

    /** These options with {@code pool} channels merged into one. */
    public SpikeFileOptions pool(int pool) {
        return new SpikeFileOptions(channels, timeScale, pool, limit);
    }

    /** These options reading the first {@code limit} trials only (0: all). */
    public SpikeFileOptions limit(int limit) {
        return new SpikeFileOptions(channels, timeScale, pool, limit);
    }

    /** Number of trials kept of a file of {@code inFile}. */
    int kept(int inFile) {
        return limit > 0 ? Math.min(limit, inFile) : inFile;
    }
}
