package io.smoothspike.model;

/**
 * Pseudodynamics of one neuron past the trial end T (docs/method.md §4), with derivatives: the pseudo phase φ_p and
 * pseudo period Θ_p that place its k-th pseudospike at {@code T + kΘ_p − φ_p}, as functions of its state at T (model
 * coordinates), its pseudo input u, the model constants and the softplus sharpness α. A reusable output holder.
 */
public final class PseudoState {

    /** Pseudo phase φ_p. */
    public double phase;
    /** Pseudo period Θ_p. */
    public double period;
    /** ∂φ_p/∂(state at T), one entry per model coordinate. */
    public final double[] dPhaseDState;
    /** ∂Θ_p/∂(state at T). */
    public final double[] dPeriodDState;
    /** ∂φ_p/∂u. */
    public double dPhaseDInput;
    /** ∂Θ_p/∂u. */
    public double dPeriodDInput;
    /** ∂φ_p/∂(model constants), in the order of {@link NeuronModel#constantNames()}. */
    public final double[] dPhaseDConstant;
    /** ∂Θ_p/∂(model constants). */
    public final double[] dPeriodDConstant;

    /** A holder for a model with the given numbers of state coordinates and constants. */
    public PseudoState(int stateSize, int constantCount) {
        this.dPhaseDState = new double[stateSize];
        this.dPeriodDState = new double[stateSize];
        this.dPhaseDConstant = new double[constantCount];
        this.dPeriodDConstant = new double[constantCount];
    }

    /** A holder sized for {@code model}. */
    public static PseudoState of(NeuronModel model) {
        return new PseudoState(model.stateSize(), model.constantNames().length);
    }

    /** Pseudo rate ρ = φ_p/Θ_p. */
    public double rate() {
        return phase / period;
    }

    /** Time of the k-th pseudospike (k ≥ 1) for a trial of duration T. */
    public double spikeTime(double duration, int k) {
        return duration + k * period - phase;
    }
}
