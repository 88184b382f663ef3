package io.smoothspike.model;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A kind of neuron model as descriptions name it: its name, its constants (defaults, ranges, which are trainable), the
 * coordinates users give initial states in, and a factory from constant values. Each model file declares one as
 * {@code TYPE}; {@link NeuronModels} maps names to them. Per-instance knowledge (state bounds, pseudodynamics) lives in
 * {@link NeuronModel}.
 */
public final class NeuronModelType {

    private final String name;
    private final List<ModelConstant> constants;
    private final List<String> constantNames;
    private final UserCoordinates coordinates;
    private final Function<double[], ? extends NeuronModel> factory;

    /**
     * A model type; {@code factory} receives the constant values in the order of {@code constants} and validates them
     * (throwing {@link IllegalArgumentException} naming the constant), and its models' {@link NeuronModel#id()} is
     * {@code name}.
     */
    public NeuronModelType(String name, List<ModelConstant> constants, UserCoordinates coordinates,
            Function<double[], ? extends NeuronModel> factory) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a neuron model type needs a name");
        }
        this.name = name;
        this.constants = List.copyOf(constants);
        this.constantNames = this.constants.stream().map(ModelConstant::name).toList();
        if (coordinates == null || factory == null) {
            throw new IllegalArgumentException("neuron model type '" + name + "' needs its user coordinates and a "
                    + "factory");
        }
        this.coordinates = coordinates;
        this.factory = factory;
        for (ModelConstant c : this.constants) {
            if (constantNames.indexOf(c.name()) != constantNames.lastIndexOf(c.name())) {
                throw new IllegalArgumentException(name + ": constant '" + c.name() + "' is declared twice");
            }
            if (c.lowConstant() != null && !constantNames.contains(c.lowConstant())) {
                throw new IllegalArgumentException(name + ": constant '" + c.name() + "' must exceed '"
                        + c.lowConstant() + "', which the model does not declare");
            }
        }
    }

    /** The name descriptions use, e.g. {@code qif}. */
    public String name() {
        return name;
    }

    /** The declared constants, in the factory's order. */
    public List<ModelConstant> constants() {
        return constants;
    }

    /** The constant names, in the factory's order. */
    public List<String> constantNames() {
        return constantNames;
    }

    /** The names of the trainable constants. */
    public List<String> trainableConstants() {
        return constants.stream().filter(ModelConstant::trainable).map(ModelConstant::name).toList();
    }

    /** The coordinates users give initial states in. */
    public UserCoordinates coordinates() {
        return coordinates;
    }

    /**
     * A model from named constants; absent constants take their defaults. An unknown, missing or invalid constant
     * throws {@link IllegalArgumentException} whose message lists the model's constants with their ranges.
     */
    public NeuronModel create(Map<String, Double> named) {
        for (String k : named.keySet()) {
            if (!constantNames.contains(k)) {
                throw new IllegalArgumentException("the " + name + " model has no constant '" + k + "'; "
                        + describeConstants());
            }
        }
        double[] values = new double[constants.size()];
        for (int k = 0; k < values.length; k++) {
            ModelConstant c = constants.get(k);
            Double v = named.get(c.name());
            if (v == null) {
                v = c.defaultValue();
            }
            if (v == null) {
                throw new IllegalArgumentException(c.name() + " of the " + name + " model is missing; "
                        + describeConstants());
            }
            values[k] = v;
        }
        NeuronModel model;
        try {
            model = factory.apply(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; " + describeConstants(), e);
        }
        for (int k = 0; k < values.length; k++) {
            if (!constants.get(k).admits(values[k], values, constantNames)) {
                throw new IllegalArgumentException(name + ": " + constantNames.get(k) + " = " + values[k]
                        + " is outside its range; " + describeConstants());
            }
        }
        if (!name.equals(model.id()) || !constantNames.equals(List.of(model.constantNames()))) {
            throw new IllegalStateException("neuron model type '" + name + "' made a model with id() '" + model.id()
                    + "' and constantNames() " + List.of(model.constantNames()) + "; they must be '" + name + "' and "
                    + constantNames);
        }
        return model;
    }

    /** The interval constant {@code k} must stay in while training, given the current {@code values}. */
    public double[] constantBounds(int k, double[] values) {
        return constants.get(k).bounds(values, constantNames);
    }

    /** E.g. {@code the theta model's constants: tau > 0, drive > 0.25}. */
    public String describeConstants() {
        return "the " + name + " model's constants: " + (constants.isEmpty() ? "none"
                : String.join(", ", constants.stream().map(ModelConstant::toString).toList()));
    }

    @Override
    public String toString() {
        return name + constants;
    }
}
