package io.smoothspike.graph;

/**
 * How a projection's transmission delays are shared: a spike of presynaptic neuron {@code pre} at time t reaches
 * synapse k at t + d, with d taken from {@link Projection#delays()} as this kind says.
 */
public enum DelayKind {
    /** No delays: deliveries arrive when the presynaptic spike happens (no delay array). */
    NONE,
    /** One delay shared by every synapse of the projection (a delay array of length 1). */
    PROJECTION,
    /** One delay per presynaptic neuron, shared by its synapses (axonal; length {@code sourceSize}). */
    AXONAL,
    /** One delay per synapse, in the layout of {@link Projection#weights()} (length {@code synapseCount}). */
    SYNAPSE;

    /** Length of the delay array of this kind for a projection of the given sizes. */
    public int length(int sourceSize, int synapseCount) {
        return switch (this) {
            case NONE -> 0;
            case PROJECTION -> 1;
            case AXONAL -> sourceSize;
            case SYNAPSE -> synapseCount;
        };
    }
}
