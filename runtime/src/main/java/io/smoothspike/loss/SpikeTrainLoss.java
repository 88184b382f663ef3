package io.smoothspike.loss;

/**
 * The recurrent-network loss of docs/method.md §6.2: for each trained neuron with targets t*_1 … t*_m, where the last
 * target lies past the trial end (1.1·T in the paper),
 * {@code Σ_{k<m} ((t_k − t*_k)/(t*_k + 2))² + ((t_m − t*_m)/(t*_m + 2))²·[t_m < t*_m]}, summed over trained neurons
 * and divided by the total number of targets. The one-sided last term only pushes a spurious extra spike out past
 * T; it never pulls one in.
 */
public final class SpikeTrainLoss implements Loss {

    private final double[][] targets;
    private final int count;

    /** {@code targets[r]}: read-out neuron r's targets including the final one past T (at least one each). */
    public SpikeTrainLoss(double[][] targets) {
        int n = 0;
        this.targets = new double[targets.length][];
        for (int r = 0; r < targets.length; r++) {
            if (targets[r].length == 0) {
                throw new IllegalArgumentException("read-out neuron " + r + " needs at least its final target");
            }
            for (double v : targets[r]) {
                if (!Double.isFinite(v) || v <= -2) {
                    throw new IllegalArgumentException("targets must be finite and > -2, got " + v);
                }
            }
            this.targets[r] = targets[r].clone();
            n += targets[r].length;
        }
        this.count = n;
    }

    @Override
    public double evaluate(int sample, double[][] times, double[][] grad) {
        double sum = 0;
        for (int r = 0; r < targets.length; r++) {
            double[] tr = targets[r];
            int m = tr.length;
            for (int k = 0; k < m; k++) {
                double scale = tr[k] + 2;
                double d = (times[r][k] - tr[k]) / scale;
                if (k < m - 1 || times[r][k] < tr[k]) {
                    sum += d * d;
                    grad[r][k] = 2 * d / scale / count;
                }
            }
        }
        return sum / count;
    }
}
