package io.smoothspike.spec;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Synapses from an input group or population to a population: which pairs, their initial weights, trainable or not,
 * and their transmission delays (null: none; then the JSON form has no {@code delays} field, as before delays).
 */
public record ProjectionSpec(String from, String to, ConnectivitySpec connectivity, ValueSpec weights,
        boolean trainable, @JsonInclude(JsonInclude.Include.NON_NULL) DelaySpec delays) {

    /** A projection without delays. */
    public ProjectionSpec(String from, String to, ConnectivitySpec connectivity, ValueSpec weights,
            boolean trainable) {
        this(from, to, connectivity, weights, trainable, null);
    }

    /** The projection's name, {@code from->to}, also the prefix of its weight and delay parameters. */
    public String label() {
        return from + "->" + to;
    }
}
