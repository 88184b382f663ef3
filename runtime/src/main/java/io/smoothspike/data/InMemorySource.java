package io.smoothspike.data;

/** {@link DataSource#of} and {@link DataSource#ofTargetTimes}: trials held in arrays, checked when made. */
final class InMemorySource implements DataSource {

    private final double[][][] inputTimes;
    private final int[] labels;
    private final double[][] targetTimes;

    /** Exactly one of {@code labels} and {@code targetTimes} is given. */
    InMemorySource(double[][][] inputTimes, int[] labels, double[][] targetTimes) {
        String targets = labels != null ? "labels" : "target times";
        if (inputTimes == null || (labels == null && targetTimes == null)) {
            throw new IllegalArgumentException("a data source needs input times and " + targets);
        }
        int n = labels != null ? labels.length : targetTimes.length;
        if (inputTimes.length != n) {
            throw new IllegalArgumentException("a data source needs one " + (labels != null ? "label" : "row of target "
                    + "times") + " per trial: " + inputTimes.length + " trials, " + n + " " + targets);
        }
        this.inputTimes = new double[n][][];
        for (int i = 0; i < n; i++) {
            this.inputTimes[i] = checkedCopy(i, inputTimes[i]);
        }
        this.labels = labels == null ? null : checkedLabels(labels);
        this.targetTimes = targetTimes == null ? null : checkedTargets(targetTimes);
    }

    private static int[] checkedLabels(int[] labels) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("trial " + i + ": label " + labels[i] + "; labels must be >= 0");
            }
        }
        return labels.clone();
    }

    private static double[][] checkedTargets(double[][] targets) {
        double[][] copy = new double[targets.length][];
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] == null) {
                throw new IllegalArgumentException("trial " + i + " has no target times");
            }
            if (targets[i].length != targets[0].length) {
                throw new IllegalArgumentException("trial " + i + " has " + targets[i].length + " target times, "
                        + "trial 0 has " + targets[0].length + "; give one per read-out neuron in every trial");
            }
            copy[i] = checkedTimes(targets[i], "trial " + i + ": target time ", "target times");
        }
        return copy;
    }

    private static double[][] checkedCopy(int i, double[][] channels) {
        if (channels == null) {
            throw new IllegalArgumentException("trial " + i + " has no input times");
        }
        double[][] copy = new double[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            if (channels[c] == null) {
                throw new IllegalArgumentException("trial " + i + ", channel " + c + ": no spike times (give an "
                        + "empty list for a silent channel)");
            }
            copy[c] = checkedTimes(channels[c], "trial " + i + ", channel " + c + ": spike time ", "spike times");
        }
        return copy;
    }

    /** A copy of {@code times}, each finite and ≥ 0; otherwise an error {@code where + t + "; " + what + " must …"}. */
    private static double[] checkedTimes(double[] times, String where, String what) {
        double[] copy = times.clone();
        for (double t : copy) {
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException(where + t + "; " + what + " must be finite and >= 0");
            }
        }
        return copy;
    }

    @Override
    public int size() {
        return inputTimes.length;
    }

    @Override
    public double[][] inputTimes(int i) {
        return inputTimes[i];
    }

    @Override
    public int label(int i) {
        return labels == null ? -1 : labels[i];
    }

    @Override
    public boolean hasTargetTimes() {
        return targetTimes != null;
    }

    @Override
    public double[] targetTimes(int i) {
        return targetTimes == null ? null : targetTimes[i];
    }
}
