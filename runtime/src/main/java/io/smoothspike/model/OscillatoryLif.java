package io.smoothspike.model;

/**
 * Oscillatory LIF neuron with delta-pulse coupling (comparison model):
 * {@code τ dV/dt = −V + I0 + τ Σ w δ(t − t_in)}, {@code I0 > V_th}; a spike is V reaching V_th, after which V = 0.
 * In phase form, {@code φ = Φ(V) = τ ln(1/(1 − V/I0))} advances at rate 1, the period is {@code Θ = Φ(V_th)}, and an
 * input maps φ to {@code H(φ, w) = Φ(min(Φ⁻¹(φ) + w, V_th))} (an input that lifts V to the threshold makes the
 * neuron spike at once). Model coordinate: φ ∈ (−∞, Θ] (negative after strong inhibition).
 */
public final class OscillatoryLif implements NeuronModel {

    private static final String ID = "oscillatory-lif";
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

        Kernel(int size, OscillatoryLif model) {
            super(size);
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
            Checks.state(Double.isFinite(phi) && phi <= period, ID,
                    "phase must be finite and at most Theta = " + period + ", got " + phi);
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
    }
}
