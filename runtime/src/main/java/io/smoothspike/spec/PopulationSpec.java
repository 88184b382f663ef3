package io.smoothspike.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A population: name, size, neuron model, initial state per user coordinate ({@code V} and {@code I} for qif and
 * lif, {@code phase} for theta and oscillatory-lif; unspecified coordinates start at V = 0, I = 0, or the phase of
 * V = 0), and what of it is trainable: the initial state and/or named model constants.
 */
public record PopulationSpec(String name, int size, ModelSpec model, Map<String, ValueSpec> initial,
        boolean trainInitial, List<String> trainConstants) {

    public PopulationSpec {
        initial = initial == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(initial));
        trainConstants = trainConstants == null ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(trainConstants));
    }
}
