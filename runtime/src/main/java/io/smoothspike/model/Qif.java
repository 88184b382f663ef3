package io.smoothspike.model;

/**
 * Quadratic integrate-and-fire neuron with an exponentially decaying synaptic current (τ_s = τ/2):
 * {@code τ dV/dt = V(V − 1) + I}, {@code I(t) = I(t0) exp(−2(t − t0)/τ)} between inputs. An input of weight w adds w
 * to I. A spike is V reaching +∞; V is then reset to −∞ and I is left untouched.
 *
 * <p><b>Representation.</b> The voltage is kept as a point of the projective line: a unit vector (p, q) with
 * {@code V = p/q} and {@code q ≥ 0}. A spike is q reaching 0 with p = 1, the reset is (p, q) = (−1, 0): both finite.
 * Model coordinates are {@code (ψ, I)} with {@code ψ = atan V ∈ [−π/2, π/2]} (ψ = −π/2 is the reset state).
 *
 * <p><b>Flow.</b> With σ = exp(−t/τ) and V = σu the equation becomes {@code du/dσ = −(u² + I(t0))}; over an interval
 * Δ, with s = exp(−Δ/τ) and ℓ = 1 − s, u is mapped by the Möbius matrix {@code [[C, I·S], [−S, C]]} where
 * {@code C = cos(√I ℓ)}, {@code S = sin(√I ℓ)/√I} (hyperbolic functions for I &lt; 0, C = 1 and S = ℓ for I = 0);
 * these are entire functions of I, so the branches I &gt; 0, I = 0 and I &lt; 0 join smoothly. Then V = s·u.
 *
 * <p><b>Next spike.</b> The smallest ℓ* at which q reaches 0: {@code atan2(cq, p)/c} for I = c² &gt; 0,
 * {@code atanh(cq/p)/c} for I = −c² &lt; 0 and p &gt; cq, {@code q/p} for I = 0 and p &gt; 0; a spike happens iff ℓ* &lt; 1,
 * after {@code Δ* = −τ ln(1 − ℓ*)}.
 */
public final class Qif implements NeuronModel {

    private static final String ID = "qif";
    private final double tau;

    /** A QIF neuron with membrane time constant {@code tau} (τ_s = τ/2). */
    public Qif(double tau) {
        this.tau = Checks.positive(ID, "tau", tau);
    }

    /** Membrane time constant τ. */
    public double tau() {
        return tau;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String[] stateNames() {
        return new String[] {"psi", "I"};
    }

    @Override
    public double[] stateFromVoltage(double v, double current) {
        if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY || !Double.isFinite(current)) {
            throw new IllegalArgumentException(ID + ": initial V must be finite or -Infinity and I finite, got V=" + v
                    + ", I=" + current);
        }
        return new double[] {Math.atan(v), current};
    }

    @Override
    public PopulationKernel newKernel(int size) {
        return new Kernel(size, tau);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Qif other && Double.compare(other.tau, tau) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(tau);
    }

    @Override
    public String toString() {
        return "Qif[tau=" + tau + "]";
    }

    /** QIF population, advanced lazily in the projective representation. */
    static final class Kernel extends LazyKernel {
        private final double tau;
        private final double[] p;
        private final double[] q;
        private final double[] current;

        Kernel(int size, double tau) {
            super(size);
            this.tau = tau;
            this.p = new double[size + 1];
            this.q = new double[size + 1];
            this.current = new double[size + 1];
        }

        @Override
        protected void flow(int s, double dt) {
            if (dt == 0) {
                return;
            }
            double x = dt / tau;
            double decay = Math.exp(-x);
            double ell = -Math.expm1(-x);
            double in = current[s];
            double cc;
            double ss;
            if (in > 0) {
                double c = Math.sqrt(in);
                double a = c * ell;
                cc = Math.cos(a);
                ss = Math.sin(a) / c;
            } else if (in < 0) {
                // cosh and sinh/c scaled by exp(−cℓ): the same projective map, without overflow
                double c = Math.sqrt(-in);
                double a = c * ell;
                cc = 0.5 * (1 + Math.exp(-2 * a));
                ss = -Math.expm1(-2 * a) / (2 * c);
            } else {
                cc = 1;
                ss = ell;
            }
            double pp = p[s];
            double qq = q[s];
            double np = decay * (cc * pp + in * ss * qq);
            double nq = cc * qq - ss * pp;
            double norm = Math.sqrt(np * np + nq * nq);
            if (nq < 0) {
                norm = -norm;
            }
            p[s] = np / norm;
            q[s] = nq / norm;
            current[s] = in * decay * decay;
        }

        @Override
        protected void jump(int s, double w) {
            current[s] += w;
        }

        @Override
        protected double timeToSpike(int s) {
            double in = current[s];
            double pp = p[s];
            double qq = q[s];
            double ell;
            if (in > 0) {
                double c = Math.sqrt(in);
                ell = Math.atan2(c * qq, pp) / c;
            } else if (in < 0) {
                double c = Math.sqrt(-in);
                if (!(pp > c * qq)) {
                    return Double.POSITIVE_INFINITY;
                }
                double z = c * qq / pp;
                ell = 0.5 * Math.log1p(2 * z / (1 - z)) / c;
            } else {
                if (!(pp > 0)) {
                    return Double.POSITIVE_INFINITY;
                }
                ell = qq / pp;
            }
            if (!(ell < 1)) {
                return Double.POSITIVE_INFINITY;
            }
            return -tau * Math.log1p(-ell);
        }

        @Override
        protected void pinAtSpike(int s) {
            p[s] = 1;
            q[s] = 0;
        }

        @Override
        protected void reset(int s) {
            p[s] = -1;
            q[s] = 0;
        }

        @Override
        protected void load(int s, double[] state, int off) {
            double psi = state[off];
            double in = state[off + 1];
            Checks.state(psi >= -Math.PI / 2 && psi <= Math.PI / 2, ID,
                    "psi = atan(V) must lie in [-pi/2, pi/2], got " + psi);
            Checks.state(Double.isFinite(in), ID, "I must be finite, got " + in);
            if (psi == -Math.PI / 2) {
                p[s] = -1;
                q[s] = 0;
            } else {
                p[s] = Math.sin(psi);
                q[s] = Math.cos(psi);
            }
            current[s] = in;
        }

        @Override
        protected void store(int s, double[] out, int off) {
            out[off] = Math.atan2(p[s], q[s]);
            out[off + 1] = current[s];
        }

        @Override
        protected double voltage(int s) {
            return q[s] == 0 ? Math.copySign(Double.MAX_VALUE, p[s]) : p[s] / q[s];
        }

        @Override
        protected void copy(int from, int to) {
            p[to] = p[from];
            q[to] = q[from];
            current[to] = current[from];
        }
    }
}
