package io.smoothspike.spec;

/**
 * The read-out: neurons of one population (local indices; null = all) and the number of output times per neuron
 * (1 = first-spike coding).
 */
public record OutputSpec(String population, int[] neurons, int spikes) {
}
