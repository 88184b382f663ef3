package io.smoothspike.grad;

import io.smoothspike.model.NeuronModel;
import io.smoothspike.model.PseudoState;

/**
 * Pseudodynamics of every neuron of one population at the end of a trial, with the derivatives the backward pass
 * needs, in flat arrays. {@code zeroCurrent} evaluates each neuron with its synaptic current set to 0 (the recurrent
 * rule's presynaptic rates); the current then receives no gradient.
 */
final class PseudoBlock {

    private final NeuronModel model;
    private final int size;
    private final int dim;
    private final int constants;
    private final boolean zeroCurrent;
    private final PseudoState scratch;
    private final double[] state;

    final double[] phase;
    final double[] period;
    private final double[] dPhaseDState;
    private final double[] dPeriodDState;
    private final double[] dPhaseDInput;
    private final double[] dPeriodDInput;
    private final double[] dPhaseDConst;
    private final double[] dPeriodDConst;

    PseudoBlock(NeuronModel model, int size, boolean zeroCurrent) {
        this.model = model;
        this.size = size;
        this.dim = model.stateSize();
        this.constants = model.constantNames().length;
        this.zeroCurrent = zeroCurrent;
        this.scratch = PseudoState.of(model);
        this.state = new double[dim];
        this.phase = new double[size];
        this.period = new double[size];
        this.dPhaseDState = new double[size * dim];
        this.dPeriodDState = new double[size * dim];
        this.dPhaseDInput = new double[size];
        this.dPeriodDInput = new double[size];
        this.dPhaseDConst = new double[size * constants];
        this.dPeriodDConst = new double[size * constants];
    }

    /** Evaluates all neurons from their states at T ({@code finalState}) and pseudo inputs {@code u} (or none). */
    void compute(double[] finalState, double[] u, double alpha) {
        int current = zeroCurrent ? model.currentIndex() : -1;
        // plain loops: the per-neuron vectors are a few entries long, too short for System.arraycopy to pay off
        for (int i = 0; i < size; i++) {
            for (int c = 0; c < dim; c++) {
                state[c] = c == current ? 0 : finalState[i * dim + c];
            }
            model.pseudo(state, 0, u == null ? 0 : u[i], alpha, scratch);
            phase[i] = scratch.phase;
            period[i] = scratch.period;
            for (int c = 0; c < dim; c++) {
                dPhaseDState[i * dim + c] = c == current ? 0 : scratch.dPhaseDState[c];
                dPeriodDState[i * dim + c] = c == current ? 0 : scratch.dPeriodDState[c];
            }
            dPhaseDInput[i] = scratch.dPhaseDInput;
            dPeriodDInput[i] = scratch.dPeriodDInput;
            for (int c = 0; c < constants; c++) {
                dPhaseDConst[i * constants + c] = scratch.dPhaseDConstant[c];
                dPeriodDConst[i * constants + c] = scratch.dPeriodDConstant[c];
            }
        }
    }

    /** Pseudo rate ρ = φ_p/Θ_p of neuron i. */
    double rate(int i) {
        return phase[i] / period[i];
    }

    /**
     * Backward: from dL/dφ_p and dL/dΘ_p per neuron, adds dL/d(state at T) into {@code dState}, dL/du into
     * {@code dInput} (if not null) and dL/d(constants) into {@code dConst}.
     */
    void backward(double[] dPhase, double[] dPeriod, double[] dState, double[] dInput, double[] dConst) {
        for (int i = 0; i < size; i++) {
            double gp = dPhase[i];
            double gq = dPeriod[i];
            if (gp == 0 && gq == 0) {
                continue;
            }
            for (int c = 0; c < dim; c++) {
                dState[i * dim + c] += gp * dPhaseDState[i * dim + c] + gq * dPeriodDState[i * dim + c];
            }
            if (dInput != null) {
                dInput[i] += gp * dPhaseDInput[i] + gq * dPeriodDInput[i];
            }
            for (int c = 0; c < constants; c++) {
                dConst[c] += gp * dPhaseDConst[i * constants + c] + gq * dPeriodDConst[i * constants + c];
            }
        }
    }

    /** Adds the chain rule of ρ = φ_p/Θ_p: from dL/dρ into dL/dφ_p and dL/dΘ_p. */
    void rateBackward(double[] dRate, double[] dPhase, double[] dPeriod) {
        for (int i = 0; i < size; i++) {
            double g = dRate[i];
            if (g != 0) {
                dPhase[i] += g / period[i];
                dPeriod[i] -= g * phase[i] / (period[i] * period[i]);
            }
        }
    }
}
