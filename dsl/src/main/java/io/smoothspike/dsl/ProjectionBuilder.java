package io.smoothspike.dsl;

import io.smoothspike.spec.ConnectivitySpec;
import io.smoothspike.spec.DelaySpec;
import io.smoothspike.spec.ProjectionSpec;
import io.smoothspike.spec.ValueSpec;

/**
 * Synapses from an input group or population to a population. Defaults: all-to-all (without i → i when a
 * population projects onto itself), initial weights 0, trainable, no delays. With {@link #delays(ValueSpec)} a spike
 * reaches each synapse after its delay: one per synapse unless {@link #delayPer} says otherwise, frozen unless
 * {@link #trainDelays()}, kept within [0, {@link #maxDelay}]. Continue with {@link #and()} or any network-level call
 * (see {@link NetworkSection}).
 */
public final class ProjectionBuilder extends NetworkSection {

    private final String from;
    private final String to;
    private ConnectivitySpec connectivity;
    private ValueSpec weights;
    private boolean trainable = true;
    private ValueSpec delays;
    private String delayPer;
    private boolean trainDelays;
    private Double maxDelay;

    ProjectionBuilder(NetworkBuilder network, String from, String to) {
        super(network);
        this.from = from;
        this.to = to;
    }

    /** Which (pre, post) pairs have a synapse; see the connectivity helpers of {@link Snn}. */
    public ProjectionBuilder connectivity(ConnectivitySpec connectivity) {
        Check.notNull(where() + " connectivity", connectivity);
        Check.once(this.connectivity != null, where() + " connectivity");
        this.connectivity = connectivity;
        return this;
    }

    /** The initial weights, one per synapse ({@link Snn#matrix} is indexed {@code [pre][post]}). */
    public ProjectionBuilder weights(ValueSpec weights) {
        Check.notNull(where() + " weights", weights);
        Check.once(this.weights != null, where() + " weights");
        this.weights = weights;
        return this;
    }

    /** Keeps the weights fixed during training. */
    public ProjectionBuilder frozen() {
        trainable = false;
        return this;
    }

    /** Trains the weights (the default); undoes {@link #frozen()}. */
    public ProjectionBuilder trainable() {
        trainable = true;
        return this;
    }

    /**
     * The initial transmission delays: a constant, explicit values (per synapse like weights, or one per presynaptic
     * neuron or for the projection, see {@link #delayPer}), a {@link Snn#matrix} {@code [pre][post]}, uniform, or
     * normal (whose draws are clipped into [0, {@link #maxDelay}]). Other values must lie within those bounds.
     */
    public ProjectionBuilder delays(ValueSpec delays) {
        Check.notNull(where() + " delays", delays);
        Check.once(this.delays != null, where() + " delays");
        this.delays = delays;
        return this;
    }

    /** Every synapse delayed by {@code delay} (≥ 0). */
    public ProjectionBuilder delays(double delay) {
        return delays(Snn.constant(delay));
    }

    /**
     * How delays are shared: {@code "synapse"} (the default: one per synapse), {@code "neuron"} (axonal: one per
     * presynaptic neuron or input channel) or {@code "projection"} (one for all synapses).
     */
    public ProjectionBuilder delayPer(String per) {
        Check.notNull(where() + " delayPer", per);
        Check.once(delayPer != null, where() + " delayPer");
        if (!DelaySpec.PER.contains(per)) {
            throw new IllegalArgumentException(where() + ": unknown delayPer '" + per + "'; known: "
                    + String.join(", ", DelaySpec.PER));
        }
        this.delayPer = per;
        return this;
    }

    /** Trains the delays (they are frozen by default), keeping them within [0, {@link #maxDelay}]. */
    public ProjectionBuilder trainDelays() {
        trainDelays = true;
        return this;
    }

    /** The largest delay (≥ 0), an upper bound for the initial delays and for training; without it, none. */
    public ProjectionBuilder maxDelay(double max) {
        Check.once(maxDelay != null, where() + " maxDelay");
        if (!(Check.finite(where() + " maxDelay", max) >= 0)) {
            throw new IllegalArgumentException(where() + ": maxDelay must be >= 0, got " + max);
        }
        this.maxDelay = max;
        return this;
    }

    String from() {
        return from;
    }

    String to() {
        return to;
    }

    ProjectionSpec toSpec() {
        if (delays == null && (delayPer != null || trainDelays || maxDelay != null)) {
            throw new IllegalArgumentException(where() + ": delayPer, trainDelays and maxDelay need delays; give "
                    + "the initial delays with delays(…), e.g. delays(uniform(0, 1, seed))");
        }
        return new ProjectionSpec(from, to,
                connectivity != null ? connectivity : new ConnectivitySpec.AllToAll(!from.equals(to)),
                weights != null ? weights : new ValueSpec.Constant(0), trainable, delays == null ? null
                        : new DelaySpec(delayPer != null ? delayPer : "synapse", delays, trainDelays, maxDelay));
    }

    private String where() {
        return "projection " + from + "->" + to;
    }
}
