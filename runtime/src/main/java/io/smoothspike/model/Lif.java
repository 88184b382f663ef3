package io.smoothspike.model;

import java.util.List;

/**
 * Leaky integrate-and-fire neuron with the QIF model's synaptic current (comparison model):
 * {@code τ dV/dt = −V + I}, {@code I(t) = I(t0) exp(−2(t − t0)/τ)}; an input of weight w adds w to I; a spike is V
 * reaching the threshold V_th, after which V = 0. Model coordinates: {@code (V, I)}, always finite.
 *
 * <p>Flow over Δ with {@code x = exp(−Δ/τ)}: {@code V ← V x + I (x − x²)}, {@code I ← I x²}. Threshold time: the
 * largest root x ∈ (0, 1) of {@code I x² − (V + I) x + V_th = 0} (only for I &gt; 0), {@code Δ* = −τ ln x}. Unlike the
 * QIF model, spikes appear and vanish inside the trial when the voltage maximum touches the threshold, so spike times
 * jump as parameters vary.
 */
public final class Lif implements NeuronModel {

    private static final String ID = "lif";

    /** The lif model as descriptions name it: constants {@code tau > 0}, {@code threshold > 0} (default 1). */
    public static final NeuronModelType TYPE = new NeuronModelType(ID, List.of(ModelConstant.positive("tau"),
            ModelConstant.positive("threshold").withDefault(1)), UserCoordinates.VOLTAGE_AND_CURRENT,
            c -> new Lif(c[0], c[1]));
    private final double tau;
    private final double threshold;

    /** A LIF neuron with time constant {@code tau} and threshold {@code threshold > 0}. */
    public Lif(double tau, double threshold) {
        this.tau = Checks.positive(ID, "tau", tau);
        this.threshold = Checks.positive(ID, "threshold V_th", threshold);
    }

    public double tau() {
        return tau;
    }

