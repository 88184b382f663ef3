package io.smoothspike.graph;

import io.smoothspike.model.NeuronModel;

/**
 * A compiled population: a name, a neuron model, a size, the offset of its first neuron in the network-wide
 * numbering, and its initial state in model coordinates ({@code size × model.stateSize()} numbers, neuron-major).
 */
public record Population(String name, NeuronModel model, int size, int offset, double[] initialState) {
}
