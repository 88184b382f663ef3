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
     * Model coordinates of a neuron given its membrane potential and (for models with a synaptic current) its current.
     * Models without a current ignore {@code current}. {@code v} may be {@code -Infinity} for QIF-type models (reset).
     */
    double[] stateFromVoltage(double v, double current);

    /** Creates a kernel for a population of {@code size} neurons of this model. */
    PopulationKernel newKernel(int size);
}
