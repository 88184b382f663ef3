package io.smoothspike.model;

/**
 * Kernel base for models whose neurons are advanced lazily: each neuron keeps its state at the time of its own last
 * event and is flowed forward in closed form only when it receives an input or spikes. Next-spike times are absolute
 * and kept in an {@link EarliestSpikeTree}.
 *
 * <p>Subclasses keep their state arrays with {@code size + 1} slots: slot {@code size} is a scratch slot used to
 * evaluate states at arbitrary times without touching the neuron's own state. A subclass that keeps
 * {@link #PREPARED_SLOTS} more (slots {@code size + 1 …}) and says so to the constructor gets
 * {@link #prepareDeliveries}: the announced single deliveries are flowed, jumped and bounded in those slots, all at
 * once with {@link #flowJumpAndBound}, and {@link #deliverPrepared} only copies the result back (the same operations,
 * so the same bits, as {@link #deliver}); the backward sweep takes runs of them back the same way
 * ({@link #prepareBackwardDeliveries}: the flow derivatives of their recorded touches at once, with
 * {@link #prepareFlowDerivatives}).
 *
 * <p>Cost per delivery: one closed-form flow of the target, one time-to-spike evaluation and an O(log n) tree update.
 *
 * <p><b>What a subclass writes.</b> The abstract methods below, per slot and in closed form: the forward part
 * ({@link #flow}, {@link #jump}, {@link #timeToSpike}, {@link #pinAtSpike}, {@link #reset}, {@link #load},
 * {@link #store}, {@link #voltage}, {@link #copy}) and their derivatives for the backward sweep
 * ({@link #flowDerivatives}, {@link #jumpDerivatives}, {@link #resetDerivatives}, {@link #thresholdGradient}).
 * Everything the engine calls ({@link PopulationKernel}'s contract: delivery, next spike, recording, backward sweep)
 * is implemented here and final. Optional: {@link #storeRecord} to record in other coordinates than the model's,
 * {@link #timeToSpikeLowerBound} to put off exact spike times, and {@link #flowAll},
 * {@link #timeToSpikeLowerBounds} and {@link #flowJumpAndBound} to flow, jump and bound all targets of a projection
 * row in loops over all of them (a row is delivered in passes: the intervals of all targets, then their flows, jumps
 * and bounds, then their schedules).
 *
 * <p><b>Recording and backward sweep.</b> When recording, every <em>touch</em> of a neuron (a delivery or its own
 * spike) appends one entry: neuron (its bitwise complement for a spike), time, the neuron's previous touch, and the
 * state the touch starts from, which is the state just after the previous touch (in the kernel's <em>record
 * coordinates</em>, by default the model coordinates), with its time; the state just before the touch is recomputed
 * by the flow from there, which the backward pass evaluates anyway. Each entry holds what its own backward step
 * needs, so the sweep reads the record in order instead of jumping back to each previous touch. Memory is
 * O(touches) = O(spikes + synaptic events), never a snapshot of the network per event. The backward sweep walks
 * each neuron's touches in reverse and applies the adjoint rules of the hybrid system: through a flow segment
 * {@code λ⁺_A = λ⁻_B·DF}; through a delivery {@code λ⁻ = λ⁺·DJ}, {@code dL/dw = λ⁺·∂J/∂w}; the time of a touch
 * gets {@code λ⁻·f(x⁻) − λ⁺_next·f(x⁻_next)} (f the vector field);
 * a spike time t = s + Δ*(x⁺_A) passes its adjoint through {@code ∇Δ* = −∇g·DF / (∇g·f)} with g the spike
 * condition. The model supplies DF, f, the jump, reset and threshold derivatives in model coordinates.
 */
public abstract class LazyKernel extends PopulationKernel {

    /** Extra scratch slots of a kernel with prepared deliveries: at most this many are prepared at once. */
    protected static final int PREPARED_SLOTS = 32;

    /**
     * The arrays of intervals and bounds that the kernel passes to {@link #flowAll}, {@link #flowJumpAndBound},
     * {@link #timeToSpikeLowerBounds} and {@link #prepareFlowDerivatives} for n entries have room for this many more:
     * a subclass's vector loops may run over them as padding (what they compute there is never read).
     */
    protected static final int LANE_PADDING = 7;

    /** Time of each neuron's last event (its state refers to this time). */
    private final double[] lastTime;
    /**
     * Absolute time of each neuron's next spike, {@code +Infinity} if none; where {@link #pending} is set, only a
     * lower bound of it (see {@link #timeToSpikeLowerBound}).
     */
    private final double[] spikeTime;
    /** Whether {@link #spikeTime} holds a lower bound whose exact value has not been computed yet. */
    private final boolean[] pending;
    private final EarliestSpikeTree tree;
    /** Per target of a row delivery ({@link #deliverAll}): its interval since its last touch, and its bound. */
    private final double[] intervals;
    private final double[] bounds;
    /** The targets of the row being delivered whose times {@link #settleRowTarget} moved below their tree keys. */
    private final int[] movedEarlier;
    private int movedEarlierCount;
    /** The targets of the row being delivered whose pending bounds it reached: resolved after the first pass. */
    private final int[] reachedBounds;
    /** 0, 1, …, size − 1: the targets of a dense row. */
    private final int[] everyNeuron;

