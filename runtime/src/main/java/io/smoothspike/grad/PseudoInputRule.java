package io.smoothspike.grad;

/** How the pseudo input u of a neuron is formed from its presynaptic neurons' pseudo rates (docs/method.md §4.3). */
public enum PseudoInputRule {
    /**
     * Layer by layer through a feed-forward network: each population's pseudo rates, computed from its own pseudo
     * input, feed the next; populations without presynaptic populations get u = 0.
     */
    LAYERED,
    /**
     * Recurrent networks: every presynaptic rate is computed with its own current ignored and u = 0; only the
     * read-out neurons receive the resulting pseudo input.
     */
    RECURRENT,
    /** {@link #LAYERED} when the projections between populations form no cycle, else {@link #RECURRENT}. */
    AUTO
}
