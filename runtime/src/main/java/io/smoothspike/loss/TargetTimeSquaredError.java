package io.smoothspike.loss;

/**
 * {@link SpikeTimeSquaredError} with targets that come with each trial: sample k's read-out neuron r should fire
 * its first output spike at {@code targets[k][r]}. The loss of a trial is the mean over read-out neurons of the
 * squared difference between first output time and target time.
 */
public final class TargetTimeSquaredError implements Loss {

    private final SpikeTimeSquaredError[] perSample;

    /** Targets per sample id and read-out neuron; every sample gives one per read-out neuron ({@code readout}). */
    public TargetTimeSquaredError(double[][] targets, int readout) {
        perSample = new SpikeTimeSquaredError[targets.length];
        for (int k = 0; k < targets.length; k++) {
            if (targets[k] == null || targets[k].length != readout) {
                throw new IllegalArgumentException("sample " + k + " has " + (targets[k] == null ? "no"
                        : targets[k].length) + " target times, the read-out has " + readout + " neurons; give one "
                        + "target time per read-out neuron");
            }
            double[][] column = new double[readout][];
            for (int r = 0; r < readout; r++) {
                column[r] = new double[] {targets[k][r]};
            }
            perSample[k] = new SpikeTimeSquaredError(column);
        }
    }

    @Override
    public double evaluate(int sample, double[][] times, double[][] grad) {
        return perSample[sample].evaluate(sample, times, grad);
    }
}
