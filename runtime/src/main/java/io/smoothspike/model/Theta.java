package io.smoothspike.model;

import io.smoothspike.math.Arctangent;
import java.util.List;

/**
 * Theta neuron: QIF with constant drive and delta-pulse coupling,
 * {@code τ dV/dt = V(V − 1) + I0 + τ Σ w δ(t − t_in)}, {@code I0 > 1/4}. With {@code r = sqrt(I0 − 1/4)} the phase
 * {@code φ = (τ/r)(atan((V − 1/2)/r) + π/2) ∈ [0, Θ]} advances at rate 1 with period {@code Θ = τπ/r}; a spike is
 * φ = Θ, after which φ = 0, and an input maps φ to {@code H(φ, w) = Φ(Φ⁻¹(φ) + w)}. Model coordinate: φ.
 *
 * <p><b>Representation.</b> With {@code x = (V − 1/2)/r = tan χ}, {@code χ = (r/τ)φ − π/2}, every neuron rotates at
 * the same angular rate ω = r/τ. Each neuron stores a vector (a, b) in a frame that co-rotates with time: its actual
 * projective pair at time t is {@code (P, Q) = R(ωt)(a, b)}, {@code x = P/Q}. Between inputs nothing is updated; an
 * input is the shear {@code P += (w/r) Q}, applied in the frame with the population's shared cos(ωt), sin(ωt): no
 * transcendental function per synaptic event. Shears at one time add up, so a synaptic event only adds its weight to
 * the target's pending input, and the summed shear is applied once per neuron and event time. Spike (Q = 0, P &gt; 0)
 * and reset (Q = 0, P &lt; 0) are finite points; an input cannot move a neuron that sits exactly at either.
 *
 * <p><b>Next spike.</b> All phases advance together, so the next spiker is the neuron with the largest χ, found by
 * a linear scan with cross products (no division, no transcendental) when the population changed; one atan2 gives
 * its spike time. Bookkeeping is O(n) per event that touches the population.
 *
 * <p><b>Files.</b> This class is the model: constants, input map, pseudodynamics and the kernel factory. The
 * population kernel is split by job: {@code ThetaKernel} (forward state, delivery, next spiker), {@code ThetaRecord}
 * (what a recorded forward run keeps), {@code ThetaBackward} (the backward sweep) and {@code ThetaRotations} (the
 * shared cache of cos ωt, sin ωt).
 */
public final class Theta implements NeuronModel {

    private static final String ID = "theta";

    /** The theta model as descriptions name it: constants {@code tau > 0}, {@code drive > 1/4}; initial phase. */
    public static final NeuronModelType TYPE = new NeuronModelType(ID, List.of(ModelConstant.positive("tau"),
            ModelConstant.above("drive", 0.25)), UserCoordinates.PHASE, c -> new Theta(c[0], c[1]));
    private final double tau;
    private final double drive;
    /** {@code sqrt(I0 − 1/4)} and {@code τπ/r}, kept: the pseudodynamics at T need them per neuron. */
    private final double r;
    private final double period;

    /** A theta neuron with time constant {@code tau} and constant drive {@code drive = I0 > 1/4}. */
    public Theta(double tau, double drive) {
        this.tau = Checks.positive(ID, "tau", tau);
        this.drive = Checks.greaterThan(ID, "I0 (constant drive)", drive, 0.25, "1/4 (below it the neuron rests)");
        this.r = Math.sqrt(drive - 0.25);
        this.period = tau * Math.PI / r;
    }

    public double tau() {
        return tau;
    }

    /** Constant drive I0. */
    public double drive() {
        return drive;
    }

    /** {@code r = sqrt(I0 − 1/4)}. */
    public double r() {
        return r;
    }

    /** Free-running period {@code Θ = τπ/r}. */
    public double period() {
        return period;
    }

    /** Phase of voltage v: {@code Φ(v) = (τ/r)(atan((v − 1/2)/r) + π/2)}; {@code Φ(−∞) = 0}. */
    public double phaseOf(double v) {
        return tau / r * (Math.atan((v - 0.5) / r) + Math.PI / 2);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String[] stateNames() {
        return new String[] {"phase"};
    }

    /** The phase lies in [0, Θ]. */
    @Override
    public double[] stateBounds(int coordinate) {
        return new double[] {0, period()};
    }

    @Override
    public double[] stateFromVoltage(double v, double current) {
        if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(ID + ": initial V must be finite or -Infinity, got " + v);
        }
        return new double[] {phaseOf(v)};
    }

    @Override
    public PopulationKernel newKernel(int size) {
        return new ThetaKernel(size, this);
    }

    @Override
    public String[] constantNames() {
        return new String[] {"tau", "drive"};
    }

    @Override
    public double[] constants() {
        return new double[] {tau, drive};
    }

    @Override
    public Theta withConstants(double[] c) {
        return new Theta(c[0], c[1]);
    }

    /**
     * Pseudo phase {@code φ_p = H(φ(T), u)} and period {@code Θ_p = Θ}. The point before the pseudo input is
     * {@code x = (V − 1/2)/r = −cot(rφ/τ)}, taken as (p, q) = (−1, tan) or (1, −tan) so that q ≥ 0.
     */
    @Override
    public void pseudo(double[] state, int off, double u, double alpha, PseudoState out) {
        double phi = state[off];
        double p = -1;
        double q = 0;
        if (phi != 0) {
            double t = Math.tan(r / tau * phi);
            p = t < 0 ? 1 : -1;
            q = Math.abs(t);
        }
        jump(phi, p, q, u, out);
        out.period = period();
        out.dPeriodDState[0] = 0;
        out.dPeriodDInput = 0;
        out.dPeriodDConstant[0] = out.period / tau;
        out.dPeriodDConstant[1] = -out.period / (2 * (drive - 0.25));
    }

    /**
     * The input map H(φ, w) and its derivatives, from the phase φ before the input and its projective point (p, q),
     * q ≥ 0 ({@code x = (V − 1/2)/r = p/q}), written into the phase entries of {@code out}: {@code phase} = H,
     * {@code dPhaseDState[0]} = ∂H/∂φ, {@code dPhaseDInput} = ∂H/∂w, {@code dPhaseDConstant} = ∂H/∂(τ, I0). All
     * finite, also at the reset (q = 0, p &lt; 0), where H = 0 and the input has no effect. For w = 0, H = φ without
     * rounding.
     */
    void jump(double phi, double p, double q, double w, PseudoState out) {
        double pp = p + w / r * q;
        double n2 = pp * pp + q * q;
        // no input (e.g. the pseudo input of a layer without presynaptic populations): H = φ, exactly
        double h = w == 0 ? phi : (Arctangent.atan2(pp, q) + Math.PI / 2) * tau / r;
        double dPhase = (p * p + q * q) / n2;
        double dWeight = tau / (r * r) * q * q / n2;
        double dr = -h / r + phi / r * dPhase - w / r * dWeight;
        out.phase = h;
        out.dPhaseDState[0] = dPhase;
        out.dPhaseDInput = dWeight;
        out.dPhaseDConstant[0] = (h - phi * dPhase) / tau;
        out.dPhaseDConstant[1] = dr / (2 * r);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Theta other && Double.compare(other.tau, tau) == 0
                && Double.compare(other.drive, drive) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(tau) + Double.hashCode(drive);
    }

    @Override
    public String toString() {
        return "Theta[tau=" + tau + ", I0=" + drive + "]";
    }
}
