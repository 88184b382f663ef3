package io.smoothspike.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of neuron model types by name: descriptions, the DSL and scripts find models here. The built-in models
 * are registered below; a user registers their own with {@link #register} (from Java, or {@code register(type)} in a
 * script) before describing or loading a network that uses it.
 */
public final class NeuronModels {

    private static final Map<String, NeuronModelType> TYPES = new LinkedHashMap<>();
    private static final List<String> BUILT_IN;

    static {
        register(Qif.TYPE);
        register(Theta.TYPE);
        register(Lif.TYPE);
        register(OscillatoryLif.TYPE);
        BUILT_IN = List.copyOf(TYPES.keySet());
    }

    private NeuronModels() {
    }

    /**
     * Registers a model type under its name. Registering a name again replaces the earlier type (a script run twice
     * defines its model class twice); the built-in models cannot be replaced.
     */
    public static synchronized void register(NeuronModelType type) {
        if (type == null) {
            throw new IllegalArgumentException("register: the neuron model type is missing");
        }
        if (BUILT_IN != null && BUILT_IN.contains(type.name())) {
            throw new IllegalArgumentException("'" + type.name() + "' is a built-in neuron model; register yours "
                    + "under another name");
        }
        TYPES.put(type.name(), type);
    }

    /** The type registered as {@code name}; an unknown name throws, listing the registered ones and how to add one. */
    public static synchronized NeuronModelType get(String name) {
        NeuronModelType t = TYPES.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown neuron model '" + name + "'; registered: "
                    + String.join(", ", TYPES.keySet()) + ". A model of your own must be registered first: "
                    + "NeuronModels.register(MyModel.TYPE) in Java, register(MyModel.TYPE) in a script");
        }
        return t;
    }

    /** The type registered as {@code name}, if any. */
    public static synchronized Optional<NeuronModelType> find(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    /** The registered names, built-in ones first. */
    public static synchronized List<String> names() {
        return new ArrayList<>(TYPES.keySet());
    }
}
