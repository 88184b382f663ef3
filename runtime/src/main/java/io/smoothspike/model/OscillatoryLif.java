package io.smoothspike.model;

import java.util.List;

/**
 * Oscillatory LIF neuron with delta-pulse coupling (comparison model):
 * {@code τ dV/dt = −V + I0 + τ Σ w δ(t − t_in)}, {@code I0 > V_th}; a spike is V reaching V_th, after which V = 0.
 * In phase form, {@code φ = Φ(V) = τ ln(1/(1 − V/I0))} advances at rate 1, the period is {@code Θ = Φ(V_th)}, and an
 * input maps φ to {@code H(φ, w) = Φ(min(Φ⁻¹(φ) + w, V_th))} (an input that lifts V to the threshold makes the
 * neuron spike at once). Model coordinate: φ ∈ (−∞, Θ] (negative after strong inhibition).
 */
public final class OscillatoryLif implements NeuronModel {

    private static final String ID = "oscillatory-lif";

    /**
     * The oscillatory-lif model as descriptions name it: constants {@code tau > 0}, {@code drive > threshold},
     * {@code threshold > 0} (default 1); initial phase.
     */
    public static final NeuronModelType TYPE = new NeuronModelType(ID, List.of(ModelConstant.positive("tau"),
            ModelConstant.above("drive", "threshold"), ModelConstant.positive("threshold").withDefault(1)),
            UserCoordinates.PHASE, c -> new OscillatoryLif(c[0], c[1], c[2]));
    private final double tau;
    private final double drive;
    private final double threshold;

    /** An oscillatory LIF neuron; requires {@code tau > 0}, {@code threshold > 0} and {@code drive > threshold}. */
    public OscillatoryLif(double tau, double drive, double threshold) {
        this.tau = Checks.positive(ID, "tau", tau);
        this.threshold = Checks.positive(ID, "threshold V_th", threshold);
        this.drive = Checks.greaterThan(ID, "I0 (constant drive)", drive, threshold,
                "the threshold V_th = " + threshold + " (otherwise the neuron never fires)");
    }

    public double tau() {
        return tau;
    }

    /** Constant drive I0. */
    public double drive() {
        return drive;
    }

    /** Threshold V_th. */
    public double threshold() {
        return threshold;
    }

    /** Period {@code Θ = Φ(V_th)}. */
    public double period() {
        return -tau * Math.log1p(-threshold / drive);
    }

