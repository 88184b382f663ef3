package io.smoothspike.distributed;

import io.smoothspike.sim.InputSpikes;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Chunk {@code index} of a training batch, as sent to an executor: its trials' input spikes (times and channels, in
 * their sorted order), which are trials {@code from, from + 1, …} of the batch.
 */
record Chunk(int index, int from, double[][] times, int[][] channels) implements Serializable {

    /** Chunk {@code index}, trials {@code from … to−1} of {@code batch}. */
    static Chunk of(int index, List<InputSpikes> batch, int from, int to) {
        double[][] times = new double[to - from][];
        int[][] channels = new int[to - from][];
        for (int k = from; k < to; k++) {
            InputSpikes in = batch.get(k);
            times[k - from] = new double[in.size()];
            channels[k - from] = new int[in.size()];
            for (int j = 0; j < in.size(); j++) {
                times[k - from][j] = in.time(j);
                channels[k - from][j] = in.source(j);
            }
        }
        return new Chunk(index, from, times, channels);
    }

    /** The trials' input spikes, as they were on the driver. */
    List<InputSpikes> trials() {
        List<InputSpikes> trials = new ArrayList<>(times.length);
        for (int k = 0; k < times.length; k++) {
            trials.add(InputSpikes.of(times[k], channels[k]));
        }
        return trials;
    }

    /** The trials' positions in the batch, the sample ids the loss reads their labels by. */
    int[] samples() {
        int[] samples = new int[times.length];
        for (int k = 0; k < samples.length; k++) {
            samples[k] = from + k;
        }
        return samples;
    }
}
