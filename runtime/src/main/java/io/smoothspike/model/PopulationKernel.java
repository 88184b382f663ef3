package io.smoothspike.model;

/**
 * The state of one population of identical neurons during a trial, as the event engine sees it.
 *
 * <p>A kernel owns primitive arrays for all neurons of a population and advances them in closed form. The engine
 * guarantees that calls come in non-decreasing time order and never past {@link #nextSpikeTime()} (other than to
 * deliver inputs at exactly that time, which are processed before the spike).
 *
 * <p>States are exchanged in <em>model coordinates</em>, {@link NeuronModel#stateSize()} numbers per neuron laid out
 * neuron-major ({@code state[i * stateSize + k]}); each model documents its coordinates. Model coordinates are finite
 * for every reachable state, including reset and spike instants.
 *
 * <p>Kernels are not thread-safe: each simulating thread uses its own.
 *
 * <p><b>What a kernel implements.</b> The abstract methods are the whole contract: forward ({@link #initialize},
 * {@link #deliver}, {@link #nextSpikeTime}, {@link #nextSpiker}, {@link #fire}, {@link #stateAt},
 * {@link #voltageAt}) and, for gradients, recording and the backward sweep ({@link #setRecording},
 * {@link #beginBackward}, {@link #backwardSparse}, {@link #backwardDense}, {@link #backwardFire},
 * {@link #endBackward}). A model whose neurons evolve independently between events need not write any of them: it
 * extends {@link LazyKernel}, which implements them all from the model's closed-form flow, jump, reset and their
 * derivatives. Only a model with a population-wide representation (like {@link Theta}'s co-rotating frame) extends
 * this class directly.
 *
 * <p><b>Optional fast paths.</b> The methods with a default body, grouped at the end, only save work: batched
 * delivery ({@link #deliverSparse}, {@link #deliverDense}), deliveries worked out ahead ({@link #prepareDeliveries},
 * {@link #deliverPrepared}) and taken back ahead ({@link #prepareBackwardDeliveries}, {@link #backwardPrepared}),
 * caches shared between kernels
 * ({@link #shareCachesWith}), a bounded next-spike query ({@link #nextSpikeTimeUpTo}), skipping constant gradients
 * ({@link #setConstantGradients}) and shared rows of weight gradients ({@link #sharesDenseRows},
 * {@link #backwardDenseRow}). The defaults are correct for every kernel; an override must give bit-identical
 * results.
 */
public abstract class PopulationKernel {

    /** Number of neurons in the population. */
    protected final int size;

