package io.smoothspike.spec;

/** The check shared by losses with target times. */
final class LossTargets {

    private LossTargets() {
    }

    /**
     * Target times the output times can reach: one list per read-out neuron ({@code n}), each finite, at least 0
     * (spikes never come before the trial starts) and in increasing order (a neuron's output times are).
     */
    static void check(String where, double[][] targets, int n) {
        if (targets == null || targets.length != n) {
            throw new SpecException(where, "needs one target list per read-out neuron (" + n + "), got "
                    + (targets == null ? "none" : targets.length));
        }
        for (int r = 0; r < n; r++) {
            if (targets[r] == null) {
                throw new SpecException(where, "read-out neuron " + r + " has no target list");
            }
            for (int k = 0; k < targets[r].length; k++) {
                double t = targets[r][k];
                if (!Double.isFinite(t) || t < 0) {
                    throw new SpecException(where, "target " + k + " of read-out neuron " + r + ": target times must "
                            + "be finite and >= 0 (output spikes never come before 0), got " + t);
                }
                if (k > 0 && t < targets[r][k - 1]) {
                    throw new SpecException(where, "targets of read-out neuron " + r + " must be in increasing order "
                            + "(as its output times are), got " + targets[r][k - 1] + " before " + t);
                }
            }
        }
    }
}