    private final int dim;
    private final int recordDim;
    private final int constantCount;
    private double[] initialRecord = new double[0];

    private boolean recording;
    private int touchCount;
    /** Per touch: its neuron i for a delivery, ~i (the bitwise complement) for the neuron's own spike. */
    private int[] touchNeuron = new int[0];
    private int[] touchPrevious = new int[0];
    private double[] touchTime = new double[0];
    /** Per touch: the time of the state it starts from (the neuron's previous touch, or 0). */
    private double[] touchStart = new double[0];
    private double[] touchState = new double[0];
    private final int[] lastTouch;
    /** Per neuron: its number of touches (delivery or spike) in this trial, to tell whether a prepared one is stale. */
    private final int[] touches;

    // prepared deliveries: delivery k in slot size + 1 + k (arrays of length 0 without the slots)
    private final int[] preparedSlot;
    private final int[] preparedNeuron;
    private final int[] preparedTouches;
    private final double[] preparedWeight;
    private final double[] preparedTime;
    private final double[] preparedInterval;
    private final double[] preparedBound;
    private int preparedCount;
    // prepared backward deliveries: the record's touches backFirst … backFirst + backCount − 1, in lanes 0, 1, …
    private final double[] backIntervals;
    private int backFirst;
    private int backCount;

    // backward sweep state
    private final double[] adjoint;
    private final double[] startTimeAdjoint;
    private final int[] cursor;
    private final double[] constantAdjoint;
    private final double[] xb;
    /** The state after a neuron's last touch, for {@link #beginBackward}. */
    private final double[] lastState;
    private final double[] end;
    private final double[] flowJac;
    private final double[] flowConst;
    private final double[] stepJac;
    private final double[] stepW;
    private final double[] stepConst;
    private final double[] field;
    private final double[] lamMinus;
    private final double[] gradG;
    private final double[] gradGConst;

    /** A kernel without prepared deliveries; its state arrays have {@code size + 1} slots. */
    protected LazyKernel(int size, int dim, int recordDim, int constantCount) {
        this(size, dim, recordDim, constantCount, false);
    }

    /**
     * A kernel of {@code size} neurons with {@code dim} state coordinates in the model and {@code recordDim} in the
     * record, and {@code constantCount} model constants; with {@code preparedSlots} its state arrays have
     * {@code size + 1 + PREPARED_SLOTS} slots and it works out {@link #prepareDeliveries} ahead.
     */
    protected LazyKernel(int size, int dim, int recordDim, int constantCount, boolean preparedSlots) {
        super(size);
        this.dim = dim;
        this.recordDim = recordDim;
        this.constantCount = constantCount;
        this.lastTime = new double[size];
        this.spikeTime = new double[size];
        this.pending = new boolean[size];
        this.tree = new EarliestSpikeTree(spikeTime);
        this.intervals = new double[size + LANE_PADDING];
        this.bounds = new double[size + LANE_PADDING];
        this.everyNeuron = new int[size];
        this.movedEarlier = new int[size];
        this.reachedBounds = new int[size];
        java.util.Arrays.setAll(everyNeuron, i -> i);
        this.lastTouch = new int[size];
        this.touches = new int[size];
        int prepared = preparedSlots ? PREPARED_SLOTS : 0;
        this.preparedSlot = new int[prepared];
        java.util.Arrays.setAll(preparedSlot, k -> size + 1 + k);
        this.preparedNeuron = new int[prepared];
        this.preparedTouches = new int[prepared];
        this.preparedWeight = new double[prepared];
        this.preparedTime = new double[prepared];
        this.preparedInterval = new double[prepared + LANE_PADDING];
        this.preparedBound = new double[prepared + LANE_PADDING];
        this.backIntervals = new double[prepared + LANE_PADDING];
        this.adjoint = new double[size * dim];
        this.startTimeAdjoint = new double[size];
        this.cursor = new int[size];
        this.constantAdjoint = new double[constantCount];
        this.xb = new double[recordDim];
        this.lastState = new double[recordDim];
        this.end = new double[recordDim];
        this.flowJac = new double[dim * dim];
        this.flowConst = new double[dim * constantCount];
        this.stepJac = new double[dim * dim];
        this.stepW = new double[dim];
        this.stepConst = new double[dim * constantCount];
        this.field = new double[dim];
        this.lamMinus = new double[dim];
        this.gradG = new double[dim];
        this.gradGConst = new double[constantCount];
    }

    // ---- model math in model coordinates, for the backward sweep ----

