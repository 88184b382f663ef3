package io.smoothspike.dsl;

import io.smoothspike.model.NeuronModelType;
import io.smoothspike.model.NeuronModels;
import io.smoothspike.spec.ModelSpec;
import io.smoothspike.spec.PopulationSpec;
import io.smoothspike.spec.ValueSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A population of neurons of one model: initial state per coordinate (the model's user coordinates: {@code V},
 * {@code I} for qif and lif; {@code phase} for theta and oscillatory-lif; unset coordinates take the model's default,
 * e.g. V = 0, I = 0 or the phase of V = 0) and what of it is trained. Continue with {@link #and()} or any
 * network-level call (see {@link NetworkSection}).
 */
public final class PopulationBuilder extends NetworkSection {

    private final String name;
    private final int size;
    private final ModelSpec model;
    private final Map<String, ValueSpec> initial = new LinkedHashMap<>();
    private final List<String> trainConstants = new ArrayList<>();
    private boolean trainInitial;

    PopulationBuilder(NetworkBuilder network, String name, int size, ModelSpec model) {
        super(network);
        this.name = name;
        this.size = size;
        this.model = model;
    }

    /** The initial value of state {@code coordinate} for every neuron of the population. */
    public PopulationBuilder initial(String coordinate, ValueSpec value) {
        Check.notNull(where() + " initial " + coordinate, value);
        List<String> known = coordinates();
        if (coordinate == null || (known != null ? !known.contains(coordinate) : coordinate.isEmpty())) {
            throw new IllegalArgumentException(where() + ": unknown state coordinate "
                    + (coordinate == null ? "null" : "'" + coordinate + "'")
                    + (known == null ? "" : "; the " + model.type() + " model has " + known));
        }
        Check.once(initial.containsKey(coordinate), where() + " initial " + coordinate);
        initial.put(coordinate, value);
        return this;
    }

    /** Initial voltage V of every neuron (qif, lif). */
    public PopulationBuilder v0(double v) {
        return initial("V", Snn.constant(v));
    }

    /** Initial voltages V (qif, lif). */
    public PopulationBuilder v0(ValueSpec v) {
        return initial("V", v);
    }

    /** Initial synaptic current I of every neuron (qif, lif). */
    public PopulationBuilder i0(double i) {
        return initial("I", Snn.constant(i));
    }

    /** Initial synaptic currents I (qif, lif). */
    public PopulationBuilder i0(ValueSpec i) {
        return initial("I", i);
    }

    /** Initial phase of every neuron (theta, oscillatory-lif). */
    public PopulationBuilder phase0(double phase) {
        return initial("phase", Snn.constant(phase));
    }

    /** Initial phases (theta, oscillatory-lif). */
    public PopulationBuilder phase0(ValueSpec phase) {
        return initial("phase", phase);
    }

    /** Makes the initial state of every neuron trainable. */
    public PopulationBuilder trainInitial() {
        trainInitial = true;
        return this;
    }

    /** Makes the named model constants (e.g. {@code tau}, {@code drive}, {@code threshold}) trainable. */
    public PopulationBuilder trainConstants(String... constants) {
        Check.notNull(where() + " trainable constants", constants);
        List<String> known = constants();
        for (String c : constants) {
            if (c == null || (known != null ? !known.contains(c) : c.isEmpty())) {
                throw new IllegalArgumentException(where() + ": unknown model constant "
                        + (c == null ? "null" : "'" + c + "'")
                        + (known == null ? "" : "; the " + model.type() + " model has " + known));
            }
            if (trainConstants.contains(c)) {
                throw new IllegalArgumentException(where() + ": constant '" + c + "' is already trainable");
            }
            trainConstants.add(c);
        }
        return this;
    }

    String name() {
        return name;
    }

    int size() {
        return size;
    }

    PopulationSpec toSpec() {
        return new PopulationSpec(name, size, model, initial, trainInitial, trainConstants);
    }

    /** The coordinates users give initial states in, or null for a model that is not registered. */
    private List<String> coordinates() {
        return NeuronModels.find(model.type()).map(t -> t.coordinates().names()).orElse(null);
    }

    /** The trainable constants of the model, or null for a model that is not registered. */
    private List<String> constants() {
        return NeuronModels.find(model.type()).map(NeuronModelType::trainableConstants).orElse(null);
    }

    private String where() {
        return "population '" + name + "'";
    }
}
