package io.smoothspike.model;

import java.util.List;

/**
 * The coordinates users give a neuron's initial state in (e.g. {@code V} and {@code I}, or {@code phase}) and their
 * conversion to the model's own state coordinates. Descriptions name them {@code V0}, {@code I0}, {@code phase0}, ….
 */
public interface UserCoordinates {

    /** The coordinate names, e.g. {@code [V, I]}. */
    List<String> names();

    /**
     * The model state of one neuron ({@link NeuronModel#stateSize()} model coordinates) from the user's values, one per
     * {@link #names()} entry, null where the description gives none. Invalid values throw
     * {@link IllegalArgumentException}.
     */
    double[] toState(NeuronModel model, Double[] values);

    /** Voltage {@code V} and synaptic current {@code I} (default 0 each), via {@link NeuronModel#stateFromVoltage}. */
    UserCoordinates VOLTAGE_AND_CURRENT = new UserCoordinates() {
        @Override
        public List<String> names() {
            return List.of("V", "I");
        }

        @Override
        public double[] toState(NeuronModel model, Double[] values) {
            return model.stateFromVoltage(values[0] == null ? 0 : values[0], values[1] == null ? 0 : values[1]);
        }
    };

    /** The phase itself (the model's only coordinate); by default the phase of V = 0. */
    UserCoordinates PHASE = new UserCoordinates() {
        @Override
        public List<String> names() {
            return List.of("phase");
        }

        @Override
        public double[] toState(NeuronModel model, Double[] values) {
            return values[0] != null ? new double[] {values[0]} : model.stateFromVoltage(0, 0);
        }
    };
}