    /**
     * Flow derivatives from a state x ({@code x[xo...]}, record coordinates): {@code end = F(x, dt)} (record
     * coordinates), and in model coordinates {@code jac[r*d + c] = ∂end_r/∂x_c},
     * {@code dConst[r*nc + k] = ∂end_r/∂constant_k} and the vector field {@code fEnd = f(end)}.
     */
    protected abstract void flowDerivatives(double[] x, int xo, double dt, double[] end, double[] jac,
            double[] dConst, double[] fEnd);

    /**
     * Optional: prepares {@link #preparedFlowDerivatives} for the flows of n states
     * ({@code x[xFrom + k * recordDim...]}, record coordinates) by {@code dt[k]}, k in [0, n), in loops over all of
     * them; by default nothing.
     */
    protected void prepareFlowDerivatives(double[] x, int xFrom, double[] dt, int n) {
    }

    /**
     * {@link #flowDerivatives} of state k ({@code xo = xFrom + k * recordDim}) after {@link #prepareFlowDerivatives}
     * (the same values); by default {@link #flowDerivatives} itself.
     */
    protected void preparedFlowDerivatives(int k, double[] x, int xo, double dt, double[] end, double[] jac,
            double[] dConst, double[] fEnd) {
        flowDerivatives(x, xo, dt, end, jac, dConst, fEnd);
    }

    /**
     * Input jump derivatives at x (record coordinates): {@code xPlus = J(x, w)} (record coordinates), and in model
     * coordinates {@code jac = ∂J/∂x}, {@code dw = ∂J/∂w}, {@code dConst}.
     */
    protected abstract void jumpDerivatives(double[] x, int xo, double w, double[] xPlus, double[] jac, double[] dw,
            double[] dConst);

    /**
     * Optional: the model coordinate c that an input adds its weight to, if that is all a jump does
     * ({@code J(x, w) = x + w·e_c}: the identity as Jacobian, e_c as ∂J/∂w, no dependence on the constants), so that
     * the backward sweep can skip {@link #jumpDerivatives}; −1 (the default) otherwise.
     */
    protected int additiveJumpCoordinate() {
        return -1;
    }

    /** Reset derivatives at a spike state x (record coordinates): {@code xPlus = R(x)}, {@code jac = ∂R/∂x}. */
    protected abstract void resetDerivatives(double[] x, int xo, double[] xPlus, double[] jac);

    /** Gradient of the spike condition g(x) = 0 (crossed upwards) with respect to the state and the constants. */
    protected abstract void thresholdGradient(double[] gx, double[] gConst);

    /** Advances the state in slot s by {@code dt >= 0} in closed form. */
    protected abstract void flow(int s, double dt);

    /**
     * Advances neurons {@code targets[from + k]} (distinct, k in [0, n)) by {@code dt[k] >= 0} each, as
     * {@link #flow} would one by one (the same bits); models override it with loops over all of them.
     */
    protected void flowAll(int[] targets, int from, int n, double[] dt) {
        for (int k = 0; k < n; k++) {
            flow(targets[from + k], dt[k]);
        }
    }

    /** Applies an input of weight w to the state in slot s. */
    protected abstract void jump(int s, double w);

    /** Time from the state in slot s to its next spike, {@code +Infinity} if none. */
    protected abstract double timeToSpike(int s);

    /**
     * Optional: a lower bound of {@link #timeToSpike}(s) that is much cheaper to compute, or {@code NaN} where the
     * model has none (the default). With a bound the kernel computes the exact time only once the bound could matter
     * (it falls before the next event the engine asks about, or before a touch of the neuron), from the same state:
     * the results are bit-identical to computing it at once. {@code +Infinity} is a valid answer only where the
     * neuron cannot spike without further input. The bound must hold for the computed {@link #timeToSpike} too, so
     * leave a margin over rounding.
     */
    protected double timeToSpikeLowerBound(int s) {
        return Double.NaN;
    }

    /**
     * {@link #timeToSpikeLowerBound} of neurons {@code targets[from + k]} into {@code out[k]}, k in [0, n), the same
     * values; models override it with loops over all of them.
     */
    protected void timeToSpikeLowerBounds(int[] targets, int from, int n, double[] out) {
        for (int k = 0; k < n; k++) {
            out[k] = timeToSpikeLowerBound(targets[from + k]);
        }
    }

    /**
     * Flows slots {@code targets[from + k]} (distinct, none due) by {@code dt[k] >= 0}, adds
     * {@code weights[weightFrom + k]} by {@link #jump} and puts their {@link #timeToSpikeLowerBound} into
     * {@code bounds[k]}, k in [0, n). Where the slots are neurons taking a row delivered at time t (not NaN: scratch
     * slots), each is then handed to {@link #settle}{@code (targets[from + k], t, bounds[k])}, or to
     * {@link #settleRowTarget} where its bound is a number; the targets are distinct, so the order does not matter. By
     * default {@link #flowAll}, the jumps, {@link #timeToSpikeLowerBounds} and the settlements, one after the other;
     * models override it to do it all on the states gathered once, settling each target as they store it (the same
     * values).
     */
    protected void flowJumpAndBound(int[] targets, int from, double[] weights, int weightFrom, int n, double[] dt,
            double[] bounds, double t) {
        flowAll(targets, from, n, dt);
        for (int k = 0; k < n; k++) {
            jump(targets[from + k], weights[weightFrom + k]);
        }
        timeToSpikeLowerBounds(targets, from, n, bounds);
        settleAll(targets, from, n, bounds, t);
    }

