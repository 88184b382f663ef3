package io.smoothspike.network;

import io.smoothspike.sim.EventRecord;

/**
 * One simulated trial: its events and spike raster ({@link #record()}, an independent copy) and, when the network
 * has a read-out, its output times with pseudospikes and the ordinary-only view (a missing spike counted at T).
 */
public record SimulationResult(EventRecord record, double[][] outputTimes, double[][] ordinaryOutputTimes) {

    /** Number of ordinary spikes of global neuron n. */
    public int spikeCount(int n) {
        return record.spikeCount(n);
    }

    /** One line per neuron with at least one spike: {@code neuron: t1 t2 …}, then totals. */
    public String rasterSummary() {
        StringBuilder sb = new StringBuilder();
        int neurons = 0;
        for (int n = 0; n < neuronCount(); n++) {
            if (record.spikeCount(n) > 0) {
                neurons++;
                sb.append(n).append(':');
                for (double t : record.spikeTimes(n)) {
                    sb.append(' ').append(String.format(java.util.Locale.ROOT, "%.6f", t));
                }
                sb.append('\n');
            }
        }
        sb.append(String.format(java.util.Locale.ROOT, "%d network spikes from %d neurons, %d events, T = %s%n",
                record.spikeCount(), neurons, record.eventCount(), record.duration()));
        return sb.toString();
    }

    private int neuronCount() {
        int n = 0;
        for (int k = 0; k < record.eventCount(); k++) {
            n = Math.max(n, record.neuron(k) + 1);
        }
        return n;
    }
}
