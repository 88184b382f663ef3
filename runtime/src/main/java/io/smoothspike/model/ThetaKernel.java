package io.smoothspike.model;

import io.smoothspike.math.Arctangent;

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
 * <p><b>Parts.</b> This class holds the forward state, the delivery of inputs and the search for the next spiker.
 * When recording, each application of inputs (a <em>group</em>) goes to a {@link ThetaRecord}; the backward calls
 * are handed to a {@link ThetaBackward} that sweeps that record.
 */
final class ThetaKernel extends PopulationKernel {
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
    private ThetaRotations rotations;
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

    private boolean recording;
    private final ThetaRecord record;
    private final ThetaBackward backward;

    /** Scratch points (P, Q) of a single-dense flush that is not recorded. */
    private final double[] groupP;
    private final double[] groupQ;
    /** Per neuron, the test value of the last {@link #flushSingleDense}: negative if surely quiet. */
    private final double[] quietTest;

    ThetaKernel(int size, Theta model) {
        super(size);
        this.model = model;
        this.r = model.r();
        this.invR = 1 / r;
        this.omega = r / model.tau();
        this.period = model.period();
        this.a = new double[size];
        this.b = new double[size];
        this.initialA = new double[size];
        this.initialB = new double[size];
        this.pending = new double[size];
        this.marked = new boolean[size];
        this.touched = new int[size];
        this.groupP = new double[size];
        this.groupQ = new double[size];
        this.quietTest = new double[size];
        this.rotations = new ThetaRotations(omega);
        this.record = new ThetaRecord(size);
        this.backward = new ThetaBackward(size, model, record);
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
        if (other instanceof ThetaKernel k && Double.compare(k.omega, omega) == 0) {
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
        record.clear();
    }

    private void initialPoints(double[] state) {
        initialPhase = null;
        for (int i = 0; i < size; i++) {
            double phi = state[i];
            if (!(phi >= 0 && phi <= period)) {
                throw Checks.invalidState(model.id(), "phase must lie in [0, Theta] = [0, " + period + "], got "
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
        ThetaRecord rec = record;
        int start = recording ? rec.openGroup(n, pendingCalls, false) : -1;
        for (int m = 0; m < n; m++) {
            int i = allTouched ? m : touched[m];
            double ai = a[i];
            double bi = b[i];
            double qq = c * bi - s * ai;
            if (start >= 0) {
                rec.touch(start + m, c * ai + s * bi, qq, i, pending[i]);
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
     * test's result (false if not tested). The summed input is the delivery's weight row, and the record holds the
     * points (P, Q) before the shear with either sign of Q. All loops run over same-index arrays, which C2
     * vectorizes.
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
            record.openGroup(0, pendingCalls, true);
            int g = record.openDense();
            p = record.denseP[g];
            q = record.denseQ[g];
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

    // ---- recording and backward sweep: the record is kept here, the sweep is ThetaBackward's ----

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
        backward.begin(finalAdjoint);
    }

    @Override
    public void setConstantGradients(boolean on) {
        backward.setConstantGradients(on);
    }

    @Override
    public double backwardSparse(int[] targets, double[] weights, double[] weightGrad, int from, int to, double t,
            boolean timeAdjoint) {
        return backward.backwardSparse(targets, weights, weightGrad, from, to, timeAdjoint);
    }

    @Override
    public double backwardDense(double[] weights, double[] weightGrad, int offset, double t, boolean timeAdjoint) {
        return backward.backwardDense(weights, weightGrad, offset, timeAdjoint);
    }

    /** Theta sums the inputs of one time: all dense deliveries of a group add the same row, ∂H/∂w per neuron. */
    @Override
    public boolean sharesDenseRows() {
        return true;
    }

    @Override
    public int backwardDenseRow(double[] weights, int offset, double t, double[] row, int lastKey) {
        return backward.backwardDenseRow(weights, offset, row, lastKey);
    }

    @Override
    public void backwardFire(int i, double t, double timeAdjoint) {
        backward.backwardFire(i, timeAdjoint);
    }

    @Override
    public void endBackward(double[] initialStateGrad, double[] constantGrad) {
        backward.end(initialStateGrad, constantGrad);
    }
}
