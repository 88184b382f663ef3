package io.smoothspike.loss;

/**
 * What the trials of a batch are to produce, by sample id: class labels ({@code labels[k]}), target spike times
 * ({@code times[k][r]}: when read-out neuron r should fire in trial k), or neither ({@link #NONE}: the loss holds its
 * own targets, as a fixed task's does). At most one of the two is given. The arrays are not copied.
 */
public record TrialTargets(int[] labels, double[][] times) implements java.io.Serializable {

    /** What the trials carry, or what a loss reads from them. */
    public enum Kind {
        /** Nothing: the targets are the loss's own. */
        NONE,
        /** A class label per trial. */
        LABELS,
        /** A target spike time per read-out neuron and trial. */
        TIMES
    }

    /** Trials without targets of their own. */
    public static final TrialTargets NONE = new TrialTargets(null, null);

    public TrialTargets {
        if (labels != null && times != null) {
            throw new IllegalArgumentException("trials carry labels or target times, not both");
        }
    }

    /** Trials with these labels ({@link #NONE} for null). */
    public static TrialTargets ofLabels(int[] labels) {
        return labels == null ? NONE : new TrialTargets(labels, null);
    }

    /** Trials with these target times ({@code times[k][r]}, read-out neuron r in trial k). */
    public static TrialTargets ofTimes(double[][] times) {
        if (times == null) {
            throw new IllegalArgumentException("give the target times of the trials");
        }
        return new TrialTargets(null, times);
    }

    /** What these trials carry. */
    public Kind kind() {
        return labels != null ? Kind.LABELS : times != null ? Kind.TIMES : Kind.NONE;
    }
}
