package io.smoothspike.loss;

/** Mean over all targets of the squared difference between output time and target time (docs/method.md §6.1). */
public final class SpikeTimeSquaredError implements Loss {

    private final double[][] targets;
    private final int count;

    /** Targets per read-out neuron: {@code targets[r]} are neuron r's target times, as many as its output times. */
    public SpikeTimeSquaredError(double[][] targets) {
        int n = 0;
        for (double[] t : targets) {
            for (double v : t) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("target spike times must be finite, got " + v);
                }
            }
            n += t.length;
        }
        if (n == 0) {
            throw new IllegalArgumentException("a spike-time loss needs at least one target");
        }
        this.targets = new double[targets.length][];
        for (int r = 0; r < targets.length; r++) {
            this.targets[r] = targets[r].clone();
        }
        this.count = n;
    }

    @Override
    public double evaluate(int sample, double[][] times, double[][] grad) {
        if (times.length != targets.length) {
            throw new IllegalArgumentException("loss has targets for " + targets.length + " read-out neurons, got "
                    + times.length);
        }
        double sum = 0;
        for (int r = 0; r < targets.length; r++) {
            for (int j = 0; j < targets[r].length; j++) {
                double d = times[r][j] - targets[r][j];
                sum += d * d;
                grad[r][j] = 2 * d / count;
            }
        }
        return sum / count;
    }
}
