package io.smoothspike.loss;

import java.util.Objects;
import java.util.Optional;

/**
 * A scalar loss of one trial's output times. {@code times[r][j]} is the j-th output time of read-out neuron r
 * (ordinary spikes first, then pseudospikes past T). A classification loss also says which class a trial's output
 * times predict ({@link #prediction}); metrics report accuracy only for such losses.
 */
@FunctionalInterface
public interface Loss {

    /**
     * Returns the loss of trial {@code sample} and writes ∂L/∂times into {@code grad} (same shape, zero on entry).
     */
    double evaluate(int sample, double[][] times, double[][] grad);

    /** The class a trial's output times predict under this loss, if it defines one (none by default). */
    default Optional<Prediction> prediction() {
        return Optional.empty();
    }

    /** {@code loss} with the class prediction {@code prediction} (a lambda cannot override {@link #prediction}). */
    static Loss predicting(Loss loss, Prediction prediction) {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(prediction, "prediction");
        return new Loss() {
            @Override
            public double evaluate(int sample, double[][] times, double[][] grad) {
                return loss.evaluate(sample, times, grad);
            }

            @Override
            public Optional<Prediction> prediction() {
                return Optional.of(prediction);
            }
        };
    }
}
