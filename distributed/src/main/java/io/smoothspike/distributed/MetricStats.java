package io.smoothspike.distributed;

import java.util.List;

/**
 * Mean and sample standard deviation (n - 1 in the denominator) of one final metric over the runs of a
 * configuration; the deviation is NaN for a single run.
 */
record MetricStats(double mean, double std, int runs) {

    /** The statistics of {@code values}, summed in the given order. */
    static MetricStats of(List<Double> values) {
        int n = values.size();
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new MetricStats(mean, n > 1 ? Math.sqrt(squares / (n - 1)) : Double.NaN, n);
    }
}
