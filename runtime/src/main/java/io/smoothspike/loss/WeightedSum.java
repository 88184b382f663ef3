package io.smoothspike.loss;

import java.util.List;
import java.util.Optional;

/**
 * {@code Σ weight_k · loss_k} of losses on the same output times; it predicts as its first term that defines a
 * prediction.
 */
public final class WeightedSum implements Loss {

    private final List<Loss> losses;
    private final double[] weights;

    public WeightedSum(List<Loss> losses, double[] weights) {
        if (losses.isEmpty() || losses.size() != weights.length) {
            throw new IllegalArgumentException("a weighted sum needs one weight per loss and at least one loss; got "
                    + losses.size() + " losses and " + weights.length + " weights");
        }
        for (double w : weights) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("loss weights must be finite, got " + w);
            }
        }
        this.losses = List.copyOf(losses);
        this.weights = weights.clone();
    }

    @Override
    public double evaluate(int sample, double[][] times, double[][] grad) {
        double total = 0;
        double[][] part = new double[grad.length][];
        for (int r = 0; r < grad.length; r++) {
            part[r] = new double[grad[r].length];
        }
        for (int k = 0; k < losses.size(); k++) {
            for (double[] p : part) {
                java.util.Arrays.fill(p, 0);
            }
            total += weights[k] * losses.get(k).evaluate(sample, times, part);
            for (int r = 0; r < grad.length; r++) {
                for (int j = 0; j < grad[r].length; j++) {
                    grad[r][j] += weights[k] * part[r][j];
                }
            }
        }
        return total;
    }

    @Override
    public Optional<Prediction> prediction() {
        return losses.stream().map(Loss::prediction).flatMap(Optional::stream).findFirst();
    }
}