    /** Phase of voltage {@code v < I0}: {@code Φ(v) = −τ ln(1 − v/I0)}. */
    public double phaseOf(double v) {
        return -tau * Math.log1p(-v / drive);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String[] stateNames() {
        return new String[] {"phase"};
    }

    /** The phase is at most Θ (negative after strong inhibition). */
    @Override
    public double[] stateBounds(int coordinate) {
        return new double[] {Double.NEGATIVE_INFINITY, period()};
    }

    @Override
    public double[] stateFromVoltage(double v, double current) {
        if (!Double.isFinite(v) || v > threshold) {
            throw new IllegalArgumentException(ID + ": initial V must be finite and at most V_th = " + threshold
                    + ", got " + v);
        }
        return new double[] {phaseOf(v)};
    }

    @Override
    public PopulationKernel newKernel(int size) {
        return new Kernel(size, this);
    }

    @Override
    public String[] constantNames() {
        return new String[] {"tau", "drive", "threshold"};
    }

    @Override
    public double[] constants() {
        return new double[] {tau, drive, threshold};
    }

    @Override
    public OscillatoryLif withConstants(double[] c) {
        return new OscillatoryLif(c[0], c[1], c[2]);
    }

    /** Pseudo phase {@code φ_p = H(φ(T), u)} and period {@code Θ_p = Θ}. */
    @Override
    public void pseudo(double[] state, int off, double u, double alpha, PseudoState out) {
        double[] h = new double[JUMP_RESULTS];
        jump(state[off], u, h);
        out.phase = h[0];
        out.period = period();
        out.dPhaseDState[0] = h[1];
        out.dPeriodDState[0] = 0;
        out.dPhaseDInput = h[2];
        out.dPeriodDInput = 0;
        System.arraycopy(h, 3, out.dPhaseDConstant, 0, 3);
        periodDerivatives(out.dPeriodDConstant);
    }

    /** Number of entries {@link #jump} writes. */
    static final int JUMP_RESULTS = 6;

    /**
     * The input map {@code H(φ, w) = Φ(min(Φ⁻¹(φ) + w, V_th))} and its derivatives: writes
     * {@code {H, ∂H/∂φ, ∂H/∂w, ∂H/∂τ, ∂H/∂I0, ∂H/∂V_th}}. When the input reaches the threshold, H = Θ.
     */
    void jump(double phi, double w, double[] out) {
        double e = Math.exp(-phi / tau);
        double v = drive * (1 - e);
        double vp = v + w;
        if (vp >= threshold) {
            out[0] = period();
            out[1] = 0;
            out[2] = 0;
            periodDerivatives(out, 3);
            return;
        }
        double h = -tau * Math.log1p(-vp / drive);
        double slope = tau / (drive - vp);
        out[0] = h;
        out[1] = (drive - v) / (drive - vp);
        out[2] = slope;
        out[3] = h / tau - slope * phi / (tau * tau) * (drive - v);
        out[4] = -tau * vp / (drive * (drive - vp)) + slope * v / drive;
        out[5] = 0;
    }

    private void periodDerivatives(double[] out) {
        periodDerivatives(out, 0);
    }

    /** Writes {@code ∂Θ/∂τ, ∂Θ/∂I0, ∂Θ/∂V_th} into {@code out[off...]}. */
    void periodDerivatives(double[] out, int off) {
        out[off] = period() / tau;
        out[off + 1] = -tau * threshold / (drive * (drive - threshold));
        out[off + 2] = tau / (drive - threshold);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OscillatoryLif other && Double.compare(other.tau, tau) == 0
                && Double.compare(other.drive, drive) == 0 && Double.compare(other.threshold, threshold) == 0;
    }

    @Override
    public int hashCode() {
        return (31 * Double.hashCode(tau) + Double.hashCode(drive)) * 31 + Double.hashCode(threshold);
    }

    @Override
    public String toString() {
        return "OscillatoryLif[tau=" + tau + ", I0=" + drive + ", Vth=" + threshold + "]";
    }

    /** Oscillatory LIF population in phase form, advanced lazily. */
    static final class Kernel extends LazyKernel {
        private final double tau;
        private final double drive;
        private final double threshold;
        private final double period;
        private final double[] phase;

        private final OscillatoryLif model;
        private final double[] jumpResult = new double[JUMP_RESULTS];

        Kernel(int size, OscillatoryLif model) {
            super(size, 1, 1, 3);
            this.model = model;
            this.tau = model.tau;
            this.drive = model.drive;
            this.threshold = model.threshold;
            this.period = model.period();
            this.phase = new double[size + 1];
        }

        @Override
        protected void flow(int s, double dt) {
            phase[s] += dt;
        }

        @Override
        protected void jump(int s, double w) {
            double v = voltage(s) + w;
            phase[s] = v >= threshold ? period : -tau * Math.log1p(-v / drive);
        }

        @Override
        protected double timeToSpike(int s) {
            return Math.max(0, period - phase[s]);
        }

        @Override
        protected void pinAtSpike(int s) {
            phase[s] = period;
        }

        @Override
        protected void reset(int s) {
            phase[s] = 0;
        }

        @Override
        protected void load(int s, double[] state, int off) {
            double phi = state[off];
            if (!(Double.isFinite(phi) && phi <= period)) {
                throw Checks.invalidState(ID, "phase must be finite and at most Theta = " + period + ", got " + phi);
            }
            phase[s] = phi;
        }

        @Override
        protected void store(int s, double[] out, int off) {
            out[off] = phase[s];
        }

        @Override
        protected double voltage(int s) {
            return -drive * Math.expm1(-phase[s] / tau);
        }

        @Override
        protected void copy(int from, int to) {
            phase[to] = phase[from];
        }

        @Override
        protected void flowDerivatives(double[] x, int xo, double dt, double[] end, double[] jac, double[] dConst,
                double[] fEnd) {
            end[0] = x[xo] + dt;
            jac[0] = 1;
            fEnd[0] = 1;
            java.util.Arrays.fill(dConst, 0);
        }

        @Override
        protected void jumpDerivatives(double[] x, int xo, double w, double[] xPlus, double[] jac, double[] dw,
                double[] dConst) {
            model.jump(x[xo], w, jumpResult);
            xPlus[0] = jumpResult[0];
            jac[0] = jumpResult[1];
            dw[0] = jumpResult[2];
            System.arraycopy(jumpResult, 3, dConst, 0, 3);
        }

        @Override
        protected void resetDerivatives(double[] x, int xo, double[] xPlus, double[] jac) {
            xPlus[0] = 0;
            jac[0] = 0;
        }

        @Override
        protected void thresholdGradient(double[] gx, double[] gConst) {
            gx[0] = 1;
            model.periodDerivatives(gConst, 0);
            for (int k = 0; k < 3; k++) {
                gConst[k] = -gConst[k];
            }
        }
    }
}