    /** Threshold V_th. */
    public double threshold() {
        return threshold;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String[] stateNames() {
        return new String[] {"V", "I"};
    }

    @Override
    public double[] stateFromVoltage(double v, double current) {
        if (!Double.isFinite(v) || !Double.isFinite(current)) {
            throw new IllegalArgumentException(ID + ": initial V and I must be finite, got V=" + v + ", I=" + current);
        }
        return new double[] {v, current};
    }

    @Override
    public PopulationKernel newKernel(int size) {
        return new Kernel(size, tau, threshold);
    }

    @Override
    public int currentIndex() {
        return 1;
    }

    @Override
    public String[] constantNames() {
        return new String[] {"tau", "threshold"};
    }

    @Override
    public double[] constants() {
        return new double[] {tau, threshold};
    }

    @Override
    public Lif withConstants(double[] c) {
        return new Lif(c[0], c[1]);
    }

    /** The LIF comparison model has no pseudodynamics. */
    @Override
    public boolean hasPseudodynamics() {
        return false;
    }

    /** Always throws: the LIF comparison model has no pseudospikes (docs/method.md §4 covers QIF and phase models). */
    @Override
    public void pseudo(double[] state, int off, double u, double alpha, PseudoState out) {
        throw new UnsupportedOperationException("the LIF model has no pseudodynamics: use it for forward comparisons, "
                + "or read out ordinary spikes only; for gradient training use a model with pseudodynamics (qif, theta, "
                + "oscillatory-lif or a registered one of your own)");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lif other && Double.compare(other.tau, tau) == 0
                && Double.compare(other.threshold, threshold) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(tau) + Double.hashCode(threshold);
    }

    @Override
    public String toString() {
        return "Lif[tau=" + tau + ", Vth=" + threshold + "]";
    }

    /** LIF population, advanced lazily. */
    static final class Kernel extends LazyKernel {
        private final double tau;
        private final double threshold;
        private final double[] v;
        private final double[] current;

        Kernel(int size, double tau, double threshold) {
            super(size, 2, 2, 2);
            this.tau = tau;
            this.threshold = threshold;
            this.v = new double[size + 1];
            this.current = new double[size + 1];
        }

        @Override
        protected void flow(int s, double dt) {
            if (dt == 0) {
                return;
            }
            double x = Math.exp(-dt / tau);
            double oneMinusX = Qif.oneMinusExp(dt / tau, x);
            double in = current[s];
            v[s] = v[s] * x + in * x * oneMinusX;
            current[s] = in * x * x;
        }

        @Override
        protected void jump(int s, double w) {
            current[s] += w;
        }

        @Override
        protected double timeToSpike(int s) {
            double vv = v[s];
            double in = current[s];
            if (vv >= threshold) {
                return 0;
            }
            if (!(in > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            double b = vv + in;
            if (!(b > 0) || !(b < 2 * in)) {
                // the parabola's vertex lies outside (0, 1): both roots are in the past or never reached
                return Double.POSITIVE_INFINITY;
            }
            double disc = b * b - 4 * in * threshold;
            if (disc < 0) {
                return Double.POSITIVE_INFINITY;
            }
            double x = (b + Math.sqrt(disc)) / (2 * in);
            return x >= 1 ? 0 : -tau * Math.log(x);
        }

        @Override
        protected void pinAtSpike(int s) {
            v[s] = threshold;
        }

        @Override
        protected void reset(int s) {
            v[s] = 0;
        }

        @Override
        protected void load(int s, double[] state, int off) {
            if (!(Double.isFinite(state[off]) && Double.isFinite(state[off + 1]))) {
                throw Checks.invalidState(ID, "V and I must be finite, got V=" + state[off] + ", I=" + state[off + 1]);
            }
            v[s] = state[off];
            current[s] = state[off + 1];
        }

        @Override
        protected void store(int s, double[] out, int off) {
            out[off] = v[s];
            out[off + 1] = current[s];
        }

        @Override
        protected double voltage(int s) {
            return v[s];
        }

        @Override
        protected void copy(int from, int to) {
            v[to] = v[from];
            current[to] = current[from];
        }

        @Override
        protected void flowDerivatives(double[] x, int xo, double dt, double[] end, double[] jac, double[] dConst,
                double[] fEnd) {
            double e = Math.exp(-dt / tau);
            double om = Qif.oneMinusExp(dt / tau, e);
            end[0] = x[xo] * e + x[xo + 1] * e * om;
            end[1] = x[xo + 1] * e * e;
            jac[0] = e;
            jac[1] = e * om;
            jac[2] = 0;
            jac[3] = e * e;
            fEnd[0] = (end[1] - end[0]) / tau;
            fEnd[1] = -2 * end[1] / tau;
            // τ only rescales time: ∂F/∂τ = −(Δ/τ) f(F); the threshold does not enter the flow
            dConst[0] = -dt / tau * fEnd[0];
            dConst[1] = 0;
            dConst[2] = -dt / tau * fEnd[1];
            dConst[3] = 0;
        }

        /** An input adds its weight to I, coordinate 1, and does nothing else. */
        @Override
        protected int additiveJumpCoordinate() {
            return 1;
        }

        @Override
        protected void jumpDerivatives(double[] x, int xo, double w, double[] xPlus, double[] jac, double[] dw,
                double[] dConst) {
            xPlus[0] = x[xo];
            xPlus[1] = x[xo + 1] + w;
            jac[0] = 1;
            jac[1] = 0;
            jac[2] = 0;
            jac[3] = 1;
            dw[0] = 0;
            dw[1] = 1;
            java.util.Arrays.fill(dConst, 0);
        }

        @Override
        protected void resetDerivatives(double[] x, int xo, double[] xPlus, double[] jac) {
            xPlus[0] = 0;
            xPlus[1] = x[xo + 1];
            jac[0] = 0;
            jac[1] = 0;
            jac[2] = 0;
            jac[3] = 1;
        }

        @Override
        protected void thresholdGradient(double[] gx, double[] gConst) {
            gx[0] = 1;
            gx[1] = 0;
            gConst[0] = 0;
            gConst[1] = -1;
        }
    }
}
