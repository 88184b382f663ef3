package io.smoothspike.spec;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.smoothspike.model.NeuronModel;
import io.smoothspike.model.NeuronModels;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A neuron model by its registered name ({@link NeuronModels}) and its named constants; constants left out take the
 * model's defaults. In JSON the constants sit next to the name: {@code {"type": "qif", "tau": 1.0}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSpec(String type, @JsonAnySetter Map<String, Double> constants) {

    /** Keeps the constants in the order the model declares them (then any others), so JSON text is stable. */
    public ModelSpec {
        Map<String, Double> ordered = new LinkedHashMap<>();
        if (constants != null) {
            Map<String, Double> given = constants;
            NeuronModels.find(type).ifPresent(t -> t.constantNames().stream().filter(given::containsKey)
                    .forEach(n -> ordered.put(n, given.get(n))));
            given.forEach(ordered::putIfAbsent);
        }
        constants = Collections.unmodifiableMap(ordered);
    }

    /** The named constants (written next to {@code type} in JSON). */
    @Override
    @JsonAnyGetter
    public Map<String, Double> constants() {
        return constants;
    }

    /** Shortcut for the built-in {@code qif} model. */
    public static ModelSpec qif(double tau) {
        return new ModelSpec("qif", Map.of("tau", tau));
    }

    /** Shortcut for the built-in {@code theta} model. */
    public static ModelSpec theta(double tau, double drive) {
        return new ModelSpec("theta", Map.of("tau", tau, "drive", drive));
    }

    /** Shortcut for the built-in {@code lif} model. */
    public static ModelSpec lif(double tau, double threshold) {
        return new ModelSpec("lif", Map.of("tau", tau, "threshold", threshold));
    }

    /** Shortcut for the built-in {@code oscillatory-lif} model. */
    public static ModelSpec oscillatoryLif(double tau, double drive, double threshold) {
        return new ModelSpec("oscillatory-lif", Map.of("tau", tau, "drive", drive, "threshold", threshold));
    }

    /** The validated model; {@code where} names the population for messages. */
    public NeuronModel toModel(String where) {
        Validate.present(where, "neuron model type", type);
        for (Map.Entry<String, Double> e : constants.entrySet()) {
            if (e.getValue() == null) {
                throw new SpecException(where, "constant '" + e.getKey() + "' of the " + type + " model is null; "
                        + "give a number or leave it out");
            }
        }
        try {
            return NeuronModels.get(type).create(constants);
        } catch (IllegalArgumentException e) {
            throw new SpecException(where, e.getMessage());
        }
    }
}
