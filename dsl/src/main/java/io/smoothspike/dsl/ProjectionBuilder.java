package io.smoothspike.dsl;

import io.smoothspike.spec.ConnectivitySpec;
import io.smoothspike.spec.ProjectionSpec;
import io.smoothspike.spec.ValueSpec;

/**
 * Synapses from an input group or population to a population. Defaults: all-to-all (without i → i when a
 * population projects onto itself), initial weights 0, trainable. Continue with {@link #and()} or any
 * network-level call (see {@link NetworkSection}).
 */
public final class ProjectionBuilder extends NetworkSection {

    private final String from;
    private final String to;
    private ConnectivitySpec connectivity;
    private ValueSpec weights;
    private boolean trainable = true;

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

    String from() {
        return from;
    }

    String to() {
        return to;
    }

    ProjectionSpec toSpec() {
        return new ProjectionSpec(from, to,
                connectivity != null ? connectivity : new ConnectivitySpec.AllToAll(!from.equals(to)),
                weights != null ? weights : new ValueSpec.Constant(0), trainable);
    }

    private String where() {
        return "projection " + from + "->" + to;
    }
}
