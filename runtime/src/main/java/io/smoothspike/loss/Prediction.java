package io.smoothspike.loss;

/** The class a trial's output times predict, for a classification {@link Loss}. */
@FunctionalInterface
public interface Prediction {

    /** The predicted class of the output times {@code times[r][j]} (read-out neuron r, output time j). */
    int predict(double[][] times);
}
