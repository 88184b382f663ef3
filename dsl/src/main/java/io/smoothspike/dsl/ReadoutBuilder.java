package io.smoothspike.dsl;

import io.smoothspike.spec.OutputSpec;

/**
 * The read-out: neurons of one population and how many output times each gives ({@link #spikes}, default 1 =
 * first-spike coding). Continue with {@link #and()} or any network-level call (see {@link NetworkSection}).
 */
public final class ReadoutBuilder extends NetworkSection {

    private final String population;
    private final int[] neurons;
    private int spikes = 1;
    private boolean spikesSet;

    ReadoutBuilder(NetworkBuilder network, String population, int[] neurons) {
        super(network);
        this.population = population;
        this.neurons = neurons;
    }

    /** The number of output times per read-out neuron: ordinary spikes first, then pseudospikes past T. */
    public ReadoutBuilder spikes(int n) {
        Check.positive("readout spikes", n);
        Check.once(spikesSet, "readout spikes");
        spikes = n;
        spikesSet = true;
        return this;
    }

    String population() {
        return population;
    }

    /** The read-out description; {@code size} is the population's size, against which neurons are checked. */
    OutputSpec toSpec(int size) {
        if (neurons != null) {
            for (int n : neurons) {
                if (n >= size) {
                    throw new IllegalArgumentException("readout neuron " + n + " is outside population '"
                            + population + "' of size " + size);
                }
            }
        }
        return new OutputSpec(population, neurons == null ? null : neurons.clone(), spikes);
    }
}
