package io.smoothspike.sim;

/** Thrown when a trial would produce more network spikes than its cap K allows. */
public final class SpikeCapExceededException extends RuntimeException {

    private final int cap;
    private final double time;

    SpikeCapExceededException(int cap, double time, String neuron, double duration) {
        super("spike cap exceeded: the network produced its " + cap + " allowed spikes and neuron " + neuron
                + " would spike again at t=" + time + " (<= T=" + duration + "). Raise the cap K (spikeCap in the "
                + "trial settings) if this activity is intended, or reduce excitation (weights, drive) if it is not.");
        this.cap = cap;
        this.time = time;
    }

    /** The cap K that was exceeded. */
    public int cap() {
        return cap;
    }

    /** Time of the first spike beyond the cap. */
    public double time() {
        return time;
    }
}
