package io.smoothspike.examples;

import io.smoothspike.model.LazyKernel;
import io.smoothspike.model.ModelConstant;
import io.smoothspike.model.NeuronModel;
import io.smoothspike.model.NeuronModelType;
import io.smoothspike.model.PopulationKernel;
import io.smoothspike.model.PseudoState;
import io.smoothspike.model.UserCoordinates;
import java.util.List;

/**
 * A user-defined neuron model, written outside the library: the current-based leaky integrate-and-fire neuron with
 * membrane time constant twice the synaptic one, {@code τ_m = 2 τ_s}, as used for time-to-first-spike learning
 * (Göltz et al. 2021, "Fast and energy-efficient neuromorphic deep learning with first-spike times"):
 * <pre>
 *   τ_m dV/dt = −V + I,   τ_s dI/dt = −I,   an input of weight w adds w to I,
 *   a spike is V reaching the threshold ϑ, after which V = 0.
 * </pre>
 * Conventions: V is measured from the leak potential (which is also the reset potential) and the current in the
 * same units as V (conductance 1). Model coordinates: {@code (V, I)}, always finite. Constants: {@code tauSyn} (τ_s)
 * and {@code threshold} (ϑ); both take gradients.
 *
 * <p><b>Flow.</b> Over Δ, with {@code x = exp(−Δ/τ_m)} (so {@code exp(−Δ/τ_s) = x²}):
 * {@code V ← (V + I) x − I x²}, {@code I ← I x²}.
 *
 * <p><b>Spike time in closed form.</b> Because V is a quadratic in x, the threshold crossing is the root of
 * {@code I x² − (V + I) x + ϑ = 0}: for I &gt; 0 and a vertex {@code (V + I)/(2I)} in (0, 1), the larger root x*
 * (the earlier time) if the discriminant is not negative, and {@code Δ* = −τ_m ln x*}. For I ≤ 0 V never rises above
 * max(V, 0), so a neuron below a positive threshold never fires.
 *
 * <p><b>Pseudodynamics</b> (for neurons that fire fewer spikes than a read-out asks for): past the trial end T the
 * neuron is held at the constant current {@code D = ϑ + softplus_α(I(T) + u)}, a drive just above its rheobase ϑ that
 * grows with its current and pseudo input u, and fires regularly. Under that drive the period from reset is
 * {@code Θ_p = τ_m ln(D/(D − ϑ))}, and the first pseudospike comes when V(T) reaches ϑ, after
 * {@code τ_m ln((D − V(T))/(D − ϑ)) = Θ_p − φ_p} with the pseudo phase {@code φ_p = τ_m ln(D/(D − V(T)))} (the time the
 * driven neuron would need from reset to V(T); negative after inhibition, V(T) &lt; 0). The built-in {@code lif}
 * model has the same forward dynamics (with τ = τ_m) but no pseudodynamics; this model can therefore be trained with
 * losses that need spikes from silent neurons.
 */
public final class CurrentLif implements NeuronModel {

    /** Identifier of this model. */
    public static final String ID = "current-lif";

    /**
     * The model as descriptions name it: register it once with {@code NeuronModels.register(CurrentLif.TYPE)}, then
     * use {@code Snn.model("current-lif", Map.of("tauSyn", 1.0))}. Both constants are positive and trainable; initial
     * states are given as {@code V0} and {@code I0}, which are unbounded.
     */
    public static final NeuronModelType TYPE = new NeuronModelType(ID,
            List.of(ModelConstant.positive("tauSyn").withDefault(1),
                    ModelConstant.positive("threshold").withDefault(1)),
            UserCoordinates.VOLTAGE_AND_CURRENT, c -> new CurrentLif(c[0], c[1]));

    private final double tauSyn;
    private final double threshold;

    /**
     * A current-based LIF neuron with synaptic time constant {@code tauSyn} (membrane time constant
     * {@code 2 tauSyn}) and threshold {@code threshold}; both must be positive and finite.
     */
    public CurrentLif(double tauSyn, double threshold) {
        this.tauSyn = positive("tauSyn", tauSyn);
        this.threshold = positive("threshold", threshold);
    }

