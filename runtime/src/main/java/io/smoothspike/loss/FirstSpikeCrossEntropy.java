package io.smoothspike.loss;

import java.util.Optional;

/**
 * First-spike classification loss of docs/method.md §6.3: cross-entropy of softmax(−t_out) at the label, plus
 * {@code γ·(exp(t_label/T) − 1)} which pulls the correct neuron's spike early. The prediction is argmin t_out.
 * Read-out neuron r gives one output time (its first spike or pseudospike); sample s has label {@code labels[s]}.
 */
public final class FirstSpikeCrossEntropy implements Loss {

    private final int[] labels;
    private final int classes;
    private final double gamma;
    private final double duration;

    /** Labels per sample id in [0, classes), the γ weight (≥ 0) and the trial duration T. */
    public FirstSpikeCrossEntropy(int[] labels, int classes, double gamma, double duration) {
        if (!(gamma >= 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("gamma must be finite and >= 0, got " + gamma);
        }
        if (!(duration > 0)) {
            throw new IllegalArgumentException("trial duration must be positive, got " + duration);
        }
        for (int k = 0; k < labels.length; k++) {
            if (labels[k] < 0 || labels[k] >= classes) {
                throw new IllegalArgumentException("label " + labels[k] + " of sample " + k + " is outside [0, "
                        + classes + ")");
            }
        }
        this.labels = labels.clone();
        this.classes = classes;
        this.gamma = gamma;
        this.duration = duration;
    }

    @Override
    public double evaluate(int sample, double[][] times, double[][] grad) {
        if (times.length != classes) {
            throw new IllegalArgumentException("the loss expects " + classes + " read-out neurons, got "
                    + times.length);
        }
        int label = labels[sample];
        double min = Double.POSITIVE_INFINITY;
        for (double[] t : times) {
            min = Math.min(min, t[0]);
        }
        double z = 0;
        for (double[] t : times) {
            z += Math.exp(-(t[0] - min));
        }
        double loss = (times[label][0] - min) + Math.log(z);
        for (int r = 0; r < classes; r++) {
            double softmax = Math.exp(-(times[r][0] - min)) / z;
            grad[r][0] = -softmax + (r == label ? 1 : 0);
        }
        double e = Math.exp(times[label][0] / duration);
        loss += gamma * (e - 1);
        grad[label][0] += gamma * e / duration;
        return loss;
    }

    /** Predicts {@link #predict}: the earliest read-out neuron. */
    @Override
    public Optional<Prediction> prediction() {
        return Optional.of(FirstSpikeCrossEntropy::predict);
    }

    /** Predicted class: the read-out neuron with the earliest output time (lowest index on ties). */
    public static int predict(double[][] times) {
        int best = 0;
        for (int r = 1; r < times.length; r++) {
            if (times[r][0] < times[best][0]) {
                best = r;
            }
        }
        return best;
    }
}
