package io.smoothspike.sim;

import java.util.Arrays;

/**
 * What one trial produced, in primitive arrays: the ordered event list, per-neuron spike times and the network state
 * at T. Memory is proportional to the number of events plus the number of neurons.
 *
 * <p>Event k is at {@link #time(int)}; it is either an external input spike of channel {@link #inputChannel(int)} or
 * a spike of network neuron {@link #neuron(int)} (global index). Events are in processing order: times are
 * non-decreasing and ties follow the engine's rule (see {@link EventSimulator}).
 *
 * <p>An {@link EventSimulator} reuses its record for the next trial; use {@link #copy()} to keep one.
 */
public final class EventRecord {

    private double[] time = new double[64];
    /** Network neuron index, or {@code ~channel} (negative) for an input spike. */
    private int[] who = new int[64];
    private int count;
    private int spikeCount;

    private final int neuronCount;
    private final int[] spikeStart;
    private final int[] fill;
    private double[] spikeTimes = new double[16];
    private int[] spikeEvents = new int[16];
    private final double[][] finalState;
    private double duration;

    EventRecord(int neuronCount, int[] stateSizes, int[] populationSizes) {
        this.neuronCount = neuronCount;
        this.spikeStart = new int[neuronCount + 1];
        this.fill = new int[neuronCount];
        this.finalState = new double[stateSizes.length][];
        for (int p = 0; p < stateSizes.length; p++) {
            finalState[p] = new double[stateSizes[p] * populationSizes[p]];
        }
    }

    void clear(double duration) {
        count = 0;
        spikeCount = 0;
        this.duration = duration;
    }

    void addInput(double t, int channel) {
        add(t, ~channel);
    }

    void addSpike(double t, int neuron) {
        add(t, neuron);
        spikeCount++;
    }

    private void add(double t, int w) {
        if (count == time.length) {
            time = Arrays.copyOf(time, 2 * count);
            who = Arrays.copyOf(who, 2 * count);
        }
        time[count] = t;
        who[count++] = w;
    }

    double[] finalStateArray(int population) {
        return finalState[population];
    }

    /** Groups spike times by neuron (counting sort, O(events + neurons)). */
    void indexSpikes() {
        Arrays.fill(spikeStart, 0);
        for (int k = 0; k < count; k++) {
            if (who[k] >= 0) {
                spikeStart[who[k] + 1]++;
            }
        }
        for (int n = 0; n < neuronCount; n++) {
            spikeStart[n + 1] += spikeStart[n];
        }
        if (spikeTimes.length < spikeCount) {
            spikeTimes = new double[Math.max(spikeCount, 2 * spikeTimes.length)];
            spikeEvents = new int[spikeTimes.length];
        }
        System.arraycopy(spikeStart, 0, fill, 0, neuronCount);
        for (int k = 0; k < count; k++) {
            if (who[k] >= 0) {
                int slot = fill[who[k]]++;
                spikeTimes[slot] = time[k];
                spikeEvents[slot] = k;
            }
        }
    }

    /** Trial duration T. */
    public double duration() {
        return duration;
    }

    /** Number of events (input spikes and network spikes). */
    public int eventCount() {
        return count;
    }

    /** Number of network spikes. */
    public int spikeCount() {
        return spikeCount;
    }

    public double time(int k) {
        return time[k];
    }

    /** Whether event k is an external input spike. */
    public boolean isInput(int k) {
        return who[k] < 0;
    }

    /** Global index of the spiking neuron of event k; -1 for an input event. */
    public int neuron(int k) {
        return who[k] >= 0 ? who[k] : -1;
    }

    /** Input channel of event k; -1 for a network spike. */
    public int inputChannel(int k) {
        return who[k] < 0 ? ~who[k] : -1;
    }

    /** Number of spikes of network neuron n. */
    public int spikeCount(int n) {
        return spikeStart[n + 1] - spikeStart[n];
    }

    /** Time of the j-th spike (0-based) of network neuron n. */
    public double spikeTime(int n, int j) {
        if (j < 0 || j >= spikeCount(n)) {
            throw new IndexOutOfBoundsException("neuron " + n + " has " + spikeCount(n) + " spikes, asked for #" + j);
        }
        return spikeTimes[spikeStart[n] + j];
    }

    /** Event index of the j-th spike (0-based) of network neuron n. */
    public int spikeEvent(int n, int j) {
        if (j < 0 || j >= spikeCount(n)) {
            throw new IndexOutOfBoundsException("neuron " + n + " has " + spikeCount(n) + " spikes, asked for #" + j);
        }
        return spikeEvents[spikeStart[n] + j];
    }

    /** The spike times of network neuron n, ascending (a new array). */
    public double[] spikeTimes(int n) {
        return Arrays.copyOfRange(spikeTimes, spikeStart[n], spikeStart[n + 1]);
    }

    /** State at T of population p in model coordinates, neuron-major (the live array; do not modify). */
    public double[] finalState(int p) {
        return finalState[p];
    }

    /** An independent copy of this record. */
    public EventRecord copy() {
        int[] stateSizes = new int[finalState.length];
        int[] sizes = new int[finalState.length];
        for (int p = 0; p < finalState.length; p++) {
            stateSizes[p] = 1;
            sizes[p] = finalState[p].length;
        }
        EventRecord c = new EventRecord(neuronCount, stateSizes, sizes);
        c.time = Arrays.copyOf(time, count);
        c.who = Arrays.copyOf(who, count);
        c.count = count;
        c.spikeCount = spikeCount;
        c.duration = duration;
        System.arraycopy(spikeStart, 0, c.spikeStart, 0, spikeStart.length);
        c.spikeTimes = Arrays.copyOf(spikeTimes, Math.max(1, spikeCount));
        c.spikeEvents = Arrays.copyOf(spikeEvents, Math.max(1, spikeCount));
        for (int p = 0; p < finalState.length; p++) {
            System.arraycopy(finalState[p], 0, c.finalState[p], 0, finalState[p].length);
        }
        return c;
    }
}
