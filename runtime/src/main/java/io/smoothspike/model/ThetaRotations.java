package io.smoothspike.model;

/**
 * The last few rotations (cos ωt, sin ωt) by time t, shared by the theta kernels of one simulator (one thread): the
 * times of the next events are asked for by several populations, and each rotation costs two transcendental
 * functions.
 */
final class ThetaRotations {
    private static final int SLOTS = 4;
    private final double omega;
    private final double[] times = new double[SLOTS];
    final double[] cos = new double[SLOTS];
    final double[] sin = new double[SLOTS];
    private int next;

    ThetaRotations(double omega) {
        this.omega = omega;
        java.util.Arrays.fill(times, Double.NaN); // no time matches an empty slot
    }

    /** The slot holding the rotation at time t; computes it into the oldest slot if none does. */
    int slot(double t) {
        for (int k = 0; k < SLOTS; k++) {
            if (times[k] == t) {
                return k;
            }
        }
        int k = next;
        next = (k + 1) % SLOTS;
        times[k] = t;
        cos[k] = Math.cos(omega * t);
        sin[k] = Math.sin(omega * t);
        return k;
    }
}
