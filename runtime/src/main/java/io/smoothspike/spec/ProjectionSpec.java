package io.smoothspike.spec;

/** Synapses from an input group or population to a population: which pairs, their initial weights, trainable or not. */
public record ProjectionSpec(String from, String to, ConnectivitySpec connectivity, ValueSpec weights,
        boolean trainable) {

    /** The projection's name, {@code from->to}, also the prefix of its weight parameter. */
    public String label() {
        return from + "->" + to;
    }
}
