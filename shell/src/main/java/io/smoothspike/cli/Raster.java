package io.smoothspike.cli;

import io.smoothspike.sim.EventRecord;

/** Text spike raster: one line per neuron, one column per time bin, '|' where the neuron spiked. */
final class Raster {

    private Raster() {
    }

    /** Raster of global neurons [from, to) over [0, T] in {@code columns} bins, with spike counts. */
    static String render(EventRecord rec, int from, int to, int columns) {
        double duration = rec.duration();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%6s  %-" + columns + "s  %s%n", "neuron", "0" + " ".repeat(columns - 1 - fmt(duration)
                .length()) + fmt(duration), "spikes"));
        for (int n = from; n < to; n++) {
            char[] line = new char[columns];
            java.util.Arrays.fill(line, '.');
            int count = rec.spikeCount(n);
            for (int j = 0; j < count; j++) {
                int bin = (int) Math.min(columns - 1, Math.floor(rec.spikeTime(n, j) / duration * columns));
                line[bin] = '|';
            }
            sb.append(String.format("%6d  %s  %d%n", n, new String(line), count));
        }
        return sb.toString();
    }

    private static String fmt(double t) {
        return t == Math.rint(t) ? Long.toString((long) t) : Double.toString(t);
    }
}