    private static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(ID + ": " + name + " must be a positive finite number, got " + value);
        }
        return value;
    }

    /** Synaptic time constant τ_s. */
    public double tauSyn() {
        return tauSyn;
    }

    /** Membrane time constant τ_m = 2 τ_s. */
    public double tauMem() {
        return 2 * tauSyn;
    }

    /** Threshold ϑ. */
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
        return new Kernel(size, 2 * tauSyn, threshold);
    }

    @Override
    public int currentIndex() {
        return 1;
    }

    @Override
    public String[] constantNames() {
        return new String[] {"tauSyn", "threshold"};
    }

    @Override
    public double[] constants() {
        return new double[] {tauSyn, threshold};
    }

    @Override
    public CurrentLif withConstants(double[] c) {
        if (c.length != 2) {
            throw new IllegalArgumentException(ID + ": expected 2 constants (tauSyn, threshold), got " + c.length);
        }
        return new CurrentLif(c[0], c[1]);
    }

    /** See the class comment: constant drive {@code D = ϑ + softplus_α(I(T) + u)} past T. */
    @Override
    public void pseudo(double[] state, int off, double u, double alpha, PseudoState out) {
        double tauMem = 2 * tauSyn;
        double v = state[off];
        double z = (state[off + 1] + u) / alpha;
        double softplus = alpha * (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))));
        double sigmoid = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        double drive = threshold + softplus;
        out.period = tauMem * Math.log1p(threshold / softplus);
        out.phase = -tauMem * Math.log1p(-v / drive);
        // derivatives with respect to the drive D (∂Θ_p/∂D at fixed ϑ, ∂φ_p/∂D at fixed V)
        double dPeriodDDrive = -tauMem * threshold / (drive * softplus);
        double dPhaseDDrive = -tauMem * v / (drive * (drive - v));
        out.dPhaseDState[0] = tauMem / (drive - v);
        out.dPhaseDState[1] = dPhaseDDrive * sigmoid;
        out.dPeriodDState[0] = 0;
        out.dPeriodDState[1] = dPeriodDDrive * sigmoid;
        out.dPhaseDInput = dPhaseDDrive * sigmoid;
        out.dPeriodDInput = dPeriodDDrive * sigmoid;
        // τ_s only scales time; ϑ enters through D (and, in Θ_p, as the distance from reset to threshold)
        out.dPhaseDConstant[0] = out.phase / tauSyn;
        out.dPhaseDConstant[1] = dPhaseDDrive;
        out.dPeriodDConstant[0] = out.period / tauSyn;
        out.dPeriodDConstant[1] = dPeriodDDrive + tauMem / (drive - threshold);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurrentLif other && Double.compare(other.tauSyn, tauSyn) == 0
                && Double.compare(other.threshold, threshold) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(tauSyn) + Double.hashCode(threshold);
    }

    @Override
    public String toString() {
        return "CurrentLif[tauSyn=" + tauSyn + ", threshold=" + threshold + "]";
    }

    /**
     * A population of current-based LIF neurons, advanced lazily. Record coordinates are the model coordinates. The
     * constants, in the order of {@link #constantNames()}, are τ_s and ϑ.
     */
    static final class Kernel extends LazyKernel {
        private final double tauMem;
        private final double threshold;
        private final double[] v;
        private final double[] current;

        Kernel(int size, double tauMem, double threshold) {
            super(size, 2, 2, 2);
            this.tauMem = tauMem;
            this.threshold = threshold;
            this.v = new double[size + 1];
            this.current = new double[size + 1];
        }

        @Override
        protected void flow(int s, double dt) {
            if (dt == 0) {
                return;
            }
            double x = Math.exp(-dt / tauMem);
            double oneMinusX = -Math.expm1(-dt / tauMem);
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
                // the vertex of V(x) = b x − I x² lies outside (0, 1): V only falls from now on
                return Double.POSITIVE_INFINITY;
            }
            double disc = b * b - 4 * in * threshold;
            if (disc < 0) {
                return Double.POSITIVE_INFINITY;
            }
            double x = (b + Math.sqrt(disc)) / (2 * in);
            return x >= 1 ? 0 : -tauMem * Math.log(x);
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
                throw new IllegalArgumentException(ID + ": invalid initial state: V and I must be finite, got V="
                        + state[off] + ", I=" + state[off + 1]);
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
            double e = Math.exp(-dt / tauMem);
            double om = -Math.expm1(-dt / tauMem);
            end[0] = x[xo] * e + x[xo + 1] * e * om;
            end[1] = x[xo + 1] * e * e;
            jac[0] = e;
            jac[1] = e * om;
            jac[2] = 0;
            jac[3] = e * e;
            fEnd[0] = (end[1] - end[0]) / tauMem;
            fEnd[1] = -2 * end[1] / tauMem;
            // the flow depends on τ_s only through Δ/τ_s: ∂F/∂τ_s = −(Δ/τ_s) f(F); ϑ does not enter it
            double scale = -2 * dt / tauMem;
            dConst[0] = scale * fEnd[0];
            dConst[1] = 0;
            dConst[2] = scale * fEnd[1];
            dConst[3] = 0;
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

        /** The spike condition g = V − ϑ. */
        @Override
        protected void thresholdGradient(double[] gx, double[] gConst) {
            gx[0] = 1;
            gx[1] = 0;
            gConst[0] = 0;
            gConst[1] = -1;
        }
    }
}