    /** {@link #settle} of the n targets, in order, where t is a time (not NaN). */
    private void settleAll(int[] targets, int from, int n, double[] bounds, double t) {
        if (t == t) {
            for (int k = 0; k < n; k++) {
                settle(targets[from + k], t, bounds[k]);
            }
        }
    }

    /**
     * Neuron i, flowed to t, jumped, and its bound of the time to its next spike at hand: its last event is now at t,
     * and its next spike is scheduled.
     */
    protected final void settle(int i, double t, double bound) {
        lastTime[i] = t;
        touches[i]++;
        reschedule(i, t, bound);
    }

    /**
     * {@link #settle} of a target of the row being delivered whose bound is a number (not NaN), without a call: a time
     * that moved below its tree key is updated in the tree once the row is done. The tree ends up the same, as its
     * nodes depend only on the keys of the leaves, and nothing reads it during a row.
     */
    protected final void settleRowTarget(int i, double t, double bound) {
        lastTime[i] = t;
        touches[i]++;
        double time = scheduleBound(i, t, bound);
        movedEarlier[movedEarlierCount] = i;
        movedEarlierCount += time < tree.key(i) ? 1 : 0;
    }

    /** Updates the tree for the times that {@link #settleRowTarget} moved below their keys. */
    private void updateMovedEarlier() {
        for (int k = 0; k < movedEarlierCount; k++) {
            tree.update(movedEarlier[k]);
        }
        movedEarlierCount = 0;
    }

    /** Sets the voltage part of slot s exactly to its spike point (used when a neuron is due at the current time). */
    protected abstract void pinAtSpike(int s);

    /** Puts the voltage part of slot s in its post-spike (reset) state. */
    protected abstract void reset(int s);

    /** Stores slot s from model coordinates {@code state[off...]}. */
    protected abstract void load(int s, double[] state, int off);

    /** Writes slot s in record coordinates into {@code out[off...]} (default: model coordinates). */
    protected void storeRecord(int s, double[] out, int off) {
        store(s, out, off);
    }

    /** Writes slot s in model coordinates into {@code out[off...]}. */
    protected abstract void store(int s, double[] out, int off);

    /** Membrane potential of slot s. */
    protected abstract double voltage(int s);

    /** Copies slot {@code from} into slot {@code to}. */
    protected abstract void copy(int from, int to);

    @Override
    public final void initialize(double[] state) {
        int d = dim;
        touchCount = 0;
        java.util.Arrays.fill(lastTouch, -1);
        java.util.Arrays.fill(touches, 0);
        preparedCount = 0;
        if (initialRecord.length != size * recordDim) {
            initialRecord = new double[size * recordDim];
        }
        for (int i = 0; i < size; i++) {
            load(i, state, i * d);
            lastTime[i] = 0.0;
            scheduleSpike(i, 0.0);
            storeRecord(i, initialRecord, i * recordDim);
        }
        tree.rebuild();
    }

    /** Sets neuron i's next spike time (or a lower bound of it) from its state at time t, without the tree. */
    private void scheduleSpike(int i, double t) {
        scheduleSpike(i, t, timeToSpikeLowerBound(i));
    }

    /** {@link #scheduleSpike(int, double)} with neuron i's {@link #timeToSpikeLowerBound} at hand. */
    private void scheduleSpike(int i, double t, double bound) {
        if (Double.isNaN(bound)) {
            spikeTime[i] = t + timeToSpike(i);
            pending[i] = false;
        } else {
            scheduleBound(i, t, bound);
        }
    }

    /** Sets neuron i's next spike time to t + bound (bound not NaN), pending unless it is +∞; returns that time. */
    private double scheduleBound(int i, double t, double bound) {
        double time = t + bound;
        spikeTime[i] = time;
        pending[i] = bound != Double.POSITIVE_INFINITY;
        return time;
    }

    /** Replaces neuron i's pending bound by its exact next spike time. */
    private void resolve(int i) {
        spikeTime[i] = lastTime[i] + timeToSpike(i);
        pending[i] = false;
        moved(i);
    }

    /**
     * Tells the tree that neuron i's time changed. The tree's keys are lower bounds of the times: a time that moved
     * later leaves its key valid and is refreshed only if it comes up as the earliest ({@link #nextSpikeTimeUpTo}),
     * which spares most updates (most changes move a time later); a time that moved below its key updates the tree.
     */
    private void moved(int i) {
        if (spikeTime[i] < tree.key(i)) {
            tree.update(i);
        }
    }

    /** Brings slot s, holding neuron i's state, to time t; pins it at its spike point if it is due by then. */
    private void advance(int s, int i, double t) {
        resolveIfDue(i, t);
        flow(s, t - lastTime[i]);
        if (t >= spikeTime[i]) {
            pinAtSpike(s);
        }
    }

