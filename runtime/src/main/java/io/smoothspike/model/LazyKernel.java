package io.smoothspike.model;

/**
 * Kernel base for models whose neurons are advanced lazily: each neuron keeps its state at the time of its own last
 * event and is flowed forward in closed form only when it receives an input or spikes. Next-spike times are absolute
 * and kept in an {@link EarliestSpikeTree}.
 *
 * <p>Subclasses keep their state arrays with {@code size + 1} slots: slot {@code size} is a scratch slot used to
 * evaluate states at arbitrary times without touching the neuron's own state.
 *
 * <p>Cost per delivery: one closed-form flow of the target, one time-to-spike evaluation and an O(log n) tree update.
 */
abstract class LazyKernel extends PopulationKernel {

    /** Time of each neuron's last event (its state refers to this time). */
    private final double[] lastTime;
    /** Absolute time of each neuron's next spike, {@code +Infinity} if none. */
    private final double[] spikeTime;
    private final EarliestSpikeTree tree;

    protected LazyKernel(int size) {
        super(size);
        this.lastTime = new double[size];
        this.spikeTime = new double[size];
        this.tree = new EarliestSpikeTree(spikeTime);
    }

    /** Advances the state in slot s by {@code dt >= 0} in closed form. */
    protected abstract void flow(int s, double dt);

    /** Applies an input of weight w to the state in slot s. */
    protected abstract void jump(int s, double w);

    /** Time from the state in slot s to its next spike, {@code +Infinity} if none. */
    protected abstract double timeToSpike(int s);

    /** Sets the voltage part of slot s exactly to its spike point (used when a neuron is due at the current time). */
    protected abstract void pinAtSpike(int s);

    /** Puts the voltage part of slot s in its post-spike (reset) state. */
    protected abstract void reset(int s);

    /** Stores slot s from model coordinates {@code state[off...]}. */
    protected abstract void load(int s, double[] state, int off);

    /** Writes slot s in model coordinates into {@code out[off...]}. */
    protected abstract void store(int s, double[] out, int off);

    /** Membrane potential of slot s. */
    protected abstract double voltage(int s);

    /** Copies slot {@code from} into slot {@code to}. */
    protected abstract void copy(int from, int to);

    @Override
    public final void initialize(double[] state) {
        int d = state.length / size;
        for (int i = 0; i < size; i++) {
            load(i, state, i * d);
            lastTime[i] = 0.0;
            spikeTime[i] = timeToSpike(i);
        }
        tree.rebuild();
    }

    /** Brings slot s, holding neuron i's state, to time t; pins it at its spike point if it is due by then. */
    private void advance(int s, int i, double t) {
        flow(s, t - lastTime[i]);
        if (t >= spikeTime[i]) {
            pinAtSpike(s);
        }
    }

    @Override
    public final void deliver(int i, double w, double t) {
        advance(i, i, t);
        lastTime[i] = t;
        jump(i, w);
        spikeTime[i] = t + timeToSpike(i);
        tree.update(i);
    }

    @Override
    public final double nextSpikeTime() {
        return tree.earliestTime();
    }

    @Override
    public final int nextSpiker() {
        return tree.earliest();
    }

    @Override
    public final void fire(int i, double t) {
        advance(i, i, t);
        lastTime[i] = t;
        reset(i);
        spikeTime[i] = t + timeToSpike(i);
        tree.update(i);
    }

    @Override
    public final void stateAt(int i, double t, double[] out, int off) {
        copy(i, size);
        advance(size, i, t);
        store(size, out, off);
    }

    @Override
    public final double voltageAt(int i, double t) {
        copy(i, size);
        advance(size, i, t);
        return voltage(size);
    }
}
