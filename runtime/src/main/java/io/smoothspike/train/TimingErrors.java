package io.smoothspike.train;

import java.util.Map;

/**
 * The timing figures of held-out trials with target times: {@code timing_rmse}, the root mean square of first
 * output time minus target time over read-out neurons and trials, and {@code timing_within_tolerance}, the fraction
 * of them within {@code tolerance} of their target. Output times are those the loss sees (a silent neuron's
 * pseudospike past T included). Each trial is recorded in its own slot, so trials may be recorded on several threads.
 */
final class TimingErrors {

    private final double[][] targets;
    private final double tolerance;
    private final double[] squared;
    private final int[] within;

    /** For trials whose read-out neuron r should fire at {@code targets[k][r]}. */
    TimingErrors(double[][] targets, double tolerance) {
        this.targets = targets;
        this.tolerance = tolerance;
        this.squared = new double[targets.length];
        this.within = new int[targets.length];
    }

    /** Records trial k's output times {@code times[r][j]} (the first of each neuron is compared). */
    void record(int k, double[][] times) {
        double sum = 0;
        int hits = 0;
        for (int r = 0; r < targets[k].length; r++) {
            double d = times[r][0] - targets[k][r];
            sum += d * d;
            hits += Math.abs(d) <= tolerance ? 1 : 0;
        }
        squared[k] = sum;
        within[k] = hits;
    }

    /**
     * Puts both figures into {@code m}: the RMSE over the trials that did not hit the spike cap (NaN if none did
     * not), the fraction within tolerance over all trials (a trial that hit the cap counts as missing).
     */
    void report(Map<String, Object> m, boolean[] capHit) {
        double sum = 0;
        int counted = 0;
        int hits = 0;
        int all = 0;
        for (int k = 0; k < targets.length; k++) {
            all += targets[k].length;
            if (!capHit[k]) {
                sum += squared[k];
                counted += targets[k].length;
                hits += within[k];
            }
        }
        m.put("timing_rmse", counted == 0 ? Double.NaN : Math.sqrt(sum / counted));
        m.put("timing_within_tolerance", hits / (double) all);
    }
}