    /** Resolves neuron i's pending bound if it is at or before t (tested in this order: rarely due, often pending). */
    private void resolveIfDue(int i, double t) {
        if (t >= spikeTime[i] && pending[i]) {
            resolve(i);
        }
    }

    @Override
    public final void deliver(int i, double w, double t) {
        resolveIfDue(i, t);
        if (recording) {
            record(i, t, false);
        }
        flow(i, t - lastTime[i]);
        jumpAt(i, w, t);
        settle(i, t, timeToSpikeLowerBound(i));
    }

    /** Neuron i, flowed to t, takes an input of weight w: pinned at its spike point first if it is due by t. */
    private void jumpAt(int i, double w, double t) {
        if (t >= spikeTime[i]) {
            pinAtSpike(i);
        }
        jump(i, w);
    }

    /**
     * Flows, jumps and bounds up to {@link #PREPARED_SLOTS} of the announced deliveries in the scratch slots (nothing
     * without them); a target announced twice is prepared from its state now, and so found stale the second time.
     */
    @Override
    public final void prepareDeliveries(int[] targets, double[] weights, double[] times, int n) {
        int m = Math.min(n, preparedSlot.length);
        for (int k = 0; k < m; k++) {
            int i = targets[k];
            copy(i, preparedSlot[k]);
            preparedNeuron[k] = i;
            preparedTouches[k] = touches[i];
            preparedWeight[k] = weights[k];
            preparedTime[k] = times[k];
            preparedInterval[k] = times[k] - lastTime[i];
        }
        flowJumpAndBound(preparedSlot, 0, weights, 0, m, preparedInterval, preparedBound, Double.NaN);
        preparedCount = m;
    }

    /**
     * {@link #deliver} from prepared delivery k if it is the one announced and neuron i was not touched since; also
     * if the neuron is not due by t (a due neuron is pinned at its spike point before the jump): else by
     * {@link #deliver}.
     */
    @Override
    public final void deliverPrepared(int k, int i, double w, double t) {
        boolean announced = k < preparedCount && preparedNeuron[k] == i && preparedTime[k] == t
                && Double.doubleToRawLongBits(preparedWeight[k]) == Double.doubleToRawLongBits(w);
        if (!announced || preparedTouches[k] != touches[i]) {
            deliver(i, w, t);
            return;
        }
        resolveIfDue(i, t);
        if (t >= spikeTime[i]) {
            deliver(i, w, t);
            return;
        }
        if (recording) {
            record(i, t, false);
        }
        copy(preparedSlot[k], i);
        settle(i, t, preparedBound[k]);
    }

    /** Schedules neuron i's next spike from its state at t and the bound of it, and tells the tree. */
    private void reschedule(int i, double t, double bound) {
        scheduleSpike(i, t, bound);
        moved(i);
    }

    /**
     * The deliveries of one projection row in passes: the due spike times, the records and the intervals; then the
     * flows, jumps, bounds of the next spike times and schedules of all targets in one {@link #flowJumpAndBound} (or,
     * if a target is due at t and so pinned at its spike point before its jump, one {@link #flowAll}, the jumps, one
     * {@link #timeToSpikeLowerBounds} and the schedules). Each neuron sees the same operations as in
     * {@link #deliver}; targets of a row are distinct.
     */
    @Override
    public final void deliverSparse(int[] targets, double[] weights, int from, int to, double t) {
        deliverAll(targets, from, weights, from, to - from, t);
    }

    @Override
    public final void deliverDense(double[] weights, int offset, double t) {
        deliverAll(everyNeuron, 0, weights, offset, size, t);
    }

    /** Delivers {@code weights[weightFrom + k]} to {@code targets[targetFrom + k]}, k in [0, n), at time t. */
    private void deliverAll(int[] targets, int targetFrom, double[] weights, int weightFrom, int n, double t) {
        double[] dt = intervals;
        boolean anyDue = false;
        // pending bounds at or before t are resolved after the loop, to keep it free of calls
        int reached = 0;
        boolean record = recording;
        int first = touchCount;
        if (record) { // the row's touches one after another in the record
            reserveTouches(n);
            touchCount = first + n;
        }
        for (int k = 0; k < n; k++) {
            int i = targets[targetFrom + k];
            if (record) {
                recordAt(first + k, i, t, false);
            }
            dt[k] = t - lastTime[i];
            boolean due = t >= spikeTime[i];
            anyDue |= due & !pending[i];
            reachedBounds[reached] = i;
            reached += due & pending[i] ? 1 : 0;
        }
        for (int j = 0; j < reached; j++) {
            int i = reachedBounds[j];
            resolve(i);
            anyDue |= t >= spikeTime[i];
        }
        double[] bound = bounds;
        if (anyDue) { // rare: a target due at t is pinned at its spike point before its jump
            flowAll(targets, targetFrom, n, dt);
            for (int k = 0; k < n; k++) {
                jumpAt(targets[targetFrom + k], weights[weightFrom + k], t);
            }
            timeToSpikeLowerBounds(targets, targetFrom, n, bound);
            settleAll(targets, targetFrom, n, bound, t);
        } else {
            flowJumpAndBound(targets, targetFrom, weights, weightFrom, n, dt, bound, t);
            updateMovedEarlier();
        }
    }

