package io.smoothspike.model;

import io.smoothspike.math.Arctangent;
import io.smoothspike.math.Sums;
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
        return new Kernel(size, this);
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

    /**
     * Theta population in the co-rotating frame.
     *
     * <p><b>Next spiker.</b> A scan ranks the neurons by χ (a few best, in order). Until the population receives an
     * input again, the ranking holds: all neurons rotate together and a neuron that fires drops to the reset point,
     * last in the ranking. So a spike hands over to the next ranked neuron without a scan, and a population that fires
     * alone (e.g. a layer after its inputs) costs one scan per {@value #RANKED_QUIET} spikes. When the engine only
     * needs to know whether the population spikes before its next event ({@link #nextSpikeTimeUpTo}), a cheaper pass
     * without ranking answers "not by then" for most inputs into a large layer.
     *
     * <p><b>Recording.</b> Inputs of one time are applied together (a <em>group</em>); a recorded group stores, per
     * neuron it touched, the projective point (P, Q) just before it and the summed weight, plus the number of
     * delivery calls it absorbed: O(touched neurons) per group. A group made of a single dense delivery (the common
     * case of a spike into an all-to-all layer) stores (P, Q) only: the neuron is its position and the summed weight
     * is the synapse's weight, which the backward call receives. Spikes need no record. The backward sweep works in
     * phase coordinates, where the flow is the identity (dφ/dt = 1): the adjoint of a neuron only changes at its
     * touches, by the rational derivatives of H; weight gradients cost one addition per synaptic event.
     */
    static final class Kernel extends PopulationKernel {
        private static final double BIG = 1e100;
        /** Number of neurons a scan ranks after an input (few spike before the next input arrives). */
        static final int RANKED_AFTER_INPUT = 2;
        /** Number of neurons a scan ranks when no input arrived since the last scan (the population fires alone). */
        static final int RANKED_QUIET = 8;
        /** Relative margin of {@link #quietThrough}: far above the rounding of the test and of the spike times. */
        private static final double QUIET_MARGIN = 1e-10;
        /** Smallest population size for which {@link #nextSpikeTimeUpTo} tests for quiet before ranking. */
        private static final int QUIET_TEST_SIZE = 32;
        /** Dense deliveries of one time added to the pending inputs together. */
        private static final int DEFERRED_ROWS = 4;
        private final Theta model;
        private final double r;
        private final double invR;
        private final double omega;
        private final double period;
        private final double[] a;
        private final double[] b;
        /** The initial phases of the last trial and their points. */
        private double[] initialPhase;
        private final double[] initialA;
        private final double[] initialB;
        /** Inputs of time {@code refTime} not yet applied, summed per neuron (but for the deferred dense rows). */
        private final double[] pending;
        /** Dense weight rows delivered but not yet added to {@code pending}, and their offsets. */
        private final double[][] deferredRows = new double[DEFERRED_ROWS][];
        private final int[] deferredOffsets = new int[DEFERRED_ROWS];
        private int deferredCount;
        private final boolean[] marked;
        private final int[] touched;
        private int touchedCount;
        private boolean allTouched;
        /** Number of delivery calls summed in {@code pending} (and the deferred rows) since the last flush. */
        private int pendingCalls;

        /** Rotations by time, shared with the simulator's other theta kernels of the same ω. */
        private Rotations rotations;
        private double trigTime = Double.NaN;
        private double cos;
        private double sin;
        private double boundCos;
        private double boundSin;

        /** Time of the last change; the cached spike refers to the state then. */
        private double refTime;
        private boolean dirty;
        private double spikeTime;
        private int spiker;

        // ranking of the last scan, best first; valid while not dirty (an input or an unranked spike makes it dirty)
        private final int[] candidate = new int[RANKED_QUIET];
        private final double[] candidateP = new double[RANKED_QUIET];
        private final double[] candidateQ = new double[RANKED_QUIET];
        private int candidateCount;
        private int candidateNext;
        private double rankTime;
        private boolean inputsSinceScan;
        /** While dirty: no neuron spikes at or before this time (from the state at {@code refTime}). */
        private double quietUntil = Double.NEGATIVE_INFINITY;

        // recording: groups and their touches
        private boolean recording;
        private int groupCount;
        private int[] groupCalls = new int[0];
        private int[] groupStart = new int[0];
        private boolean[] groupSingleDense = new boolean[0];
        private int touchCount;
        private int[] touchNeuron = new int[0];
        private double[] touchP = new double[0];
        private double[] touchQ = new double[0];
        private double[] touchSum = new double[0];
        /**
         * Points (P, Q) of the single-dense groups, one pair of arrays per group in recording order, kept across
         * trials: the flush writes them and the backward pass reads them at the neuron's own index (loops that C2
         * vectorizes, without copies).
         */
        private double[][] denseP = new double[0][];
        private double[][] denseQ = new double[0][];
        private int denseCount;
        /** Backward sweep: number of single-dense groups not yet passed. */
        private int denseLeft;

        // backward sweep
        private final double[] adjoint;
        private final double[] weightFactor;
        private final double[] timeFactor;
        private final double[] xNow;
        private final double[] timeTerm;
        /** Scratch points (P, Q) of a single-dense flush that is not recorded. */
        private final double[] groupP;
        private final double[] groupQ;
        private final double[] groupWeight;
        private final double[] groupWeightGrad;
        /** Per neuron, the test value of the last {@link #flushSingleDense}: negative if surely quiet. */
        private final double[] quietTest;
        /** Scratch of {@link #passAdjointConstants}: the input map's derivatives at one touch. */
        private final PseudoState jumpResult;
        private final double[] constantAdjoint = new double[2];
        private boolean wantConstants;
        private int group;
        private int callsLeft;

        Kernel(int size, Theta model) {
            super(size);
            this.model = model;
            this.r = model.r();
            this.invR = 1 / r;
            this.omega = r / model.tau;
            this.period = model.period();
            this.a = new double[size];
            this.b = new double[size];
            this.initialA = new double[size];
            this.initialB = new double[size];
            this.pending = new double[size];
            this.marked = new boolean[size];
            this.touched = new int[size];
            this.adjoint = new double[size];
            this.weightFactor = new double[size];
            this.timeFactor = new double[size];
            this.xNow = new double[size];
            this.timeTerm = new double[size];
            this.groupP = new double[size];
            this.groupQ = new double[size];
            this.groupWeight = new double[size];
            this.groupWeightGrad = new double[size];
            this.quietTest = new double[size];
            this.rotations = new Rotations(omega);
            this.jumpResult = PseudoState.of(model);
        }

        /** Sets (boundCos, boundSin) to the rotation at {@code bound} and (cos, sin) to that at {@code refTime}. */
        private void trigPair(double bound) {
            trig(bound);
            boundCos = cos;
            boundSin = sin;
            trig(refTime);
        }

        /** Sets (cos, sin) to the rotation at time t. */
        private void trig(double t) {
            if (t == trigTime) {
                return;
            }
            int k = rotations.slot(t);
            cos = rotations.cos[k];
            sin = rotations.sin[k];
            trigTime = t;
        }

        /**
         * Shares the rotation cache of {@code other} if it is a theta kernel with the same ω: a spike's time is then
         * rotated once for the population that fires and the populations it reaches.
         */
        @Override
        public void shareCachesWith(PopulationKernel other) {
            if (other instanceof Kernel k && Double.compare(k.omega, omega) == 0) {
                rotations = k.rotations;
            }
        }

        /**
         * Sets the initial phases. Their points (two transcendental functions each) are kept for the next trial, which
         * usually starts from the same phases.
         */
        @Override
        public void initialize(double[] state) {
            if (!java.util.Arrays.equals(state, initialPhase)) {
                initialPoints(state);
            }
            System.arraycopy(initialA, 0, a, 0, size);
            System.arraycopy(initialB, 0, b, 0, size);
            refTime = 0;
            dirty = true;
            quietUntil = Double.NEGATIVE_INFINITY;
            inputsSinceScan = true;
            pendingCalls = 0;
            java.util.Arrays.fill(pending, 0);
            java.util.Arrays.fill(deferredRows, null);
            deferredCount = 0;
            java.util.Arrays.fill(marked, false);
            touchedCount = 0;
            allTouched = false;
            groupCount = 0;
            touchCount = 0;
            denseCount = 0;
        }

        private void initialPoints(double[] state) {
            initialPhase = null;
            for (int i = 0; i < size; i++) {
                double phi = state[i];
                if (!(phi >= 0 && phi <= period)) {
                    throw Checks.invalidState(ID, "phase must lie in [0, Theta] = [0, " + period + "], got "
                            + phi);
                }
                if (phi == 0) {
                    initialA[i] = -1;
                    initialB[i] = 0;
                } else if (phi == period) {
                    initialA[i] = 1;
                    initialB[i] = 0;
                } else {
                    double chi = omega * phi - Math.PI / 2;
                    initialA[i] = Math.sin(chi);
                    initialB[i] = Math.cos(chi);
                }
            }
            initialPhase = state.clone();
        }

        /**
         * Starts inputs at time t. Shears at one time commute and add up (Q is unchanged by them), so the inputs of
         * one time are summed per neuron in {@code pending} and applied once by {@link #flush()}. A neuron due
         * exactly now is pinned at its spike point first.
         */
        private void prepare(double t) {
            if (pendingInputs() && t != refTime) {
                flush();
            }
            if (!dirty && t >= spikeTime) {
                trig(t);
                a[spiker] = cos;
                b[spiker] = sin;
            }
            dirty = true;
            quietUntil = Double.NEGATIVE_INFINITY;
            inputsSinceScan = true;
            pendingCalls++;
            refTime = t;
        }

        private void mark(int i) {
            if (!marked[i]) {
                marked[i] = true;
                touched[touchedCount++] = i;
            }
        }

        /** Applies the summed inputs of time {@code refTime}: neuron i gets the shear P += (w/r) Q. */
        private void flush() {
            if (singleDensePending()) {
                flushSingleDense(Double.NaN);
                return;
            }
            addDeferredRows();
            trig(refTime);
            double c = cos;
            double s = sin;
            int n = allTouched ? size : touchedCount;
            int start = recording ? openRecordGroup(n) : -1;
            boolean full = start >= 0 && !groupSingleDense[groupCount - 1];
            for (int m = 0; m < n; m++) {
                int i = allTouched ? m : touched[m];
                double ai = a[i];
                double bi = b[i];
                double qq = c * bi - s * ai;
                if (start >= 0) {
                    record(start + m, c * ai + s * bi, qq, full ? i : -1);
                }
                double kq = pending[i] * invR * qq;
                ai += kq * c;
                bi += kq * s;
                if (Math.abs(ai) + Math.abs(bi) > BIG) {
                    ai /= BIG;
                    bi /= BIG;
                }
                a[i] = ai;
                b[i] = bi;
                pending[i] = 0;
            }
            endInputs();
        }

        /**
         * {@link #flush()} of inputs made of one dense delivery (a spike into an all-to-all layer: the common case),
         * with the test of {@link #quietThrough} up to {@code bound} on the way if the bound is testable; returns the
         * test's result (false if not tested). The summed input is the delivery's weight row, and the record holds the points
         * (P, Q) before the shear with either sign of Q. All loops run over same-index arrays, which C2 vectorizes.
         */
        private boolean flushSingleDense(double bound) {
            if (deferredCount == 1) {
                // the summed input is the row itself (pending is zero): a copy, vectorized, where adding it is not;
                // the shear below adds +0.0 to it, as adding the row to zeros did (turning −0.0 into +0.0)
                System.arraycopy(deferredRows[0], deferredOffsets[0], pending, 0, size);
                deferredRows[0] = null;
                deferredCount = 0;
            } else {
                addDeferredRows();
            }
            boolean test = isTestable(bound);
            trigPair(test ? bound : refTime);
            double cb = boundCos;
            double sb = boundSin;
            double c = cos;
            double s = sin;
            double[] aa = a;
            double[] bb = b;
            double[] w = pending;
            double[] e = quietTest;
            double[] p = groupP;
            double[] q = groupQ;
            if (recording) {
                openRecordGroup(0);
                int g = openDenseRecord();
                p = denseP[g];
                q = denseQ[g];
            }
            double k = invR;
            // three simple loops: C2 vectorizes each (one fused loop it did not, measured)
            for (int i = 0; i < size; i++) {
                double ai = aa[i];
                double bi = bb[i];
                p[i] = c * ai + s * bi;
                q[i] = c * bi - s * ai;
            }
            for (int i = 0; i < size; i++) {
                double kq = (w[i] + 0.0) * k * q[i];
                aa[i] += kq * c;
                bb[i] += kq * s;
                w[i] = 0;
            }
            for (int i = 0; i < size; i++) {
                double ai = aa[i];
                double bi = bb[i];
                // negative unless the neuron may spike by the bound or needs rescaling (see below)
                e[i] = Math.max(QUIET_MARGIN * (ai * ai + bi * bi) - q[i] * (cb * bi - sb * ai),
                        Math.abs(ai) + Math.abs(bi) - BIG);
            }
            boolean quiet = test;
            for (int i = 0; i < size; i++) {
                if (!(e[i] < 0)) {
                    if (Math.abs(aa[i]) + Math.abs(bb[i]) > BIG) {
                        aa[i] /= BIG;
                        bb[i] /= BIG;
                    }
                    quiet = quiet && quietAt(aa[i], bb[i], c, s, cb, sb);
                }
            }
            endInputs();
            return quiet;
        }

        private boolean pendingInputs() {
            return pendingCalls > 0;
        }

        /** Whether the pending inputs are one dense delivery (a spike into an all-to-all layer). */
        private boolean singleDensePending() {
            return allTouched && pendingCalls == 1;
        }

        /** Clears the bookkeeping of the applied inputs. */
        private void endInputs() {
            for (int n = 0; n < touchedCount; n++) {
                marked[touched[n]] = false;
            }
            touchedCount = 0;
            allTouched = false;
            pendingCalls = 0;
        }

        /** Opens a recorded group of n touches; returns the index of its first touch. */
        private int openRecordGroup(int n) {
            int g = groupCount;
            if (g == groupCalls.length) {
                int cap = Math.max(16, 2 * g);
                groupCalls = java.util.Arrays.copyOf(groupCalls, cap);
                groupStart = java.util.Arrays.copyOf(groupStart, cap + 1);
                groupSingleDense = java.util.Arrays.copyOf(groupSingleDense, cap);
            }
            if (touchCount + n > touchP.length) {
                int cap = Math.max(2 * touchP.length, touchCount + n);
                touchNeuron = java.util.Arrays.copyOf(touchNeuron, cap);
                touchP = java.util.Arrays.copyOf(touchP, cap);
                touchQ = java.util.Arrays.copyOf(touchQ, cap);
                touchSum = java.util.Arrays.copyOf(touchSum, cap);
            }
            int start = touchCount;
            groupCalls[g] = pendingCalls;
            groupStart[g] = start;
            groupSingleDense[g] = singleDensePending();
            touchCount += n;
            groupCount = g + 1;
            groupStart[groupCount] = touchCount;
            return start;
        }

        /** Opens the record of the next single-dense group; returns its index into {@code denseP}, {@code denseQ}. */
        private int openDenseRecord() {
            int g = denseCount++;
            if (g == denseP.length) {
                int cap = Math.max(16, 2 * g);
                denseP = java.util.Arrays.copyOf(denseP, cap);
                denseQ = java.util.Arrays.copyOf(denseQ, cap);
            }
            if (denseP[g] == null) {
                denseP[g] = new double[size];
                denseQ[g] = new double[size];
            }
            return g;
        }

        /**
         * Records touch k: the point (pp, qq) before the inputs with Q ≥ 0, and for {@code neuron ≥ 0} the neuron and
         * its summed input.
         */
        private void record(int k, double pp, double qq, int neuron) {
            boolean flip = qq < 0;
            touchP[k] = flip ? -pp : pp;
            touchQ[k] = flip ? -qq : qq;
            if (neuron >= 0) {
                touchNeuron[k] = neuron;
                touchSum[k] = pending[neuron];
            }
        }

        @Override
        public void deliver(int i, double w, double t) {
            prepare(t);
            addDeferredRows();
            pending[i] += w;
            if (!allTouched) {
                mark(i);
            }
        }

        @Override
        public void deliverSparse(int[] targets, double[] weights, int from, int to, double t) {
            prepare(t);
            addDeferredRows();
            double[] in = pending;
            for (int n = from; n < to; n++) {
                in[targets[n]] += weights[n];
            }
            if (!allTouched) {
                for (int n = from; n < to; n++) {
                    mark(targets[n]);
                }
            }
        }

        @Override
        public void deliverDense(double[] weights, int offset, double t) {
            prepare(t);
            deferredRows[deferredCount] = weights;
            deferredOffsets[deferredCount++] = offset;
            if (deferredCount == DEFERRED_ROWS) {
                addDeferredRows();
            }
            allTouched = true;
        }

        /**
         * Adds the deferred dense rows to {@code pending}, in their order of delivery (so the sums are bitwise those of
         * adding each row at once). A loop with an offset into the weights is not vectorized by C2, but one pass over
         * four rows costs half of four passes (measured).
         */
        private void addDeferredRows() {
            double[] in = pending;
            if (deferredCount == DEFERRED_ROWS) {
                double[] w0 = deferredRows[0];
                double[] w1 = deferredRows[1];
                double[] w2 = deferredRows[2];
                double[] w3 = deferredRows[3];
                int o0 = deferredOffsets[0];
                int o1 = deferredOffsets[1];
                int o2 = deferredOffsets[2];
                int o3 = deferredOffsets[3];
                for (int i = 0; i < size; i++) {
                    in[i] = in[i] + w0[o0 + i] + w1[o1 + i] + w2[o2 + i] + w3[o3 + i];
                }
            } else {
                for (int r = 0; r < deferredCount; r++) {
                    double[] w = deferredRows[r];
                    int o = deferredOffsets[r];
                    for (int i = 0; i < size; i++) {
                        in[i] += w[o + i];
                    }
                }
            }
            java.util.Arrays.fill(deferredRows, 0, deferredCount, null);
            deferredCount = 0;
        }

        /**
         * Ranks all neurons at {@code refTime} after applying pending inputs: the best {@link #RANKED_AFTER_INPUT}
         * after an input, else {@link #RANKED_QUIET}.
         */
        private void scan() {
            int rank = inputsSinceScan ? RANKED_AFTER_INPUT : RANKED_QUIET;
            inputsSinceScan = false;
            if (pendingInputs()) {
                flush();
            }
            trig(refTime);
            double c = cos;
            double s = sin;
            double[] aa = a;
            double[] bb = b;
            int count = 0;
            double lastP = 0;
            double lastQ = 0;
            for (int i = 0; i < size; i++) {
                double ai = aa[i];
                double bi = bb[i];
                double pp = c * ai + s * bi;
                double qq = c * bi - s * ai;
                if (qq < 0) {
                    pp = -pp;
                    qq = -qq;
                }
                if (count < rank || ahead(pp, qq, lastP, lastQ)) {
                    count = insertCandidate(i, pp, qq, count, rank);
                    lastP = candidateP[count - 1];
                    lastQ = candidateQ[count - 1];
                }
            }
            candidateCount = count;
            spiker = candidate[0];
            rankTime = refTime;
            spikeTime = rankedSpikeTime(0);
            candidateNext = 0;
            dirty = false;
        }

        /**
         * Whether projective point (pp, qq) is strictly ahead of (bp, bq) (both with Q ≥ 0): larger χ; at χ = π/2
         * (both at the spike point) the larger P.
         */
        private static boolean ahead(double pp, double qq, double bp, double bq) {
            double cross = pp * bq - qq * bp;
            return cross > 0 || (cross == 0 && qq == 0 && bq == 0 && pp > bp);
        }

        /**
         * Inserts neuron i into the first {@code count} candidates behind every one it is not ahead of (ties keep the
         * lower index first), keeping at most {@code rank}; returns the new count.
         */
        private int insertCandidate(int i, double pp, double qq, int count, int rank) {
            int pos = Math.min(count, rank - 1);
            while (pos > 0 && ahead(pp, qq, candidateP[pos - 1], candidateQ[pos - 1])) {
                candidate[pos] = candidate[pos - 1];
                candidateP[pos] = candidateP[pos - 1];
                candidateQ[pos] = candidateQ[pos - 1];
                pos--;
            }
            candidate[pos] = i;
            candidateP[pos] = pp;
            candidateQ[pos] = qq;
            return Math.min(count + 1, rank);
        }

        @Override
        public double nextSpikeTime() {
            if (dirty) {
                scan();
            }
            return spikeTime;
        }

        /**
         * Without a valid ranking, first tests whether any neuron can spike by {@code bound} (one pass without ranking,
         * see {@link #quietThrough}); only then ranks. In a layer that receives many inputs (each one invalidates the
         * ranking) the next event is usually another input, so most rankings are saved.
         */
        @Override
        public double nextSpikeTimeUpTo(double bound) {
            if (!dirty) {
                return spikeTime;
            }
            if (bound <= quietUntil) {
                return Double.POSITIVE_INFINITY;
            }
            if (size < QUIET_TEST_SIZE) {
                scan(); // ranking a small population costs less than the test's two transcendental functions
                return spikeTime;
            }
            boolean quiet;
            if (singleDensePending()) {
                quiet = flushSingleDense(bound);
            } else {
                if (pendingInputs()) {
                    flush();
                }
                // a population that fired since its last input likely fires again soon: rank at once
                quiet = inputsSinceScan && quietThrough(bound);
            }
            if (quiet) {
                quietUntil = bound;
                return Double.POSITIVE_INFINITY;
            }
            scan();
            return spikeTime;
        }

        /**
         * Whether no neuron spikes at or before {@code bound}, with a margin far above rounding (when in doubt: false,
         * and the caller ranks exactly). Between {@code refTime} and a bound less than Θ/2 later the points turn by
         * less than π/2, and a neuron spikes iff its coordinate Q changes sign: the test is Q(refTime) Q(bound) > 0.
         */
        private boolean quietThrough(double bound) {
            if (!isTestable(bound)) {
                return false;
            }
            trigPair(bound);
            for (int i = 0; i < size; i++) {
                if (!quietAt(a[i], b[i], cos, sin, boundCos, boundSin)) {
                    return false;
                }
            }
            return true;
        }

        /** Whether {@link #quietThrough} can test up to {@code bound}: at most Θ/2 after {@code refTime}. */
        private boolean isTestable(double bound) {
            double delta = bound - refTime;
            return delta >= 0 && delta < period / 2;
        }

        /**
         * The test of {@link #quietThrough} for the neuron at co-rotating point (ai, bi), with the rotations (c, s) at
         * {@code refTime} and (cb, sb) at the bound: true if it surely does not spike by the bound (also if it sits at
         * the reset point), false if it may (or sits at the spike point, or is not finite).
         */
        private static boolean quietAt(double ai, double bi, double c, double s, double cb, double sb) {
            double qq = c * bi - s * ai;
            return qq * (cb * bi - sb * ai) > QUIET_MARGIN * (ai * ai + bi * bi) || qq == 0 && c * ai + s * bi < 0;
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
            if (pendingInputs()) {
                flush();
            }
            trig(t);
            boolean handedOver = !dirty && i == spiker && nextCandidate(t);
            if (!handedOver) {
                pinTiesOf(i);
            }
            a[i] = -cos;
            b[i] = -sin;
            refTime = t;
            dirty = !handedOver;
            quietUntil = Double.NEGATIVE_INFINITY;
        }

        /**
         * After the spiker fired at t with no input since the scan: the next ranked neuron becomes the spiker, with
         * its spike time from the scan's point (so that neurons tied in the ranking spike together), if the ranking
         * has one.
         */
        private boolean nextCandidate(double t) {
            int k = ++candidateNext;
            if (k >= candidateCount) {
                return false;
            }
            spiker = candidate[k];
            spikeTime = Math.max(t, rankedSpikeTime(k));
            return true;
        }

        /** Spike time of the k-th ranked neuron, from its point at the scan: one transcendental function. */
        private double rankedSpikeTime(int k) {
            return rankTime + (Math.PI / 2 - Arctangent.atan2(candidateP[k], candidateQ[k])) / omega;
        }

        /**
         * Pins every other neuron in exactly the state of the spiking neuron i (identical neurons, due at the same
         * time) at its spike point, so that the rounding of the spike time cannot let it slip past it.
         */
        private void pinTiesOf(int i) {
            double ai = a[i];
            double bi = b[i];
            for (int j = 0; j < size; j++) {
                if (a[j] == ai && b[j] == bi && j != i) {
                    a[j] = cos;
                    b[j] = sin;
                }
            }
        }

        /** Whether neuron i is the next spiker and due by time t (then it sits exactly at its spike point). */
        private boolean dueBy(int i, double t) {
            if (dirty && t <= quietUntil) {
                return false; // no neuron spikes by t: no need to rank
            }
            return i == nextSpiker() && t >= spikeTime;
        }

        private double chiAt(int i, double t) {
            if (dueBy(i, t)) {
                return Math.PI / 2;
            }
            trig(t);
            double pp = cos * a[i] + sin * b[i];
            double qq = cos * b[i] - sin * a[i];
            if (qq < 0) {
                pp = -pp;
                qq = -qq;
            }
            return Arctangent.atan2(pp, qq);
        }

        @Override
        public void stateAt(int i, double t, double[] out, int off) {
            out[off] = (chiAt(i, t) + Math.PI / 2) / omega;
        }

        @Override
        public double voltageAt(int i, double t) {
            if (dueBy(i, t)) {
                return Double.MAX_VALUE;
            }
            trig(t);
            double pp = cos * a[i] + sin * b[i];
            double qq = cos * b[i] - sin * a[i];
            if (qq == 0) {
                return Math.copySign(Double.MAX_VALUE, pp);
            }
            return 0.5 + r * pp / qq;
        }

        // ---- backward sweep ----

        @Override
        public void setRecording(boolean on) {
            recording = on;
        }

        @Override
        public void beginBackward(double duration, double[] finalAdjoint) {
            if (!recording) {
                throw new IllegalStateException("backward sweep needs a recorded forward run (setRecording(true))");
            }
            if (pendingInputs()) {
                flush();
            }
            System.arraycopy(finalAdjoint, 0, adjoint, 0, size);
            constantAdjoint[0] = 0;
            constantAdjoint[1] = 0;
            group = groupCount - 1;
            denseLeft = denseCount;
            callsLeft = 0;
        }

        /** dL/d(τ, I0) costs two atan2 per recorded touch; off by default. */
        @Override
        public void setConstantGradients(boolean on) {
            wantConstants = on;
        }

        /** Opens the current group for backward delivery calls if none is open. */
        private void enterGroup() {
            if (callsLeft > 0) {
                return;
            }
            if (group < 0) {
                throw new IllegalStateException("backward sweep out of step with the recorded forward run");
            }
            callsLeft = groupCalls[group];
            double scale = model.tau / (r * r);
            for (int t = groupStart[group]; t < groupStart[group + 1]; t++) {
                int i = touchNeuron[t];
                double qq = touchQ[t];
                if (qq == 0) {
                    weightFactor[i] = 0;
                    timeFactor[i] = 0;
                    xNow[i] = 0;
                    continue;
                }
                double pp = touchP[t] + touchSum[t] * invR * qq;
                double q2n = qq * qq / (pp * pp + qq * qq);
                weightFactor[i] = adjoint[i] * scale * q2n;
                timeFactor[i] = adjoint[i] * q2n;
                xNow[i] = pp / qq;
            }
        }

        /** After the group's last backward call: passes the adjoints through H. */
        private void leaveGroup() {
            if (--callsLeft > 0) {
                return;
            }
            for (int t = groupStart[group]; t < groupStart[group + 1]; t++) {
                passAdjoint(touchNeuron[t], touchP[t], touchQ[t], touchSum[t]);
            }
            group--;
        }

        /** Passes neuron i's adjoint back through its touch H(·, w) from the point (p0, qq) before it. */
        private void passAdjoint(int i, double p0, double qq, double w) {
            if (wantConstants) {
                passAdjointConstants(i, p0, qq, w);
            }
            double pp = p0 + w * invR * qq;
            adjoint[i] = adjoint[i] * (p0 * p0 + qq * qq) / (pp * pp + qq * qq);
        }

        /** One synaptic event of the open group, in reverse: returns its dL/dt share. */
        private double backwardOne(int i, double w, double[] weightGrad, int k) {
            weightGrad[k] += weightFactor[i];
            double x = xNow[i];
            double xm = x - w * invR;
            xNow[i] = xm;
            return timeFactor[i] * (xm - x) * (xm + x);
        }

        @Override
        public double backwardSparse(int[] targets, double[] weights, double[] weightGrad, int from, int to,
                double t, boolean timeAdjoint) {
            enterGroup();
            double sum = 0;
            if (timeAdjoint) {
                for (int n = to - 1; n >= from; n--) {
                    sum += backwardOne(targets[n], weights[n], weightGrad, n);
                }
            } else {
                double[] wf = weightFactor;
                for (int n = to - 1; n >= from; n--) {
                    weightGrad[n] += wf[targets[n]];
                }
            }
            leaveGroup();
            return sum;
        }

        @Override
        public double backwardDense(double[] weights, double[] weightGrad, int offset, double t,
                boolean timeAdjoint) {
            if (singleDenseGroupNext()) {
                double sum = backwardSingleDense(weights, offset, timeAdjoint);
                double[] g = groupWeightGrad;
                for (int i = 0; i < size; i++) {
                    weightGrad[offset + i] += g[i];
                }
                return sum;
            }
            enterGroup();
            double sum = 0;
            if (timeAdjoint) {
                for (int i = size - 1; i >= 0; i--) {
                    sum += backwardOne(i, weights[offset + i], weightGrad, offset + i);
                }
            } else {
                // weight gradients only: one addition per synaptic event
                double[] wf = weightFactor;
                for (int i = 0; i < size; i++) {
                    weightGrad[offset + i] += wf[i];
                }
            }
            leaveGroup();
            return sum;
        }

        /** Whether the next backward delivery call is that of a group made of one dense delivery. */
        private boolean singleDenseGroupNext() {
            return callsLeft == 0 && group >= 0 && groupSingleDense[group];
        }

        /** Theta sums the inputs of one time: all dense deliveries of a group add the same row, ∂H/∂w per neuron. */
        @Override
        public boolean sharesDenseRows() {
            return true;
        }

        @Override
        public int backwardDenseRow(double[] weights, int offset, double t, double[] row, int lastKey) {
            int key = group; // the recorded group this delivery belongs to: unique within the sweep
            if (singleDenseGroupNext()) {
                backwardSingleDense(weights, offset, false);
                System.arraycopy(groupWeightGrad, 0, row, 0, size);
                return key;
            }
            enterGroup();
            if (key != lastKey) {
                // every neuron was touched (the group has a dense delivery), so the row is complete
                System.arraycopy(weightFactor, 0, row, 0, size);
            }
            leaveGroup();
            return key;
        }

        /**
         * The reverse of a group made of one dense delivery, in one pass: the summed input of neuron i is
         * {@code weights[offset + i]}. With (p0, q) the point before the shear and p = p0 + (w/r) q after it, dH/dw =
         * (τ/r²) q²/(p² + q²), dH/dφ = (p0² + q²)/(p² + q²) and the event time's share is the adjoint times
         * −(w/r) q (p0 + p)/(p² + q²). Leaves the row of weight gradients in {@code groupWeightGrad}; returns the event
         * time's share.
         */
        private double backwardSingleDense(double[] weights, int offset, boolean timeAdjoint) {
            int dense = --denseLeft;
            double[] p = denseP[dense];
            double[] q = denseQ[dense];
            if (wantConstants) {
                for (int i = 0; i < size; i++) {
                    double sign = q[i] < 0 ? -1 : 1;
                    passAdjointConstants(i, sign * p[i], sign * q[i], weights[offset + i]);
                }
            }
            // HotSpot's C2 (JDK 17) vectorizes this loop only if all its arrays share one index and it has no negation:
            // a copy of the weights, and the sign of the time term outside (about 2x faster). The terms are even in
            // the point (p0, q), so the record needs no sign normalisation.
            double[] w = groupWeight;
            double[] g = groupWeightGrad;
            double[] term = timeTerm;
            double[] lam = adjoint;
            System.arraycopy(weights, offset, w, 0, size);
            double scale = model.tau / (r * r);
            double k = invR;
            for (int i = 0; i < size; i++) {
                double p0 = p[i];
                double qq = q[i];
                double q2 = qq * qq;
                double shear = w[i] * k * qq;
                double pp = p0 + shear;
                double l = lam[i] / (pp * pp + q2);
                g[i] = l * q2 * scale;
                term[i] = l * shear * (p0 + pp);
                lam[i] = l * (p0 * p0 + q2);
            }
            group--;
            return timeAdjoint ? -Sums.sum(term, 0, size) : 0;
        }

        /** Adds neuron i's share of dL/d(τ, I0) at its touch (p0, qq) with summed input w. */
        private void passAdjointConstants(int i, double p0, double qq, double w) {
            double phi = (Arctangent.atan2(p0, qq) + Math.PI / 2) / omega;
            model.jump(phi, p0, qq, w, jumpResult);
            constantAdjoint[0] += adjoint[i] * jumpResult.dPhaseDConstant[0];
            constantAdjoint[1] += adjoint[i] * jumpResult.dPhaseDConstant[1];
        }

        @Override
        public void backwardFire(int i, double t, double timeAdjoint) {
            double total = timeAdjoint - adjoint[i];
            adjoint[i] -= timeAdjoint;
            // the spike time is t = s + Θ − φ(s): ∂/∂φ = −1, ∂/∂(τ, I0) = ∂Θ/∂(τ, I0)
            constantAdjoint[0] += total * period / model.tau;
            constantAdjoint[1] += total * -period / (2 * r * r);
        }

        @Override
        public void endBackward(double[] initialStateGrad, double[] constantGrad) {
            if (group >= 0 || callsLeft > 0) {
                throw new IllegalStateException("backward sweep ended before the recorded forward run's start");
            }
            for (int i = 0; i < size; i++) {
                initialStateGrad[i] += adjoint[i];
            }
            constantGrad[0] += constantAdjoint[0];
            constantGrad[1] += constantAdjoint[1];
        }
    }

    /**
     * The last few rotations (cos ωt, sin ωt) by time t, shared by the theta kernels of one simulator (one thread):
     * the times of the next events are asked for by several populations, and each rotation costs two transcendental
     * functions.
     */
    static final class Rotations {
        private static final int SLOTS = 4;
        private final double omega;
        private final double[] times = new double[SLOTS];
        final double[] cos = new double[SLOTS];
        final double[] sin = new double[SLOTS];
        private int next;

        Rotations(double omega) {
            this.omega = omega;
            java.util.Arrays.fill(times, Double.NaN); // no time matches an empty slot
        }

        /** The slot holding the rotation at time t; computes it into the oldest slot if none does. */
        int slot(double t) {
            for (int k = 0; k < SLOTS; k++) {
                if (times[k] == t) {
                    return k;
                }
            }
            int k = next;
            next = (k + 1) % SLOTS;
            times[k] = t;
            cos[k] = Math.cos(omega * t);
            sin[k] = Math.sin(omega * t);
            return k;
        }
    }
}
