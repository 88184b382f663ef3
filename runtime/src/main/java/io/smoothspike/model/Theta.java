package io.smoothspike.model;

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
 * the target's pending input, and the summed shear is applied once per neuron and event time. Spike (Q = 0, P &gt; 0) and reset (Q = 0, P &lt; 0)
 * are finite points; an input cannot move a neuron that sits exactly at either.
 *
 * <p><b>Next spike.</b> All phases advance together, so the next spiker is the neuron with the largest χ, found by
 * a linear scan with cross products (no division, no transcendental) when the population changed; one atan2 gives
 * its spike time. Bookkeeping is O(n) per event that touches the population.
 */
public final class Theta implements NeuronModel {

    private static final String ID = "theta";
    private final double tau;
    private final double drive;

    /** A theta neuron with time constant {@code tau} and constant drive {@code drive = I0 > 1/4}. */
    public Theta(double tau, double drive) {
        this.tau = Checks.positive(ID, "tau", tau);
        this.drive = Checks.greaterThan(ID, "I0 (constant drive)", drive, 0.25, "1/4 (below it the neuron rests)");
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
        return Math.sqrt(drive - 0.25);
    }

    /** Free-running period {@code Θ = τπ/r}. */
    public double period() {
        return tau * Math.PI / r();
    }

    /** Phase of voltage v: {@code Φ(v) = (τ/r)(atan((v − 1/2)/r) + π/2)}; {@code Φ(−∞) = 0}. */
    public double phaseOf(double v) {
        double r = r();
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

    @Override
    public double[] stateFromVoltage(double v, double current) {
        if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(ID + ": initial V must be finite or -Infinity, got " + v);
        }
        return new double[] {phaseOf(v)};
    }

    @Override
    public PopulationKernel newKernel(int size) {
        return new Kernel(size, this);
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

    /** Theta population in the co-rotating frame. */
    static final class Kernel extends PopulationKernel {
        private static final double BIG = 1e100;
        private final double r;
        private final double invR;
        private final double omega;
        private final double period;
        private final double[] a;
        private final double[] b;
        /** Inputs of time {@code refTime} not yet applied, summed per neuron. */
        private final double[] pending;
        private boolean pendingInputs;

        private double trigTime = Double.NaN;
        private double cos;
        private double sin;

        /** Time of the last change; the cached spike refers to the state then. */
        private double refTime;
        private boolean dirty;
        private double spikeTime;
        private int spiker;

        Kernel(int size, Theta model) {
            super(size);
            this.r = model.r();
            this.invR = 1 / r;
            this.omega = r / model.tau;
            this.period = model.period();
            this.a = new double[size];
            this.b = new double[size];
            this.pending = new double[size];
        }

        private void trig(double t) {
            if (t != trigTime) {
                trigTime = t;
                cos = Math.cos(omega * t);
                sin = Math.sin(omega * t);
            }
        }

        @Override
        public void initialize(double[] state) {
            for (int i = 0; i < size; i++) {
                double phi = state[i];
                Checks.state(phi >= 0 && phi <= period, ID,
                        "phase must lie in [0, Theta] = [0, " + period + "], got " + phi);
                if (phi == 0) {
                    a[i] = -1;
                    b[i] = 0;
                } else {
                    double chi = omega * phi - Math.PI / 2;
                    a[i] = Math.sin(chi);
                    b[i] = Math.cos(chi);
                }
            }
            refTime = 0;
            dirty = true;
            pendingInputs = false;
            java.util.Arrays.fill(pending, 0);
            trigTime = Double.NaN;
        }

        /**
         * Starts inputs at time t. Shears at one time commute and add up (Q is unchanged by them), so the inputs of
         * one time are summed per neuron in {@code pending} and applied once by {@link #flush()}. A neuron due
         * exactly now is pinned at its spike point first.
         */
        private void prepare(double t) {
            if (pendingInputs && t != refTime) {
                flush();
            }
            if (!dirty && t >= spikeTime) {
                trig(t);
                a[spiker] = cos;
                b[spiker] = sin;
            }
            dirty = true;
            pendingInputs = true;
            refTime = t;
        }

        /** Applies the summed inputs of time {@code refTime}. */
        private void flush() {
            pendingInputs = false;
            trig(refTime);
            double c = cos;
            double s = sin;
            double k = invR;
            double[] aa = a;
            double[] bb = b;
            double[] in = pending;
            for (int i = 0; i < size; i++) {
                double kq = in[i] * k * (c * bb[i] - s * aa[i]);
                aa[i] += kq * c;
                bb[i] += kq * s;
                in[i] = 0;
            }
        }

        @Override
        public void deliver(int i, double w, double t) {
            prepare(t);
            pending[i] += w;
        }

        @Override
        public void deliverSparse(int[] targets, double[] weights, int from, int to, double t) {
            prepare(t);
            double[] in = pending;
            for (int n = from; n < to; n++) {
                in[targets[n]] += weights[n];
            }
        }

        @Override
        public void deliverDense(double[] weights, int offset, double t) {
            prepare(t);
            double[] in = pending;
            for (int i = 0; i < size; i++) {
                in[i] += weights[offset + i];
            }
        }

        private void scan() {
            if (pendingInputs) {
                flush();
            }
            trig(refTime);
            double c = cos;
            double s = sin;
            int best = -1;
            double bp = 0;
            double bq = 0;
            for (int i = 0; i < size; i++) {
                double ai = a[i];
                double bi = b[i];
                if (Math.abs(ai) + Math.abs(bi) > BIG) {
                    ai /= BIG;
                    bi /= BIG;
                    a[i] = ai;
                    b[i] = bi;
                }
                double pp = c * ai + s * bi;
                double qq = c * bi - s * ai;
                if (qq < 0) {
                    pp = -pp;
                    qq = -qq;
                }
                if (best < 0) {
                    best = i;
                    bp = pp;
                    bq = qq;
                    continue;
                }
                double cross = pp * bq - qq * bp;
                if (cross > 0 || (cross == 0 && qq == 0 && bq == 0 && pp > bp)) {
                    best = i;
                    bp = pp;
                    bq = qq;
                }
            }
            spiker = best;
            spikeTime = refTime + (Math.PI / 2 - Math.atan2(bp, bq)) / omega;
            dirty = false;
        }

        @Override
        public double nextSpikeTime() {
            if (dirty) {
                scan();
            }
            return spikeTime;
        }

        @Override
        public int nextSpiker() {
            if (dirty) {
                scan();
            }
            return spiker;
        }

        @Override
        public void fire(int i, double t) {
            if (pendingInputs) {
                flush();
            }
            trig(t);
            a[i] = -cos;
            b[i] = -sin;
            dirty = true;
            refTime = t;
        }

        private double chiAt(int i, double t) {
            if (pendingInputs) {
                flush();
            }
            trig(t);
            double pp = cos * a[i] + sin * b[i];
            double qq = cos * b[i] - sin * a[i];
            if (qq < 0) {
                pp = -pp;
                qq = -qq;
            }
            return Math.atan2(pp, qq);
        }

        @Override
        public void stateAt(int i, double t, double[] out, int off) {
            out[off] = (chiAt(i, t) + Math.PI / 2) / omega;
        }

        @Override
        public double voltageAt(int i, double t) {
            if (pendingInputs) {
                flush();
            }
            trig(t);
            double pp = cos * a[i] + sin * b[i];
            double qq = cos * b[i] - sin * a[i];
            if (qq == 0) {
                return Math.copySign(Double.MAX_VALUE, pp);
            }
            return 0.5 + r * pp / qq;
        }
    }
}