    @Override
    public final double nextSpikeTime() {
        return nextSpikeTimeUpTo(Double.POSITIVE_INFINITY);
    }

    /**
     * Exact while the earliest time is at most {@code bound}; above it, possibly a lower bound of the exact time (the
     * tree's least key, whose neuron's time may have moved later since).
     */
    @Override
    public final double nextSpikeTimeUpTo(double bound) {
        while (true) {
            double least = tree.earliestKey();
            if (!(least <= bound)) { // every time is at or above its key: none is due by the bound (or a NaN time)
                return least;
            }
            int w = tree.earliest();
            if (least != spikeTime[w]) { // its time moved later: refresh its key, the order may change
                tree.update(w);
            } else if (pending[w] && spikeTime[w] <= bound) {
                resolve(w);
            } else {
                return spikeTime[w];
            }
        }
    }

    @Override
    public final int nextSpiker() {
        nextSpikeTime();
        return tree.earliest();
    }

    @Override
    public final void fire(int i, double t) {
        if (recording) {
            record(i, t, true);
        }
        advance(i, i, t);
        lastTime[i] = t;
        touches[i]++;
        reset(i);
        scheduleSpike(i, t);
        moved(i);
    }

    @Override
    public final void stateAt(int i, double t, double[] out, int off) {
        copy(i, size);
        advance(size, i, t);
        store(size, out, off);
    }

    @Override
    public final double voltageAt(int i, double t) {
        copy(i, size);
        advance(size, i, t);
        return voltage(size);
    }

    /** Appends neuron i's touch at t (a delivery, or its spike) with the state it starts from: call before flowing. */
    private void record(int i, double t, boolean spike) {
        reserveTouches(1);
        recordAt(touchCount++, i, t, spike);
    }

    /** Makes room in the record for m more touches. */
    private void reserveTouches(int m) {
        int n = touchCount;
        if (n + m > touchNeuron.length) {
            int cap = Math.max(64, Math.max(2 * n, n + m));
            touchNeuron = java.util.Arrays.copyOf(touchNeuron, cap);
            touchPrevious = java.util.Arrays.copyOf(touchPrevious, cap);
            touchTime = java.util.Arrays.copyOf(touchTime, cap);
            touchStart = java.util.Arrays.copyOf(touchStart, cap);
            touchState = java.util.Arrays.copyOf(touchState, cap * recordDim);
        }
    }

    /** Writes neuron i's touch at t (a delivery, or its spike) as entry n of the record, which has room for it. */
    private void recordAt(int n, int i, double t, boolean spike) {
        touchNeuron[n] = spike ? ~i : i;
        touchPrevious[n] = lastTouch[i];
        touchTime[n] = t;
        touchStart[n] = lastTime[i];
        storeRecord(i, touchState, n * recordDim);
        lastTouch[i] = n;
    }

    @Override
    public final void setRecording(boolean on) {
        recording = on;
    }

    /** Flows touch b's start state to its time: end, flowJac, flowConst and field hold the result. */
    private void flowToTouch(int b) {
        flowDerivatives(touchState, b * recordDim, touchTime[b] - touchStart[b], end, flowJac, flowConst, field);
    }

