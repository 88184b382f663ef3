package io.smoothspike.grad;

import io.smoothspike.graph.SimulationGraph;

/**
 * Which neurons are read out and how many output times each gives, with the pseudodynamics settings: enough to
 * build a {@link Readout} per thread.
 *
 * @param neurons  global indices of the read-out neurons
 * @param counts   number of output times per read-out neuron (n = 1 is first-spike coding)
 * @param settings pseudodynamics settings
 */
public record ReadoutSpec(int[] neurons, int[] counts, PseudoSettings settings) {

    public ReadoutSpec {
        neurons = neurons.clone();
        counts = counts.clone();
    }

    /** First-spike read-out of every neuron of population {@code p}. */
    public static ReadoutSpec firstSpikes(SimulationGraph graph, int p, PseudoSettings settings) {
        var pop = graph.populations().get(p);
        int[] n = new int[pop.size()];
        int[] c = new int[pop.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = pop.offset() + i;
            c[i] = 1;
        }
        return new ReadoutSpec(n, c, settings);
    }

    /** A readout for {@code graph}. */
    public Readout create(SimulationGraph graph) {
        return new Readout(graph, neurons, counts, settings);
    }
}
