package io.smoothspike.model;

/**
 * A neuron model: its validated constants, its state coordinates and a factory for population kernels.
 *
 * <p>Each model lives in one file together with its closed-form flow, time to next spike, input jump and reset.
 * Implementations are immutable value objects.
 */
public interface NeuronModel {

    /** Short stable identifier, e.g. {@code "qif"}. */
    String id();

    /** Names of the model coordinates of one neuron's state, e.g. {@code ["psi", "I"]}. */
    String[] stateNames();

    /** Number of model coordinates per neuron. */
    default int stateSize() {
        return stateNames().length;
    }

    /**
     * The interval {@code [low, high]} that model coordinate {@code coordinate} of a neuron's state lies in; a trained
     * initial state is kept in it after each optimizer step. A model whose coordinates are limited (a phase in
     * [0, Θ], an angle) overrides this; by default a coordinate is unbounded.
     */
    default double[] stateBounds(int coordinate) {
        return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
    }

    /**
     * Model coordinates of a neuron given its membrane potential and (for models with a synaptic current) its current.
     * Models without a current ignore {@code current}. {@code v} may be {@code -Infinity} for QIF-type models (reset).
     */
    double[] stateFromVoltage(double v, double current);

    /** Creates a kernel for a population of {@code size} neurons of this model. */
    PopulationKernel newKernel(int size);

    /** Names of the model constants that gradients are taken with respect to, e.g. {@code ["tau"]}. */
    String[] constantNames();

    /** Values of the model constants, in the order of {@link #constantNames()}. */
    double[] constants();

    /** A model of the same kind with other constant values (validated like the constructor). */
    NeuronModel withConstants(double[] constants);

    /** Index of the synaptic-current coordinate in the model state, or -1 for models without one. */
    default int currentIndex() {
        return -1;
    }

    /** Whether the model defines pseudodynamics past T (the comparison LIF model does not). */
    default boolean hasPseudodynamics() {
        return true;
    }

    /**
     * Pseudodynamics of one neuron from its state at T ({@code state[off...]}, model coordinates), pseudo input
     * {@code u} and softplus sharpness {@code alpha}: writes φ_p, Θ_p and their derivatives into {@code out}.
     */
    void pseudo(double[] state, int off, double u, double alpha, PseudoState out);
}