    private static double dot(double[] a, int ao, double[] b, int n) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += a[ao + k] * b[k];
        }
        return s;
    }

    /** out = λ·M for a row vector λ (length d) and a d×m matrix M (row-major). */
    private static void leftMultiply(double[] lam, int lo, double[] m, int d, int cols, double[] out, int oo) {
        for (int c = 0; c < cols; c++) {
            double s = 0;
            for (int r = 0; r < d; r++) {
                s += lam[lo + r] * m[r * cols + c];
            }
            out[oo + c] = s;
        }
    }

    /** Adds λ·M (d×nc) to the constant adjoint. */
    private void addConstants(double[] lam, int lo, double[] m, double scale) {
        for (int k = 0; k < constantCount; k++) {
            double s = 0;
            for (int r = 0; r < dim; r++) {
                s += lam[lo + r] * m[r * constantCount + k];
            }
            constantAdjoint[k] += scale * s;
        }
    }

    @Override
    public final void beginBackward(double duration, double[] finalAdjoint) {
        if (!recording) {
            throw new IllegalStateException("backward sweep needs a recorded forward run (setRecording(true))");
        }
        java.util.Arrays.fill(constantAdjoint, 0);
        backCount = 0;
        for (int i = 0; i < size; i++) {
            int last = lastTouch[i];
            cursor[i] = last;
            if (last < 0) {
                flowDerivatives(initialRecord, i * recordDim, duration, end, flowJac, flowConst, field);
            } else { // the neuron's state is still the one after its last touch
                storeRecord(i, lastState, 0);
                flowDerivatives(lastState, 0, duration - lastTime[i], end, flowJac, flowConst, field);
            }
            startTimeAdjoint[i] = -dot(finalAdjoint, i * dim, field, dim);
            addConstants(finalAdjoint, i * dim, flowConst, 1);
            leftMultiply(finalAdjoint, i * dim, flowJac, dim, dim, adjoint, i * dim);
        }
    }

    /**
     * Backward of the deliveries {@code weights[weightFrom + k]} to {@code targets[targetFrom + k]}, k in [0, n), at
     * time t, in reverse order; returns their dL/dt, adds dL/dw into {@code wGrad[weightFrom + k]}. A first pass
     * checks each target against the record and steps its cursor back; the flow derivatives are then prepared from
     * the start states of the row's touches where they lie in the record, one after another.
     */
    private double backwardAll(int[] targets, int targetFrom, double[] weights, double[] wGrad, int weightFrom,
            int n, double t) {
        double[] dt = intervals;
        int rd = recordDim;
        int b = -1;
        for (int k = n - 1; k >= 0; k--) {
            int i = targets[targetFrom + k];
            int next = b;
            b = cursor[i];
            // the forward pass recorded the row's touches one after another
            if (b < 0 || touchNeuron[b] != i || touchTime[b] != t || k < n - 1 && b != next - 1) {
                throw new IllegalStateException("backward sweep out of step with the recorded forward run");
            }
            cursor[i] = touchPrevious[b]; // targets are distinct: no other delivery of this row reaches neuron i
            dt[k] = t - touchStart[b];
        }
        int first = b * rd; // where the start state of the row's first touch lies in the record
        backCount = 0; // the model's scratch of prepared flow derivatives is about to be reused
        prepareFlowDerivatives(touchState, first, dt, n);
        double timeAdjoint = 0;
        for (int k = n - 1; k >= 0; k--) {
            int i = targets[targetFrom + k];
            preparedFlowDerivatives(k, touchState, first + k * rd, dt[k], end, flowJac, flowConst, field);
            timeAdjoint += backwardDelivery(i, weights[weightFrom + k], wGrad, weightFrom + k);
        }
        return timeAdjoint;
    }

    /**
     * Backward of one delivery to neuron i, its flow from the previous touch evaluated (end, flowJac, flowConst,
     * field); returns the dL/dt contribution, adds dL/dw into {@code wGrad[k]}.
     */
    private double backwardDelivery(int i, double w, double[] wGrad, int k) {
        int off = i * dim;
        // through the jump at t, from the state x⁻ = end just before it
        int additive = additiveJumpCoordinate();
        if (additive >= 0) {
            // J(x, w) = x + w·e_c: the sums below, with the identity, e_c and no constants, come to 0.0 + a (the same
            // bits for finite adjoints: a product with 0 is ±0, which does not change a sum that starts at +0.0)
            wGrad[k] += 0.0 + adjoint[off + additive];
            for (int r = 0; r < dim; r++) {
                lamMinus[r] = 0.0 + adjoint[off + r];
            }
        } else {
            jumpDerivatives(end, 0, w, xb, stepJac, stepW, stepConst);
            if (dim == 2 && constantCount == 1) {
                return backwardDelivery2(i, off, wGrad, k);
            }
            wGrad[k] += dot(adjoint, off, stepW, dim);
            addConstants(adjoint, off, stepConst, 1);
            leftMultiply(adjoint, off, stepJac, dim, dim, lamMinus, 0);
        }
        if (dim == 2 && constantCount == 1) {
            return backwardFlow2(i, off, lamMinus[0], lamMinus[1]);
        }
        double flux = dot(lamMinus, 0, field, dim);
        double timeAdjoint = flux + startTimeAdjoint[i];
        startTimeAdjoint[i] = -flux;
        // through the flow segment before it
        addConstants(lamMinus, 0, flowConst, 1);
        leftMultiply(lamMinus, 0, flowJac, dim, dim, adjoint, off);
        return timeAdjoint;
    }

    /**
     * The rest of {@link #backwardDelivery} written out for two state coordinates and one constant (QIF, LIF): the
     * same operations in the same order as the general loops (the same bits), without their loop overhead.
     */
    private double backwardDelivery2(int i, int off, double[] wGrad, int k) {
        double a0 = adjoint[off];
        double a1 = adjoint[off + 1];
        wGrad[k] += 0.0 + a0 * stepW[0] + a1 * stepW[1];
        constantAdjoint[0] += 0.0 + a0 * stepConst[0] + a1 * stepConst[1];
        double m0 = 0.0 + a0 * stepJac[0] + a1 * stepJac[2];
        double m1 = 0.0 + a0 * stepJac[1] + a1 * stepJac[3];
        return backwardFlow2(i, off, m0, m1);
    }

    /** The time adjoint and the flow segment before a delivery, from λ⁻ = (m0, m1), for two coordinates. */
    private double backwardFlow2(int i, int off, double m0, double m1) {
        double flux = 0.0 + m0 * field[0] + m1 * field[1];
        double timeAdjoint = flux + startTimeAdjoint[i];
        startTimeAdjoint[i] = -flux;
        constantAdjoint[0] += 0.0 + m0 * flowConst[0] + m1 * flowConst[1];
        adjoint[off] = 0.0 + m0 * flowJac[0] + m1 * flowJac[2];
        adjoint[off + 1] = 0.0 + m0 * flowJac[1] + m1 * flowJac[3];
        return timeAdjoint;
    }

    /**
     * Works out the flow derivatives of up to {@link #PREPARED_SLOTS} announced deliveries at once (nothing without
     * prepared slots): if their touches are the last ones not yet swept back, one after another in the record (the
     * latest announced last), with {@link #prepareFlowDerivatives} on the states they start from.
     */
    @Override
    public final void prepareBackwardDeliveries(int[] targets, double[] times, int n) {
        backCount = 0;
        int m = Math.min(n, preparedSlot.length);
        if (m == 0) {
            return;
        }
        int last = cursor[targets[0]];
        int first = last - m + 1;
        if (first < 0) {
            return;
        }
        for (int k = 0; k < m; k++) {
            int b = last - k;
            if (touchNeuron[b] != targets[k] || touchTime[b] != times[k]) {
                return;
            }
        }
        for (int lane = 0; lane < m; lane++) {
            backIntervals[lane] = touchTime[first + lane] - touchStart[first + lane];
        }
        prepareFlowDerivatives(touchState, first * recordDim, backIntervals, m);
        backFirst = first;
        backCount = m;
    }

    /**
     * The backward of announced delivery k from its prepared flow derivatives if they are still there and it is the
     * touch the sweep takes back next; else by {@link #backwardSparse}. The same operations either way.
     */
    @Override
    public final double backwardPrepared(int k, int[] targets, double[] weights, double[] weightGrad, int index,
            double t, boolean timeAdjoint) {
        int i = targets[index];
        int b = cursor[i];
        int lane = backCount - 1 - k;
        if (lane < 0 || b != backFirst + lane || touchNeuron[b] != i || touchTime[b] != t) {
            return backwardSparse(targets, weights, weightGrad, index, index + 1, t, timeAdjoint);
        }
        cursor[i] = touchPrevious[b];
        preparedFlowDerivatives(lane, touchState, b * recordDim, backIntervals[lane], end, flowJac, flowConst, field);
        double sum = 0; // summed as by backwardSparse
        sum += backwardDelivery(i, weights[index], weightGrad, index);
        return sum;
    }

    @Override
    public final double backwardSparse(int[] targets, double[] weights, double[] weightGrad, int from, int to,
            double t, boolean timeAdjoint) {
        return backwardAll(targets, from, weights, weightGrad, from, to - from, t);
    }

    @Override
    public final double backwardDense(double[] weights, double[] weightGrad, int offset, double t,
            boolean timeAdjoint) {
        return backwardAll(everyNeuron, 0, weights, weightGrad, offset, size, t);
    }

    @Override
    public final void backwardFire(int i, double t, double timeAdjoint) {
        backCount = 0;
        int b = cursor[i];
        if (b < 0 || touchNeuron[b] != ~i || touchTime[b] != t) {
            throw new IllegalStateException("backward sweep out of step with the recorded forward run");
        }
        int off = i * dim;
        int a = touchPrevious[b];
        flowToTouch(b);
        resetDerivatives(end, 0, xb, stepJac);
        leftMultiply(adjoint, off, stepJac, dim, dim, lamMinus, 0);
        double total = timeAdjoint + startTimeAdjoint[i] + dot(lamMinus, 0, field, dim);
        startTimeAdjoint[i] += timeAdjoint;
        thresholdGradient(gradG, gradGConst);
        double slope = dot(gradG, 0, field, dim);
        // ∇Δ* = −∇g·DF/(∇g·f), ∂Δ*/∂c = −(∇g·∂F/∂c + ∂g/∂c)/(∇g·f)
        double scale = -total / slope;
        for (int c = 0; c < dim; c++) {
            double gd = 0;
            for (int r = 0; r < dim; r++) {
                gd += gradG[r] * flowJac[r * dim + c];
            }
            double v = 0;
            for (int r = 0; r < dim; r++) {
                v += lamMinus[r] * flowJac[r * dim + c];
            }
            adjoint[off + c] = v + scale * gd;
        }
        addConstants(lamMinus, 0, flowConst, 1);
        addConstants(gradG, 0, flowConst, scale);
        for (int k = 0; k < constantCount; k++) {
            constantAdjoint[k] += scale * gradGConst[k];
        }
        cursor[i] = a;
    }

    @Override
    public final void endBackward(double[] initialStateGrad, double[] constantGrad) {
        for (int k = 0; k < size * dim; k++) {
            initialStateGrad[k] += adjoint[k];
        }
        for (int k = 0; k < constantCount; k++) {
            constantGrad[k] += constantAdjoint[k];
        }
    }
}
