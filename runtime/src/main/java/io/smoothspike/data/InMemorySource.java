package io.smoothspike.data;

/** {@link DataSource#of}: trials held in arrays, checked when made. */
final class InMemorySource implements DataSource {

    private final double[][][] inputTimes;
    private final int[] labels;

    InMemorySource(double[][][] inputTimes, int[] labels) {
        if (inputTimes == null || labels == null) {
            throw new IllegalArgumentException("a data source needs input times and labels");
        }
        if (inputTimes.length != labels.length) {
            throw new IllegalArgumentException("a data source needs one label per trial: " + inputTimes.length
                    + " trials, " + labels.length + " labels");
        }
        this.inputTimes = new double[inputTimes.length][][];
        for (int i = 0; i < inputTimes.length; i++) {
            this.inputTimes[i] = checkedCopy(i, inputTimes[i]);
            if (labels[i] < 0) {
                throw new IllegalArgumentException("trial " + i + ": label " + labels[i] + "; labels must be >= 0");
            }
        }
        this.labels = labels.clone();
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
            copy[c] = channels[c].clone();
            for (double t : copy[c]) {
                if (!(t >= 0) || Double.isInfinite(t)) {
                    throw new IllegalArgumentException("trial " + i + ", channel " + c + ": spike time " + t
                            + "; spike times must be finite and >= 0");
                }
            }
        }
        return copy;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public double[][] inputTimes(int i) {
        return inputTimes[i];
    }

    @Override
    public int label(int i) {
        return labels[i];
    }
}