    protected PopulationKernel(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("population size must be positive, got " + size);
        }
        this.size = size;
    }

    /** Number of neurons in the population. */
    public final int size() {
        return size;
    }

    /** Sets every neuron to the given state (model coordinates) at time 0. */
    public abstract void initialize(double[] state);

    /** Delivers an input spike of weight {@code w} to neuron {@code i} at time {@code t}. */
    public abstract void deliver(int i, double w, double t);

    /** Time of the earliest upcoming spike in this population, or {@code +Infinity} if no neuron will spike. */
    public abstract double nextSpikeTime();

    /** Local index of the neuron that spikes at {@link #nextSpikeTime()} (lowest index on ties). */
    public abstract int nextSpiker();

    /** Registers the spike of neuron {@code i} at time {@code t} (its {@link #nextSpikeTime()}) and resets it. */
    public abstract void fire(int i, double t);

    /** Writes the state of neuron {@code i} at time {@code t} (model coordinates) into {@code out[off...]}. */
    public abstract void stateAt(int i, double t, double[] out, int off);

    /**
     * Membrane potential of neuron {@code i} at time {@code t}, for traces. Where the model's voltage is infinite
     * (spike and reset instants of QIF-type models) the value is clamped to {@code ±Double.MAX_VALUE}.
     */
    public abstract double voltageAt(int i, double t);

    // ---- recording and backward sweep (reverse-mode gradient through the event sequence) ----

    /**
     * Turns on or off the recording of what {@link #beginBackward} needs. Off by default; the setting holds for the
     * following trials.
     */
    public abstract void setRecording(boolean on);

    /**
     * Starts the backward sweep of the last trial, which must have been recorded (no trial or delivery since), of
     * duration T, given {@code finalAdjoint} = dL/d(state at T) in model coordinates (neuron-major). The sweep then
     * calls the {@code backward...} methods in exactly the reverse order of the forward calls, and finally
     * {@link #endBackward}.
     */
    public abstract void beginBackward(double duration, double[] finalAdjoint);

    /**
     * Reverse of {@link #deliverSparse}: adds dL/dw into {@code weightGrad[k]} for each synapse k in [from, to) and
     * returns the contribution of these deliveries to dL/dt of the event time t (0 where kernels may skip it when
     * {@code timeAdjoint} is false, i.e. nobody needs that event time's gradient).
     */
    public abstract double backwardSparse(int[] targets, double[] weights, double[] weightGrad, int from, int to,
            double t, boolean timeAdjoint);

    /** Reverse of {@link #deliverDense}; see {@link #backwardSparse}. */
    public abstract double backwardDense(double[] weights, double[] weightGrad, int offset, double t,
            boolean timeAdjoint);

    /**
     * Reverse of {@link #fire}: {@code timeAdjoint} is dL/dt of this spike's time, collected from the loss and from
     * the backward deliveries of this spike.
     */
    public abstract void backwardFire(int i, double t, double timeAdjoint);

    /** Ends the sweep: adds dL/d(initial state) (model coordinates) and dL/d(model constants). */
    public abstract void endBackward(double[] initialStateGrad, double[] constantGrad);

    // ---- optional fast paths: the defaults are correct, overrides only save work ----

    /**
     * Delivers inputs to neurons {@code targets[k]} with weights {@code weights[k]}, k in [from, to), all at time
     * {@code t}. The targets of one call are distinct (a projection row). Kernels override this with a tight loop.
     */
    public void deliverSparse(int[] targets, double[] weights, int from, int to, double t) {
        for (int k = from; k < to; k++) {
            deliver(targets[k], weights[k], t);
        }
    }

    /**
     * Delivers inputs to every neuron i of the population with weight {@code weights[offset + i]}, all at time
     * {@code t} (a dense projection row).
     */
    public void deliverDense(double[] weights, int offset, double t) {
        for (int i = 0; i < size; i++) {
            deliver(i, weights[offset + i], t);
        }
    }

    /**
     * Announces single deliveries that will probably follow: neuron {@code targets[k]} takes weight
     * {@code weights[k]} at {@code times[k]}, k in [0, n), times non-decreasing (e.g. the next input spikes of
     * channels with one target each). A kernel may work them out ahead, several at once, for {@link #deliverPrepared};
     * by default nothing happens.
     */
    public void prepareDeliveries(int[] targets, double[] weights, double[] times, int n) {
    }

    /**
     * {@link #deliver}{@code (i, w, t)} where the last {@link #prepareDeliveries} announced it as its delivery k: the
     * same result, using the work done ahead if it is still valid (nothing else touched neuron i in between).
     */
    public void deliverPrepared(int k, int i, double w, double t) {
        deliver(i, w, t);
    }

    /**
     * Announces single deliveries the backward sweep will probably take back next, latest first: the delivery to
     * neuron {@code targets[k]} at {@code times[k]}, k in [0, n), times non-increasing (e.g. the input spikes of
     * channels with one target each, before the last one not yet swept). A kernel may work out their derivatives
     * ahead, several at once, for {@link #backwardPrepared}; by default nothing happens.
     */
    public void prepareBackwardDeliveries(int[] targets, double[] times, int n) {
    }

    /**
     * {@link #backwardSparse} of the one synapse {@code index} at time t, which the last
     * {@link #prepareBackwardDeliveries} announced as its delivery k: the same result, using the work done ahead if it
     * is still valid.
     */
    public double backwardPrepared(int k, int[] targets, double[] weights, double[] weightGrad, int index, double t,
            boolean timeAdjoint) {
        return backwardSparse(targets, weights, weightGrad, index, index + 1, t, timeAdjoint);
    }

    /**
     * Lets this kernel share caches with {@code other}, a kernel of the same simulator (so used by the same thread).
     * Sharing must not change any result, only save work; by default nothing is shared.
     */
    public void shareCachesWith(PopulationKernel other) {
    }

    /**
     * {@link #nextSpikeTime()} where the engine only needs it up to {@code bound}: the exact time if it is at most
     * {@code bound}, else any value above {@code bound}. A kernel may answer without locating its next spiker when it
     * can prove that no neuron spikes by {@code bound}; by default it always answers exactly.
     */
    public double nextSpikeTimeUpTo(double bound) {
        return nextSpikeTime();
    }

    /**
     * Whether the following sweeps must produce dL/d(model constants); kernels for which that costs extra work skip
     * it when off. Kernels where it is cheap always compute it.
     */
    public void setConstantGradients(boolean on) {
    }

    /**
     * Whether {@link #backwardDenseRow} is available: without time adjoint, the dense deliveries of one group (e.g.
     * the inputs of one time, which theta sums) add one shared row of weight gradients.
     */
    public boolean sharesDenseRows() {
        return false;
    }

    /**
     * {@link #backwardDense} without time adjoint that hands back the row of dL/dw instead of adding it at
     * {@code weightGrad[offset …]}. Returns the key of the delivery's group (unique within one backward sweep) and
     * writes the group's row (one entry per neuron) into {@code row}, unless {@code lastKey}, the key this caller got
     * for its previous delivery of the sweep (or −1), is the same: its row is then still the group's. Only where
     * {@link #sharesDenseRows()}.
     */
    public int backwardDenseRow(double[] weights, int offset, double t, double[] row, int lastKey) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not share dense rows");
    }
}
