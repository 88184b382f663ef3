package io.smoothspike.model;

import java.util.List;

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
 * {@code atanh(cq/p)/c} for I = −c² &lt; 0 and p &gt; cq, {@code q/p} for I = 0 and p &gt; 0; a spike happens iff
 * ℓ* &lt; 1, after {@code Δ* = −τ ln(1 − ℓ*)}.
 */
public final class Qif implements NeuronModel {

    private static final String ID = "qif";

    /** The qif model as descriptions name it: constant {@code tau > 0}; initial states as V and I. */
    public static final NeuronModelType TYPE = new NeuronModelType(ID, List.of(ModelConstant.positive("tau")),
            UserCoordinates.VOLTAGE_AND_CURRENT, c -> new Qif(c[0]));
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

    /** ψ lies in [−π/2, π/2]; the current I is unbounded. */
    @Override
    public double[] stateBounds(int coordinate) {
        return coordinate == 0 ? new double[] {-Math.PI / 2, Math.PI / 2}
                : new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
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
    public int currentIndex() {
        return 1;
    }

    @Override
    public String[] constantNames() {
        return new String[] {"tau"};
    }

    @Override
    public double[] constants() {
        return new double[] {tau};
    }

    @Override
    public Qif withConstants(double[] c) {
        return new Qif(c[0]);
    }

    /**
     * After T the neuron runs as a theta neuron with drive {@code I_p + 1/4}, {@code I_p = softplus_α(I(T) + u)}:
     * {@code Θ_p = τπ/√I_p}, {@code φ_p = (τ/√I_p)(atan((V(T) − 1/2)/√I_p) + π/2)}, evaluated from ψ = atan V so
     * that V(T) = ±∞ gives φ_p = Θ_p or 0.
     */
    @Override
    public void pseudo(double[] state, int off, double u, double alpha, PseudoState out) {
        double psi = state[off];
        double z = (state[off + 1] + u) / alpha;
        double ip = alpha * (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))));
        double sigmoid = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        double rp = Math.sqrt(ip);
        double sn = Math.sin(psi);
        double cs = psi == -Math.PI / 2 || psi == Math.PI / 2 ? 0 : Math.cos(psi);
        double num = sn - 0.5 * cs;
        double den = rp * rp * cs * cs + num * num;
        double angle = Math.atan2(num, rp * cs) + Math.PI / 2;
        out.phase = tau / rp * angle;
        out.period = tau * Math.PI / rp;
        double dPhaseDr = -out.phase / rp - tau / rp * num * cs / den;
        double dPeriodDr = -out.period / rp;
        double dPhaseDz = dPhaseDr / (2 * rp) * sigmoid;
        double dPeriodDz = dPeriodDr / (2 * rp) * sigmoid;
        out.dPhaseDState[0] = tau / rp * rp / den;
        out.dPhaseDState[1] = dPhaseDz;
        out.dPeriodDState[0] = 0;
        out.dPeriodDState[1] = dPeriodDz;
        out.dPhaseDInput = dPhaseDz;
        out.dPeriodDInput = dPeriodDz;
        out.dPhaseDConstant[0] = out.phase / tau;
        out.dPeriodDConstant[0] = out.period / tau;
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

    /**
     * {@code 1 − exp(−x)} for x ≥ 0 with full relative precision, faster than the JDK's {@code expm1}: below 0.03,
     * where {@code 1 − exp(−x)} would cancel, its Taylor series to the x⁸ term (remainder below 1e-16 relative).
     */
    static double oneMinusExp(double x) {
        return x >= 0.03 ? 1 - Math.exp(-x) : oneMinusExpSeries(x);
    }

    /** {@link #oneMinusExp(double)} where {@code expMinusX = Math.exp(−x)} is at hand: the same value. */
    static double oneMinusExp(double x, double expMinusX) {
        return x >= 0.03 ? 1 - expMinusX : oneMinusExpSeries(x);
    }

    private static double oneMinusExpSeries(double x) {
        return x * (1 - x / 2 * (1 - x / 3 * (1 - x / 4 * (1 - x / 5 * (1 - x / 6 * (1 - x / 7 * (1 - x / 8)))))));
    }

    /** Relative margin by which the lower bounds of the time to spike stay below the computed time. */
    static final double BOUND_MARGIN = 1e-9;

    /** QIF population, advanced lazily in the projective representation. */
    static final class Kernel extends LazyKernel {
        /** Below this many targets {@link #flowAll} flows them one by one. */
        private static final int FEW_TARGETS = 8;
        /** Record coordinates per state: p, q, I. */
        private static final int RECORD = 3;
        /** Doubles per vector register (512 bits) of the vector loops: see {@link #vectorLanes}. */
        private static final int VECTOR = 8;
        /** The lanes of the scalar pre-loop of a vector loop under the launcher's object alignment. */
        private static final int ALIGNED_FROM = 6;
        private final double tau;
        private final double[] p;
        private final double[] q;
        private final double[] current;
        // batch buffers of flowAll, one lane per target
        private final double[] gatheredP;
        private final double[] gatheredQ;
        private final double[] gatheredI;
        private final double[] flowedP;
        private final double[] flowedQ;
        private final double[] flowedI;
        private final double[] scaledInterval;
        /** Parts of the series (see {@link QifFlowSeries}): of 1 − e^−x, then the tail of sin(√z)/√z. */
        private final double[] seriesHead;
        private final double[] seriesMiddle;
        private final double[] seriesTail;
        /** Weights of the targets of {@link #flowJumpAndBound}; r and h of {@link #positiveCurrentBounds}. */
        private final double[] gatheredW;
        private final double[] boundRadius;
        private final double[] boundDenominator;
        private final double[] seriesArgument;
        private final double[] oneMinusDecay;
        private final double[] cosine;
        private final double[] sine;
        private final double[] sineMinusCosine;
        /** The lanes of {@link #flowJumpAndBound} left to a second pass (see there). */
        private final int[] irregularLanes;

        Kernel(int size, double tau) {
            super(size, 2, RECORD, 1, true);
            this.tau = tau;
            int states = size + 1 + PREPARED_SLOTS;
            this.p = new double[states];
            this.q = new double[states];
            this.current = new double[states];
            int slots = states + LANE_PADDING; // lanes: a batch has at most states − 1 targets, plus the padding
            this.gatheredP = new double[slots];
            this.gatheredQ = new double[slots];
            this.gatheredI = new double[slots];
            this.flowedP = new double[slots];
            this.flowedQ = new double[slots];
            this.flowedI = new double[slots];
            this.scaledInterval = new double[slots];
            this.seriesHead = new double[slots];
            this.seriesMiddle = new double[slots];
            this.seriesTail = new double[slots];
            this.gatheredW = new double[slots];
            this.boundRadius = new double[slots];
            this.boundDenominator = new double[slots];
            this.seriesArgument = new double[slots];
            this.oneMinusDecay = new double[slots];
            this.cosine = new double[slots];
            this.sine = new double[slots];
            this.sineMinusCosine = new double[slots];
            this.irregularLanes = new int[slots];
        }

        /**
         * The number of lanes the vector loops over a batch of n ≥ {@link #FEW_TARGETS} targets run over: n rounded up
         * to {@link #ALIGNED_FROM} mod {@link #VECTOR}. C2 runs a vector loop as a scalar pre-loop up to an aligned
         * element, a main loop of whole vectors and a scalar rest. With the launcher's 64-byte object alignment the
         * first element of an array lies 16 bytes past a 64-byte boundary, so the pre-loop takes 6 lanes, and a count
         * of 6 mod 8 leaves no scalar rest: a few more vector lanes cost less than a scalar one (a row of 102 targets
         * takes less time than one of 101). The lanes past n work on stale numbers, within the arrays' padding
         * ({@link #LANE_PADDING}), and their results are never read. Under another alignment or vector width the
         * padding only costs its few lanes.
         */
        private static int vectorLanes(int n) {
            return n + ((ALIGNED_FROM - n) & (VECTOR - 1));
        }

        /**
         * Flows slot s: by the series of {@link QifFlowSeries} where they cover the interval (the same arithmetic as
         * {@link #flowAll}, so the same bits), otherwise with {@code Math}'s functions.
         */
        @Override
        protected void flow(int s, double dt) {
            if (dt == 0) {
                return;
            }
            double x = dt / tau;
            double ell = QifFlowSeries.oneMinusExp(x);
            double in = current[s];
            double z = in * ell * ell;
            if (!QifFlowSeries.covers(x, z)) {
                flowByMath(s, dt);
                return;
            }
            double cc = QifFlowSeries.cosine(z);
            double ss = ell * QifFlowSeries.sineOverArgument(z);
            double pp = p[s];
            double qq = q[s];
            double decay = 1 - ell;
            double np = mappedP(decay, cc, ss, pp, qq, in);
            double nq = mappedQ(cc, ss, pp, qq);
            double norm = Math.sqrt(np * np + nq * nq);
            // back to q ≥ 0 (the same as dividing by −norm)
            double sign = nq / norm < 0 ? -1 : 1;
            p[s] = sign * (np / norm);
            q[s] = sign * (nq / norm);
            current[s] = in * decay * decay;
        }

        /** The p of the Möbius map, unnormalised: s·(C p + I S q), with s = 1 − ℓ the decay. */
        private static double mappedP(double decay, double cc, double ss, double pp, double qq, double in) {
            return decay * (cc * pp + in * ss * qq);
        }

        /** The q of the Möbius map, unnormalised: C q − S p. */
        private static double mappedQ(double cc, double ss, double pp, double qq) {
            return cc * qq - ss * pp;
        }

        /**
         * Gathers the targets' states, flows them by the series in loops over all of them, then stores each or falls
         * back to {@code Math}. The work is split into several short loops rather than one: C2 vectorizes a loop only
         * if its body is small enough to unroll (and only if it usually runs long: few targets go one by one).
         */
        @Override
        protected void flowAll(int[] targets, int from, int n, double[] dt) {
            if (n < FEW_TARGETS) {
                super.flowAll(targets, from, n, dt);
                return;
            }
            gather(targets, from, n);
            seriesFlows(dt, vectorLanes(n));
            for (int k = 0; k < n; k++) {
                double d = dt[k];
                if (d != 0) {
                    takeFlowed(targets[from + k], k, d);
                }
            }
        }

        /**
         * {@link #flowAll}, the jumps, {@link #timeToSpikeLowerBounds} and the settlements on the gathered states:
         * the flowed states take their jumps and bounds in vectorized loops, a NaN bound marks the lanes that may need
         * to go one by one ({@link #seriesFlowMark}), and one pass stores and settles the others. A second pass takes
         * the marked ones: a target the series do not cover (or not flowed at all, or with the flowed q exactly 0) goes
         * one by one as before; the values are the same.
         */
        @Override
        protected void flowJumpAndBound(int[] targets, int from, double[] weights, int weightFrom, int n, double[] dt,
                double[] bounds, double t) {
            if (n < FEW_TARGETS) {
                super.flowJumpAndBound(targets, from, weights, weightFrom, n, dt, bounds, t);
                return;
            }
            gather(targets, from, n);
            int lanes = vectorLanes(n);
            seriesFlows(dt, lanes);
            // separate arrays: C2 vectorizes no loop that reads and writes possibly the same array at other indices
            System.arraycopy(weights, weightFrom, gatheredW, 0, n);
            for (int k = 0; k < lanes; k++) {
                jumpedAt(k);
            }
            gatheredBounds(lanes, bounds);
            for (int k = 0; k < lanes; k++) { // a NaN bound now marks every lane that may need the second pass
                bounds[k] += seriesFlowMark(k);
            }
            // the regular targets in a loop without calls (a call would have every value spilled around it)
            int irregular = 0;
            for (int k = 0; k < n; k++) {
                int s = targets[from + k];
                if (bounds[k] == bounds[k]) {
                    takeGathered(s, k);
                    if (t == t) {
                        settleRowTarget(s, t, bounds[k]);
                    }
                } else {
                    irregularLanes[irregular++] = k;
                }
            }
            for (int j = 0; j < irregular; j++) {
                int k = irregularLanes[j];
                int s = targets[from + k];
                if (seriesFlowed(dt, k)) {
                    takeGathered(s, k);
                } else {
                    flow(s, dt[k]);
                    jump(s, gatheredW[k]);
                }
                bounds[k] = timeToSpikeLowerBound(s);
                if (t == t) {
                    settle(s, t, bounds[k]);
                }
            }
        }

        /**
         * 0 where gathered state k surely holds its flow ({@link #seriesFlowed}: the interval and z strictly inside the
         * series' ranges, the flowed q not 0), else NaN, without a branch: a positive number times ∞ is ∞, and
         * {@code 0 · min(·, 1)} turns ∞ into 0 and 0, −∞ or NaN into NaN. A lane at the end of a range is marked
         * too; the second pass of {@link #flowJumpAndBound} sorts it out.
         */
        private double seriesFlowMark(int k) {
            double x = scaledInterval[k];
            double inside = Math.min(Math.min(x * (QifFlowSeries.X_MAX - x),
                    QifFlowSeries.Z_MAX - Math.abs(seriesArgument[k])), Math.abs(flowedQ[k]));
            return 0 * Math.min(inside * Double.POSITIVE_INFINITY, 1);
        }

        /**
         * Whether gathered state k holds its flow, jump included: flowed by the series (a nonzero interval they cover)
         * to a q that is not exactly 0 (else it goes one by one).
         */
        private boolean seriesFlowed(double[] dt, int k) {
            return dt[k] != 0 && QifFlowSeries.covers(scaledInterval[k], seriesArgument[k])
                    && Math.abs(flowedQ[k]) > 0;
        }

        /** Stores gathered state k in slot s. */
        private void takeGathered(int s, int k) {
            p[s] = gatheredP[k];
            q[s] = gatheredQ[k];
            current[s] = gatheredI[k];
        }

        /** Copies the states of {@code targets[from + k]}, k in [0, n), into the gathered arrays. */
        private void gather(int[] targets, int from, int n) {
            for (int k = 0; k < n; k++) {
                int s = targets[from + k];
                gatheredP[k] = p[s];
                gatheredQ[k] = q[s];
                gatheredI[k] = current[s];
            }
        }

        /** The series flows of the n gathered states by dt, unnormalised signs: see {@link #takeFlowed}. */
        private void seriesFlows(double[] dt, int n) {
            coefficients(dt, n);
            for (int k = 0; k < n; k++) {
                mapAt(k);
            }
            for (int k = 0; k < n; k++) {
                normalizeAt(k);
            }
        }

        /**
         * Gathered state k becomes flowed state k, back to q ≥ 0 as in {@link #takeFlowed} (by the sign ±1 of q, NaN
         * for q = ±0, which goes one by one), plus the jump {@code gatheredW[k]}.
         */
        private void jumpedAt(int k) {
            double fq = flowedQ[k];
            double sign = Math.max(Math.min(fq * Double.POSITIVE_INFINITY, 1.0), -1.0);
            gatheredP[k] = flowedP[k] * sign;
            gatheredQ[k] = fq * sign;
            gatheredI[k] = flowedI[k] + gatheredW[k];
        }

        /** The series coefficients (x, ℓ, z, C, S) of gathered flow k; whether the series cover it is checked after. */
        private void coefficientsAt(double[] dt, int k) {
            scaleAt(dt, k);
            decayMiddleAt(k);
            decayTailAt(k);
            decayAt(k);
            argumentAt(k);
            cosineAt(k);
            sineTailAt(k);
            sineAt(k);
        }

        /**
         * {@link #coefficientsAt} for k in [0, n), stage by stage: loops short enough for C2 to vectorize (the longer
         * series in parts, see {@link QifFlowSeries}).
         */
        private void coefficients(double[] dt, int n) {
            for (int k = 0; k < n; k++) {
                scaleAt(dt, k);
            }
            for (int k = 0; k < n; k++) {
                decayMiddleAt(k);
            }
            for (int k = 0; k < n; k++) {
                decayTailAt(k);
            }
            for (int k = 0; k < n; k++) {
                decayAt(k);
            }
            for (int k = 0; k < n; k++) {
                argumentAt(k);
            }
            for (int k = 0; k < n; k++) {
                cosineAt(k);
            }
            for (int k = 0; k < n; k++) {
                sineTailAt(k);
            }
            for (int k = 0; k < n; k++) {
                sineAt(k);
            }
        }

        // the stages of the series flow of gathered state k

        private void scaleAt(double[] dt, int k) {
            double x = dt[k] / tau;
            scaledInterval[k] = x;
            seriesHead[k] = QifFlowSeries.oneMinusExpHead(x);
        }

        private void decayMiddleAt(int k) {
            seriesMiddle[k] = QifFlowSeries.oneMinusExpMiddle(scaledInterval[k]);
        }

        private void decayTailAt(int k) {
            seriesTail[k] = QifFlowSeries.oneMinusExpTail(scaledInterval[k]);
        }

        private void decayAt(int k) {
            oneMinusDecay[k] = QifFlowSeries.oneMinusExp(scaledInterval[k], seriesHead[k], seriesMiddle[k],
                    seriesTail[k]);
        }

        private void argumentAt(int k) {
            double ell = oneMinusDecay[k];
            double in = gatheredI[k];
            double decay = 1 - ell;
            seriesArgument[k] = in * ell * ell;
            flowedI[k] = in * decay * decay;
        }

        private void cosineAt(int k) {
            cosine[k] = QifFlowSeries.cosine(seriesArgument[k]);
        }

        private void sineTailAt(int k) {
            seriesTail[k] = QifFlowSeries.sineOverArgumentTail(seriesArgument[k]);
        }

        private void sineAt(int k) {
            sine[k] = oneMinusDecay[k] * QifFlowSeries.sineOverArgument(seriesArgument[k], seriesTail[k]);
        }

        /** The Möbius map, unnormalised. */
        private void mapAt(int k) {
            double in = gatheredI[k];
            double pp = gatheredP[k];
            double qq = gatheredQ[k];
            double cc = cosine[k];
            double ss = sine[k];
            flowedP[k] = mappedP(1 - oneMinusDecay[k], cc, ss, pp, qq, in);
            flowedQ[k] = mappedQ(cc, ss, pp, qq);
        }

        private void normalizeAt(int k) {
            double np = flowedP[k];
            double nq = flowedQ[k];
            double norm = Math.sqrt(np * np + nq * nq);
            flowedP[k] = np / norm;
            flowedQ[k] = nq / norm;
        }

        /** Stores the series flow k into slot s where the series cover it, else flows s with {@code Math}. */
        private void takeFlowed(int s, int k, double dt) {
            if (!QifFlowSeries.covers(scaledInterval[k], seriesArgument[k])) {
                flowByMath(s, dt);
                return;
            }
            double fq = flowedQ[k];
            if (fq < 0) { // back to q ≥ 0 (the same as dividing by −norm)
                p[s] = -flowedP[k];
                q[s] = -fq;
            } else {
                p[s] = flowedP[k];
                q[s] = fq;
            }
            current[s] = flowedI[k];
        }

        private void flowByMath(int s, double dt) {
            double x = dt / tau;
            double decay = Math.exp(-x);
            double ell = oneMinusExp(x, decay);
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
                double e = Math.exp(-2 * a);
                cc = 0.5 * (1 + e);
                ss = oneMinusExp(2 * a, e) / (2 * c);
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
            // log1p only where log(1 − ℓ) would lose relative precision (the JDK's log1p is slow)
            return -tau * (ell < 0.03 ? Math.log1p(-ell) : Math.log(1 - ell));
        }

        /**
         * Lower bounds of ℓ* from bounds of atan and atanh that need no transcendental function, less a relative
         * margin of {@link #BOUND_MARGIN} over rounding, and Δ* = −τ ln(1 − ℓ*) ≥ τℓ*; +∞ where ℓ* ≥ 1 is certain.
         * For I = 0 the exact time is as cheap as a bound.
         */
        @Override
        protected double timeToSpikeLowerBound(int s) {
            double in = current[s];
            double pp = p[s];
            double qq = q[s];
            double ell;
            if (in > 0) {
                double r = Math.sqrt(pp * pp + in * qq * qq);
                ell = positiveCurrentBound(qq, r, pp >= 0 ? r + pp : in * qq * qq / (r - pp));
                if (!(ell >= 0)) { // the reset point: ℓ* = π/c
                    ell = Math.PI / Math.sqrt(in);
                }
            } else if (in < 0) {
                double c = Math.sqrt(-in);
                if (!(pp > c * qq)) {
                    return Double.POSITIVE_INFINITY;
                }
                ell = qq / pp; // atanh(z)/c ≥ z/c with z = cq/p
            } else {
                return Double.NaN;
            }
            return finishBound(ell);
        }

        /**
         * The bounds of {@link #timeToSpikeLowerBound} for many neurons, the same values, by
         * {@link #gatheredBounds}: both signs of I in loops C2 vectorizes, then per neuron the one that applies,
         * without a branch (the sign of I is as good as random, a branch would often be mispredicted). C2 vectorizes
         * no branch, so the cases inside the loops are picked with {@code min} and {@code max} of ±∞ (see
         * {@link #positiveCurrentBounds}); a NaN marks the rare states left to {@link #timeToSpikeLowerBound} (I = 0,
         * p = 0, the reset point, ℓ* exactly 1).
         */
        @Override
        protected void timeToSpikeLowerBounds(int[] targets, int from, int n, double[] out) {
            if (n < FEW_TARGETS) {
                super.timeToSpikeLowerBounds(targets, from, n, out);
                return;
            }
            gather(targets, from, n);
            gatheredBounds(vectorLanes(n), out);
            for (int k = 0; k < n; k++) {
                if (!(out[k] == out[k])) {
                    out[k] = timeToSpikeLowerBound(targets[from + k]);
                }
            }
        }

        /**
         * The bounds of the n gathered states, NaN where {@link #timeToSpikeLowerBound} is left to decide. Both signs
         * of I, each computed with |I| for I (so the case that does not apply is a number, not NaN), then per state the
         * one that applies, chosen by {@code max(min(positive, m), min(negative, −m))} with m = I·∞: the positive
         * bound for I &gt; 0, the negative one for I &lt; 0, NaN for I = 0.
         */
        private void gatheredBounds(int n, double[] out) {
            double[] gp = gatheredP;
            double[] gq = gatheredQ;
            double[] gi = gatheredI;
            double[] positive = cosine; // scratch: the flows are done
            double[] negative = sine;
            positiveCurrentBounds(n, positive);
            for (int k = 0; k < n; k++) {
                // I = −c² < 0: q/p where p > cq (atanh(z)/c ≥ z/c, z = cq/p), else +∞; β is −∞ or +∞ (NaN at p = cq)
                double pp = gp[k];
                double qq = gq[k];
                double beta = (Math.sqrt(Math.abs(gi[k])) * qq - pp) * Double.POSITIVE_INFINITY;
                negative[k] = Math.max(finishedBound(qq / pp), beta);
            }
            for (int k = 0; k < n; k++) {
                double m = gi[k] * Double.POSITIVE_INFINITY;
                out[k] = Math.max(Math.min(positive[k], m), Math.min(negative[k], -m));
            }
        }

        /**
         * The bounds for I &gt; 0 of the gathered states k in [0, n). h = r + p for p &gt; 0 and Iq²/(r − p) for
         * p &lt; 0: with a = r + |p|, b = Iq²/a and β = p·∞, {@code max(min(a, a + β), min(b, b − β))} is exactly a
         * or b (NaN for p = ±0).
         */
        private void positiveCurrentBounds(int n, double[] out) {
            double[] gp = gatheredP;
            double[] gq = gatheredQ;
            double[] gi = gatheredI;
            double[] r = boundRadius;
            double[] h = boundDenominator;
            for (int k = 0; k < n; k++) {
                double pp = gp[k];
                double iqq = Math.abs(gi[k]) * gq[k] * gq[k];
                double rr = Math.sqrt(pp * pp + iqq);
                double a = rr + Math.abs(pp);
                double b = iqq / a;
                double beta = pp * Double.POSITIVE_INFINITY;
                r[k] = rr;
                h[k] = Math.max(Math.min(a, a + beta), Math.min(b, b - beta));
            }
            for (int k = 0; k < n; k++) {
                out[k] = finishedBound(positiveCurrentBound(gq[k], r[k], h[k]));
            }
        }

        /**
         * Lower bound of ℓ* = atan2(cq, p)/c for I = c² &gt; 0 without c: with r = √(p² + Iq²) the angle is
         * 2 atan(cq/h), h = r + p, and Shafer's inequality {@code atan w > 3w/(1 + 2√(1 + w²))} gives
         * {@code ℓ* > 6q/(h + 2√(2rh))}, within 4.6 % of ℓ*. Pass h as r + p for p ≥ 0 and as Iq²/(r − p) for
         * p &lt; 0 (the same number without cancellation); NaN at the reset point (q = 0, p &lt; 0).
         */
        static double positiveCurrentBound(double qq, double r, double h) {
            return 6 * qq / (h + 2 * Math.sqrt(2 * r * h));
        }

        /** The time bound from a bound of ℓ*: less the margin, +∞ where ℓ* ≥ 1 is certain. */
        private double finishBound(double ell) {
            double e = ell * (1 - BOUND_MARGIN);
            return e >= 1 ? Double.POSITIVE_INFINITY : tau * e;
        }

        /** {@link #finishBound} without a branch, for vectorized loops: the same value, but NaN where e is 1. */
        private double finishedBound(double ell) {
            double e = ell * (1 - BOUND_MARGIN);
            return Math.max(tau * e, (e - 1) * Double.POSITIVE_INFINITY);
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
            if (!(psi >= -Math.PI / 2 && psi <= Math.PI / 2)) {
                throw Checks.invalidState(ID, "psi = atan(V) must lie in [-pi/2, pi/2], got " + psi);
            }
            if (!(Double.isFinite(in))) {
                throw Checks.invalidState(ID, "I must be finite, got " + in);
            }
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

        /** Record coordinates: the projective point (p, q) = (sin ψ, cos ψ) and I. */
        @Override
        protected void storeRecord(int s, double[] out, int off) {
            out[off] = p[s];
            out[off + 1] = q[s];
            out[off + 2] = current[s];
        }

        @Override
        protected void flowDerivatives(double[] x, int xo, double dt, double[] end, double[] jac, double[] dConst,
                double[] fEnd) {
            // the coefficients of the series in registers (the same operations as in the lanes, so the same bits)
            double in = x[xo + 2];
            double xs = dt / tau;
            double ell = QifFlowSeries.oneMinusExp(xs);
            double z = in * ell * ell;
            if (!QifFlowSeries.covers(xs, z)) {
                mathFlowDerivatives(x, xo, dt, end, jac, dConst, fEnd);
                return;
            }
            double ss = ell * QifFlowSeries.sineOverArgument(z);
            double sMinusLc = ell * ell * ell * QifFlowSeries.sineMinusCosine(z);
            flowDerivatives(x, xo, dt, 1 - ell, ell, QifFlowSeries.cosine(z), ss, sMinusLc, end, jac, dConst, fEnd);
        }

        /** The series coefficients of the flows, as {@link #flowAll} computes them, in the same loops. */
        @Override
        protected void prepareFlowDerivatives(double[] x, int xFrom, double[] dt, int n) {
            if (n < FEW_TARGETS) {
                for (int k = 0; k < n; k++) {
                    gatheredI[k] = x[xFrom + k * RECORD + 2];
                    coefficientsAt(dt, k);
                    sineMinusCosineAt(k);
                }
                return;
            }
            for (int k = 0; k < n; k++) {
                gatheredI[k] = x[xFrom + k * RECORD + 2];
            }
            int lanes = vectorLanes(n);
            coefficients(dt, lanes);
            for (int k = 0; k < lanes; k++) {
                sineMinusCosineAt(k);
            }
        }

        private void sineMinusCosineAt(int k) {
            sineMinusCosine[k] = QifFlowSeries.sineMinusCosine(seriesArgument[k]);
        }

        /**
         * Flow derivatives from the series coefficients of flow k where the series cover it, otherwise from
         * {@code Math}'s functions.
         */
        @Override
        protected void preparedFlowDerivatives(int k, double[] x, int xo, double dt, double[] end, double[] jac,
                double[] dConst, double[] fEnd) {
            if (!QifFlowSeries.covers(scaledInterval[k], seriesArgument[k])) {
                mathFlowDerivatives(x, xo, dt, end, jac, dConst, fEnd);
                return;
            }
            double ell = oneMinusDecay[k];
            flowDerivatives(x, xo, dt, 1 - ell, ell, cosine[k], sine[k], ell * ell * ell * sineMinusCosine[k], end,
                    jac, dConst, fEnd);
        }

        /** Flow derivatives with the coefficients from {@code Math}'s functions, where the series do not cover. */
        private void mathFlowDerivatives(double[] x, int xo, double dt, double[] end, double[] jac, double[] dConst,
                double[] fEnd) {
            double in = x[xo + 2];
            double scale = 1;
            double xs = dt / tau;
            double decay = Math.exp(-xs);
            double ell = oneMinusExp(xs, decay);
            double z = in * ell * ell;
            double cc;
            double ss;
            if (in > 0) {
                double c = Math.sqrt(in);
                cc = Math.cos(c * ell);
                ss = ell == 0 ? 0 : Math.sin(c * ell) / c;
            } else if (in < 0) {
                double c = Math.sqrt(-in);
                scale = Math.exp(-c * ell);
                cc = 0.5 * (1 + scale * scale);
                ss = oneMinusExp(2 * c * ell) / (2 * c);
            } else {
                cc = 1;
                ss = ell;
            }
            double sMinusLc = Math.abs(z) < 1e-2 // its series for small |Iℓ²|
                    ? scale * ell * ell * ell * (1.0 / 3 - z / 30 + z * z / 840 - z * z * z / 45360)
                    : (ss - ell * cc) / in;
            flowDerivatives(x, xo, dt, decay, ell, cc, ss, sMinusLc, end, jac, dConst, fEnd);
        }

        /**
         * Flow derivatives from the coefficients of the flow: the decay s = 1 − ℓ, ℓ, C, S and (S − ℓC)/I, an entire
         * function of I.
         */
        private void flowDerivatives(double[] x, int xo, double dt, double decay, double ell, double cc, double ss,
                double sMinusLc, double[] end, double[] jac, double[] dConst, double[] fEnd) {
            double in = x[xo + 2];
            double pp = x[xo];
            double qq = x[xo + 1];
            double dC = -0.5 * ell * ss;
            double dS = -0.5 * sMinusLc;
            double np = decay * (cc * pp + in * ss * qq);
            double nq = cc * qq - ss * pp;
            double n2 = np * np + nq * nq;
            double det = decay * (cc * cc + in * ss * ss);
            double dnp = decay * (dC * pp + (ss + in * dS) * qq);
            double dnq = dC * qq - dS * pp;
            double inverse = 1 / n2;
            double scaleEnd = nq < 0 ? -Math.sqrt(inverse) : Math.sqrt(inverse);
            end[0] = np * scaleEnd;
            end[1] = nq * scaleEnd;
            end[2] = in * decay * decay;
            jac[0] = det * inverse;
            jac[1] = (nq * dnp - np * dnq) * inverse;
            jac[2] = 0;
            jac[3] = decay * decay;
            // f_ψ = (sin²ψ − sinψ cosψ + I cos²ψ)/τ from the unnormalised point (np, nq)
            fEnd[0] = (np * np - np * nq + end[2] * nq * nq) * inverse / tau;
            fEnd[1] = -2 * end[2] / tau;
            // τ only rescales time: ∂F/∂τ = −(Δ/τ) f(F)
            dConst[0] = -dt / tau * fEnd[0];
            dConst[1] = -dt / tau * fEnd[1];
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
            xPlus[1] = x[xo + 1];
            xPlus[2] = x[xo + 2] + w;
            jac[0] = 1;
            jac[1] = 0;
            jac[2] = 0;
            jac[3] = 1;
            dw[0] = 0;
            dw[1] = 1;
            dConst[0] = 0;
            dConst[1] = 0;
        }

        @Override
        protected void resetDerivatives(double[] x, int xo, double[] xPlus, double[] jac) {
            xPlus[0] = -1;
            xPlus[1] = 0;
            xPlus[2] = x[xo + 2];
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
        }
    }
}
