package io.smoothspike.loss;

/**
 * A scalar loss of one trial's output times. {@code times[r][j]} is the j-th output time of read-out neuron r
 * (ordinary spikes first, then pseudospikes past T).
 */
@FunctionalInterface
public interface Loss {

    /**
     * Returns the loss of trial {@code sample} and writes ∂L/∂times into {@code grad} (same shape, zero on entry).
     */
    double evaluate(int sample, double[][] times, double[][] grad);
}
