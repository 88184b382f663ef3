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

    /** Pseudo phase {@code φ_p = H(φ(T), u)} and period {@code Θ_p = Θ}. */
    @Override
    public void pseudo(double[] state, int off, double u, double alpha, PseudoState out) {
        double phi = state[off];
        double chi = r() / tau * phi - Math.PI / 2;
        double[] h = new double[JUMP_RESULTS];
        jump(phi, phi == 0 ? -1 : Math.sin(chi), phi == 0 ? 0 : Math.cos(chi), u, h);
        out.phase = h[0];
        out.period = period();
        out.dPhaseDState[0] = h[1];
        out.dPeriodDState[0] = 0;
        out.dPhaseDInput = h[2];
        out.dPeriodDInput = 0;
        out.dPhaseDConstant[0] = h[3];
        out.dPhaseDConstant[1] = h[4];
        out.dPeriodDConstant[0] = out.period / tau;
        out.dPeriodDConstant[1] = -out.period / (2 * (drive - 0.25));
    }

    /** Number of entries {@link #jump} writes. */
    static final int JUMP_RESULTS = 5;

    /**
     * The input map H(φ, w) and its derivatives, from the phase φ before the input and its projective point (p, q),
     * q ≥ 0 ({@code x = (V − 1/2)/r = p/q}). Writes {@code {H, ∂H/∂φ, ∂H/∂w, ∂H/∂τ, ∂H/∂I0}}; all finite, also at
     * the reset (q = 0, p &lt; 0), where H = 0 and the input has no effect.
     */
    void jump(double phi, double p, double q, double w, double[] out) {
        double r = r();
        double pp = p + w / r * q;
        double n2 = pp * pp + q * q;
        double h = (Math.atan2(pp, q) + Math.PI / 2) * tau / r;
        double dPhase = (p * p + q * q) / n2;
        double dWeight = tau / (r * r) * q * q / n2;
        double dr = -h / r + phi / r * dPhase - w / r * dWeight;
        out[0] = h;
        out[1] = dPhase;
        out[2] = dWeight;
        out[3] = (h - phi * dPhase) / tau;
        out[4] = dr / (2 * r);
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
     * <p><b>Recording.</b> Inputs of one time are applied together (a <em>group</em>); a recorded group stores, per
     * neuron it touched, the projective point (P, Q) just before it and the summed weight, plus the number of
     * delivery calls it absorbed: O(touched neurons) per group. Spikes need no record. The backward sweep works in
     * phase coordinates, where the flow is the identity (dφ/dt = 1): the adjoint of a neuron only changes at its
     * touches, by the rational derivatives of H; weight gradients cost one addition per synaptic event.
     */
    static final class Kernel extends PopulationKernel {
        private static final double BIG = 1e100;
        private final Theta model;
        private final double r;
        private final double invR;
        private final double omega;
        private final double period;
        private final double[] a;
        private final double[] b;
        /** Inputs of time {@code refTime} not yet applied, summed per neuron. */
        private final double[] pending;
        private final boolean[] marked;
        private final int[] touched;
        private int touchedCount;
        private boolean allTouched;
        private boolean pendingInputs;
        private int pendingCalls;

        private double trigTime = Double.NaN;
        private double cos;
        private double sin;

        /** Time of the last change; the cached spike refers to the state then. */
        private double refTime;
        private boolean dirty;
        private double spikeTime;
        private int spiker;

        // recording: groups and their touches
        private boolean recording;
        private int groupCount;
        private int[] groupCalls = new int[0];
        private int[] groupStart = new int[0];
        private int touchCount;
        private int[] touchNeuron = new int[0];
        private double[] touchP = new double[0];
        private double[] touchQ = new double[0];
        private double[] touchSum = new double[0];

        // backward sweep
        private final double[] adjoint;
        private final double[] weightFactor;
        private final double[] timeFactor;
        private final double[] xNow;
        private final double[] jumpResult = new double[JUMP_RESULTS];
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
            this.pending = new double[size];
            this.marked = new boolean[size];
            this.touched = new int[size];
            this.adjoint = new double[size];
            this.weightFactor = new double[size];
            this.timeFactor = new double[size];
            this.xNow = new double[size];
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
                if (!(phi >= 0 && phi <= period)) {
                    throw Checks.invalidState(ID, "phase must lie in [0, Theta] = [0, " + period + "], got "
                            + phi);
                }
                if (phi == 0) {
                    a[i] = -1;
                    b[i] = 0;
                } else if (phi == period) {
                    a[i] = 1;
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
            pendingCalls = 0;
            java.util.Arrays.fill(pending, 0);
            java.util.Arrays.fill(marked, false);
            touchedCount = 0;
            allTouched = false;
            trigTime = Double.NaN;
            groupCount = 0;
            touchCount = 0;
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
            pendingCalls++;
            refTime = t;
        }

        private void mark(int i) {
            if (!marked[i]) {
                marked[i] = true;
                touched[touchedCount++] = i;
            }
        }

        /** Applies the summed inputs of time {@code refTime}. */
        private void flush() {
            pendingInputs = false;
            trig(refTime);
            if (recording) {
                openRecordGroup();
            }
            double c = cos;
            double s = sin;
            double k = invR;
            double[] aa = a;
            double[] bb = b;
            double[] in = pending;
            if (allTouched) {
                for (int i = 0; i < size; i++) {
                    double kq = in[i] * k * (c * bb[i] - s * aa[i]);
                    aa[i] += kq * c;
                    bb[i] += kq * s;
                    in[i] = 0;
                }
                for (int n = 0; n < touchedCount; n++) {
                    marked[touched[n]] = false;
                }
            } else {
                for (int n = 0; n < touchedCount; n++) {
                    int i = touched[n];
                    double kq = in[i] * k * (c * bb[i] - s * aa[i]);
                    aa[i] += kq * c;
                    bb[i] += kq * s;
                    in[i] = 0;
                    marked[i] = false;
                }
            }
            touchedCount = 0;
            allTouched = false;
            pendingCalls = 0;
        }

        private void openRecordGroup() {
            int g = groupCount;
            if (g == groupCalls.length) {
                groupCalls = java.util.Arrays.copyOf(groupCalls, Math.max(16, 2 * g));
                groupStart = java.util.Arrays.copyOf(groupStart, Math.max(16, 2 * g) + 1);
            }
            groupCalls[g] = pendingCalls;
            groupStart[g] = touchCount;
            int n = allTouched ? size : touchedCount;
            if (touchCount + n > touchNeuron.length) {
                int cap = Math.max(2 * touchNeuron.length, touchCount + n);
                touchNeuron = java.util.Arrays.copyOf(touchNeuron, cap);
                touchP = java.util.Arrays.copyOf(touchP, cap);
                touchQ = java.util.Arrays.copyOf(touchQ, cap);
                touchSum = java.util.Arrays.copyOf(touchSum, cap);
            }
            for (int m = 0; m < n; m++) {
                int i = allTouched ? m : touched[m];
                double pp = cos * a[i] + sin * b[i];
                double qq = cos * b[i] - sin * a[i];
                if (qq < 0) {
                    pp = -pp;
                    qq = -qq;
                }
                int t = touchCount++;
                touchNeuron[t] = i;
                touchP[t] = pp;
                touchQ[t] = qq;
                touchSum[t] = pending[i];
            }
            groupCount = g + 1;
            groupStart[groupCount] = touchCount;
        }

        @Override
        public void deliver(int i, double w, double t) {
            prepare(t);
            pending[i] += w;
            if (!allTouched) {
                mark(i);
            }
        }

        @Override
        public void deliverSparse(int[] targets, double[] weights, int from, int to, double t) {
            prepare(t);
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
            double[] in = pending;
            for (int i = 0; i < size; i++) {
                in[i] += weights[offset + i];
            }
            allTouched = true;
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

        /** Whether neuron i is the next spiker and due by time t (then it sits exactly at its spike point). */
        private boolean dueBy(int i, double t) {
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
            return Math.atan2(pp, qq);
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
            if (pendingInputs) {
                flush();
            }
            System.arraycopy(finalAdjoint, 0, adjoint, 0, size);
            constantAdjoint[0] = 0;
            constantAdjoint[1] = 0;
            group = groupCount - 1;
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
                int i = touchNeuron[t];
                double p0 = touchP[t];
                double qq = touchQ[t];
                double pp = p0 + touchSum[t] * invR * qq;
                double lam = adjoint[i];
                if (wantConstants) {
                    double phi = (Math.atan2(p0, qq) + Math.PI / 2) / omega;
                    model.jump(phi, p0, qq, touchSum[t], jumpResult);
                    constantAdjoint[0] += lam * jumpResult[3];
                    constantAdjoint[1] += lam * jumpResult[4];
                }
                adjoint[i] = lam * (p0 * p0 + qq * qq) / (pp * pp + qq * qq);
            }
            group--;
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
}
