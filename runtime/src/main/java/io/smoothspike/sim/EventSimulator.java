package io.smoothspike.sim;

import io.smoothspike.graph.Population;
import io.smoothspike.graph.Projection;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.model.PopulationKernel;
import java.util.Arrays;
import java.util.List;

/**
 * Exact event-driven simulation of a {@link SimulationGraph} over one trial [0, T].
 *
 * <p>The engine repeatedly takes the earliest of the next external input spike, the next delayed delivery and the
 * earliest network spike (each population kernel gives its earliest spike in closed form), advances the affected
 * neurons by their closed-form flows and transmits the event along the projections of its source: at once along
 * projections without delays, later along delayed ones ({@link io.smoothspike.graph.Projection#delays()}). Events
 * after T are not processed; a spike at exactly T is an ordinary spike. Delayed deliveries that would arrive after T
 * act at T, after the events of the trial, before the state at T is read (docs/method.md, "Delays").
 *
 * <p><b>Ties</b> are resolved deterministically: at equal times, external inputs come before delayed deliveries and
 * those before network spikes; inputs in their sorted order ({@link InputSpikes} keeps the given order among equal
 * times), delayed deliveries in the order they were scheduled, and network spikes by ascending global neuron index
 * (population order, then index within the population). Delayed deliveries are not events of the
 * {@link EventRecord}; {@link #deliveryOrder()} tells their order.
 *
 * <p><b>Cost.</b> An input or spike costs its fan-out (one delivery per synapse, no allocation) plus the
 * bookkeeping of the targeted populations: O(log n) per delivery for lazily advanced models (QIF, LIF, oscillatory
 * LIF) and one O(n) scan per event for the theta population. Finding the next network spike costs O(number of
 * populations). A delayed delivery costs O(log p) more, p the number of pending ones (one per row for delays per
 * projection or per presynaptic neuron, one per synapse for delays per synapse).
 *
 * <p>A simulator owns its kernels and its {@link EventRecord} and reuses them across trials: use one simulator per
 * thread. The returned record is overwritten by the next {@link #run}.
 *
 * <p><b>Gradients.</b> With {@link #setRecording} on, the kernels also record what the reverse pass needs (see
 * {@link io.smoothspike.model.PopulationKernel}), and {@link #backward} sweeps the last trial's events in reverse
 * order, mirroring every kernel call of the forward pass.
 */
public final class EventSimulator {

    private final SimulationGraph graph;
    private final PopulationKernel[] kernels;
    private final Projection[][] outgoing;
    private final Projection[] fromInputs;
    private final int[] offsets;
    private final EventRecord record;
    private final int[] populationOfNeuron;
    private final int[] fromInputsIndex;
    private final int[][] outgoingIndex;
    private boolean recording;
    private boolean inputTimeGradients = true;
    private int lastInputEvents;
    /**
     * Per projection from the inputs: its held-back weight-gradient rows while {@link #setHeldBackInputRows} is on and
     * its target kernel shares dense rows, else null.
     */
    private final InputRowGradients[] heldBack;
    /** The delayed projections' deliveries; null when no projection is delayed (the event loop then never uses it). */
    private final DelayLine delays;
    /**
     * Where the inputs go through one undelayed sparse projection: per channel its only target, or −1 for a row of
     * another fan-out; null otherwise. Runs of single-target inputs are announced to the target kernel ahead
     * ({@link PopulationKernel#prepareDeliveries}).
     */
    private final int[] singleTarget;
    /** How many single-target inputs are announced at once. */
    private static final int ANNOUNCED = 32;
    // the announced run of inputs: input indices [announcedFrom, announcedTo) (the arrays serve the backward sweep too)
    private final int[] announcedTargets = new int[ANNOUNCED];
    private final double[] announcedWeights = new double[ANNOUNCED];
    private final double[] announcedTimes = new double[ANNOUNCED];
    private int announcedFrom;
    private int announcedTo;
    // the run announced to the backward sweep: events backAnnouncedFrom down to backAnnouncedFrom − count + 1
    private int backAnnouncedFrom;
    private int backAnnouncedCount;

    /** A simulator for {@code graph}; kernels are allocated here once. */
    public EventSimulator(SimulationGraph graph) {
        this.graph = graph;
        List<Population> pops = graph.populations();
        int np = pops.size();
        this.kernels = new PopulationKernel[np];
        this.outgoing = new Projection[np][];
        this.offsets = new int[np];
        int[] stateSizes = new int[np];
        int[] sizes = new int[np];
        for (int p = 0; p < np; p++) {
            Population pop = pops.get(p);
            kernels[p] = pop.model().newKernel(pop.size());
            outgoing[p] = undelayed(graph.fromPopulation(p));
            offsets[p] = pop.offset();
            stateSizes[p] = pop.model().stateSize();
            sizes[p] = pop.size();
            for (int q = 0; q < p; q++) {
                kernels[p].shareCachesWith(kernels[q]);
            }
        }
        this.fromInputs = undelayed(graph.fromInputs());
        this.delays = DelayLine.of(graph, kernels);
        this.singleTarget = singleTargets(fromInputs, graph.inputCount());
        this.record = new EventRecord(graph.neuronCount(), stateSizes, sizes);
        this.populationOfNeuron = new int[graph.neuronCount()];
        for (int p = 0; p < np; p++) {
            Arrays.fill(populationOfNeuron, offsets[p], offsets[p] + sizes[p], p);
        }
        List<Projection> all = graph.projections();
        this.fromInputsIndex = Arrays.stream(fromInputs).mapToInt(all::indexOf).toArray();
        this.heldBack = new InputRowGradients[fromInputs.length];
        this.outgoingIndex = new int[np][];
        for (int p = 0; p < np; p++) {
            outgoingIndex[p] = Arrays.stream(outgoing[p]).mapToInt(all::indexOf).toArray();
        }
    }

    /** {@link #singleTarget} for the undelayed projections from the inputs. */
    private static int[] singleTargets(Projection[] fromInputs, int channels) {
        if (fromInputs.length != 1 || fromInputs[0].isDense()) {
            return null;
        }
        Projection pr = fromInputs[0];
        int[] single = new int[channels];
        for (int c = 0; c < channels; c++) {
            single[c] = pr.fanOut(c) == 1 ? pr.targets()[pr.rowStart()[c]] : -1;
        }
        return single;
    }

    /** The projections without delays among {@code projections}, in order: those delivered as their source fires. */
    private static Projection[] undelayed(Projection[] projections) {
        return Arrays.stream(projections).filter(p -> !p.hasDelays()).toArray(Projection[]::new);
    }

    /** Turns on or off the recording that {@link #backward} needs, for the following runs. */
    public void setRecording(boolean on) {
        recording = on;
        for (PopulationKernel k : kernels) {
            k.setRecording(on);
        }
    }

    /**
     * Whether {@link #backward} computes dL/d(input spike times) (on by default); off saves work per input synaptic
     * event when input times are not trained; the input-time gradient is then left empty (no entries).
     */
    public void setInputTimeGradients(boolean on) {
        if (on && Arrays.stream(heldBack).anyMatch(r -> r != null)) {
            throw new IllegalStateException("input-time gradients need the input rows added at once: call "
                    + "setHeldBackInputRows(false) first");
        }
        inputTimeGradients = on;
    }

    /**
     * Whether {@link #backward} holds back the weight gradients of input deliveries into dense projections whose
     * targets {@link PopulationKernel#sharesDenseRows share dense rows}, over trials, until
     * {@link #flushInputRows}, which adds them source row by source row (e.g. pixel by pixel): far less memory traffic
     * when a batch of trials is summed into one gradient. Needs input-time gradients off; the result is bitwise that
     * of adding them at once, if those projections' entries of the gradient are zero before the first trial. Off by
     * default.
     */
    public void setHeldBackInputRows(boolean on) {
        if (on && inputTimeGradients) {
            throw new IllegalStateException("holding back input rows needs input-time gradients off "
                    + "(setInputTimeGradients(false))");
        }
        if (Arrays.stream(heldBack).anyMatch(r -> r != null && r.holdsRows())) {
            throw new IllegalStateException("input rows are held back: flushInputRows() or discardInputRows() first");
        }
        for (int j = 0; j < fromInputs.length; j++) {
            Projection pr = fromInputs[j];
            boolean shares = on && pr.isDense() && kernels[pr.target()].sharesDenseRows();
            heldBack[j] = shares ? new InputRowGradients(pr, fromInputsIndex[j]) : null;
        }
    }

    /** Adds the input rows held back since the last flush to the gradient they were swept into (if any). */
    public void flushInputRows() {
        for (InputRowGradients rows : heldBack) {
            if (rows != null) {
                rows.flush();
            }
        }
    }

    /** Forgets the input rows held back since the last flush (their gradient is discarded anyway). */
    public void discardInputRows() {
        for (InputRowGradients rows : heldBack) {
            if (rows != null) {
                rows.discard();
            }
        }
    }

    /** Whether {@link #backward} must also produce gradients with respect to the model constants. */
    public void setConstantGradients(boolean on) {
        for (PopulationKernel k : kernels) {
            k.setConstantGradients(on);
        }
    }

    /**
     * Reverse-mode sweep over the last (recorded) trial. {@code eventTimeAdjoint[k]} is the explicit dL/dt of event k
     * (e.g. from the loss on ordinary output spikes), {@code finalStateAdjoint[p]} is dL/d(state at T) of population
     * p in model coordinates. Adds dL/d(weights, delays, initial states, constants) into {@code grad} and sets its
     * input-time gradient.
     */
    public void backward(double[] eventTimeAdjoint, double[][] finalStateAdjoint, TrialGradient grad) {
        if (!recording) {
            throw new IllegalStateException("backward needs a recorded run: call setRecording(true) before run()");
        }
        double duration = record.duration();
        for (int p = 0; p < kernels.length; p++) {
            kernels[p].beginBackward(duration, finalStateAdjoint[p]);
        }
        grad.resetInputTimes(inputTimeGradients ? lastInputEvents : 0);
        for (InputRowGradients rows : heldBack) {
            if (rows != null) {
                rows.beginSweep(grad);
            }
        }
        double[] inputGrad = grad.inputTimes();
        int input = lastInputEvents;
        // with delays, the sweep adds the time adjoints of the delayed deliveries to their source events' adjoints
        double[] adjoint = delays == null ? eventTimeAdjoint
                : delays.beginBackward(eventTimeAdjoint, record.eventCount());
        backAnnouncedCount = 0;
        for (int k = record.eventCount() - 1; k >= 0; k--) {
            if (delays != null) {
                delays.backwardAfter(k, adjoint, grad);
            }
            double t = record.time(k);
            if (record.isInput(k)) {
                int channel = record.inputChannel(k);
                double a = adjoint[k] + (singleTarget != null && singleTarget[channel] >= 0
                        ? backwardSingle(k, channel, t, grad)
                        : transmitBackward(fromInputs, fromInputsIndex, heldBack, channel, t, grad,
                                inputTimeGradients));
                if (inputTimeGradients) {
                    inputGrad[--input] = a;
                }
            } else {
                int n = record.neuron(k);
                int pop = populationOfNeuron[n];
                int local = n - offsets[pop];
                double a = adjoint[k]
                        + transmitBackward(outgoing[pop], outgoingIndex[pop], null, local, t, grad, true);
                kernels[pop].backwardFire(local, t, a);
            }
        }
        for (int p = 0; p < kernels.length; p++) {
            kernels[p].endBackward(grad.initialState(p), grad.constants(p));
        }
    }

    /**
     * The reverse of input event k (of a channel with a single target) through the target kernel's prepared backward
     * deliveries, announcing the run of single-target input events down from it first if it is not announced yet.
     */
    private double backwardSingle(int k, int channel, double t, TrialGradient grad) {
        Projection pr = fromInputs[0];
        PopulationKernel kernel = kernels[pr.target()];
        if (k > backAnnouncedFrom || k <= backAnnouncedFrom - backAnnouncedCount) {
            int n = 0;
            while (n < ANNOUNCED && k - n >= 0 && record.isInput(k - n)) {
                int c = record.inputChannel(k - n);
                if (singleTarget[c] < 0) {
                    break;
                }
                announcedTargets[n] = singleTarget[c];
                announcedTimes[n] = record.time(k - n);
                n++;
            }
            kernel.prepareBackwardDeliveries(announcedTargets, announcedTimes, n);
            backAnnouncedFrom = k;
            backAnnouncedCount = n;
        }
        return kernel.backwardPrepared(backAnnouncedFrom - k, pr.targets(), pr.weights(),
                grad.weights(fromInputsIndex[0]), pr.rowStart()[channel], t, inputTimeGradients);
    }

    /**
     * The reverse of one event's deliveries along {@code projections} (gradient indices {@code index}); those with
     * {@code held[j]} (input rows held back, or null for none) are taken there.
     */
    private double transmitBackward(Projection[] projections, int[] index, InputRowGradients[] held, int row, double t,
            TrialGradient grad, boolean timeAdjoint) {
        double a = 0;
        for (int j = projections.length - 1; j >= 0; j--) {
            Projection pr = projections[j];
            PopulationKernel k = kernels[pr.target()];
            if (held != null && held[j] != null) {
                held[j].take(k, row, t); // no time adjoint: held back only with input-time gradients off
                continue;
            }
            double[] wg = grad.weights(index[j]);
            if (pr.isDense()) {
                a += k.backwardDense(pr.weights(), wg, row * pr.targetSize(), t, timeAdjoint);
            } else {
                int[] rs = pr.rowStart();
                a += k.backwardSparse(pr.targets(), pr.weights(), wg, rs[row], rs[row + 1], t, timeAdjoint);
            }
        }
        return a;
    }

    /**
     * The order of the last trial's delayed deliveries among its events: four numbers per delivery, in delivery order
     * (the number of events before it, its projection's index or that index's bitwise complement when it acted at T,
     * its source row, its synapse or −1 for a whole row). Two trials with equal records and equal orders made the
     * same sequence of kernel calls. Empty without delayed projections.
     */
    public int[] deliveryOrder() {
        return delays == null ? new int[0] : delays.order();
    }

    public SimulationGraph graph() {
        return graph;
    }

    /** Simulates one trial from the graph's initial states. */
    public EventRecord run(InputSpikes input, TrialSettings trial) {
        return run(input, trial, null);
    }

    /** Simulates one trial and samples the states on {@code grid} (see {@link StateTrace}). */
    public StateTrace trace(InputSpikes input, TrialSettings trial, double[] grid) {
        List<Population> pops = graph.populations();
        int[] stateSizes = new int[pops.size()];
        int[] sizes = new int[pops.size()];
        for (int p = 0; p < pops.size(); p++) {
            stateSizes[p] = pops.get(p).model().stateSize();
            sizes[p] = pops.get(p).size();
        }
        for (int g = 0; g < grid.length; g++) {
            if (!(grid[g] >= 0 && grid[g] <= trial.duration()) || g > 0 && !(grid[g] >= grid[g - 1])) {
                throw new IllegalArgumentException("trace grid must be non-decreasing within [0, T=" + trial.duration()
                        + "]; index " + g + " is " + grid[g]);
            }
        }
        StateTrace trace = new StateTrace(grid, sizes, stateSizes);
        run(input, trial, trace);
        return trace;
    }

    private EventRecord run(InputSpikes input, TrialSettings trial, StateTrace trace) {
        if (input.maxSource() >= graph.inputCount()) {
            throw new IllegalArgumentException("input spike from channel " + input.maxSource() + " but the network has "
                    + graph.inputCount() + " input channels");
        }
        double duration = trial.duration();
        int cap = trial.spikeCap();
        List<Population> pops = graph.populations();
        for (int p = 0; p < kernels.length; p++) {
            kernels[p].initialize(pops.get(p).initialState());
        }
        record.clear(duration);
        if (delays != null) {
            delays.clear();
        }
        int inputEvents = 0;
        int nextInput = 0;
        announcedFrom = 0;
        announcedTo = 0;
        int inputCount = input.size();
        int nextSample = 0;
        double[] sampleBuffer = trace == null ? null : new double[8];
        double now = 0;
        while (true) {
            double tIn = nextInput < inputCount ? input.time(nextInput) : Double.POSITIVE_INFINITY;
            double tDelayed = delays == null ? Double.POSITIVE_INFINITY : delays.nextTime();
            // the next external event: an input, or a delayed delivery (inputs first at equal times)
            double tExt = Math.min(tIn, tDelayed);
            if (tExt > now) {
                int pop = -1;
                double tNet = Double.POSITIVE_INFINITY;
                for (int p = 0; p < kernels.length; p++) {
                    // an answer above this bound can neither win nor matter: the input or an earlier spike goes first
                    double t = kernels[p].nextSpikeTimeUpTo(Math.min(Math.min(tExt, tNet), duration));
                    if (Double.isNaN(t)) {
                        throw nonFinite(p);
                    }
                    if (t < tNet) {
                        tNet = t;
                        pop = p;
                    }
                }
                if (tNet < tExt) {
                    if (tNet > duration) {
                        break;
                    }
                    if (trace != null) {
                        nextSample = sample(trace, nextSample, tNet, sampleBuffer);
                    }
                    int local = kernels[pop].nextSpiker();
                    if (record.spikeCount() >= cap) {
                        throw new SpikeCapExceededException(cap, tNet, describe(pop, local), duration);
                    }
                    kernels[pop].fire(local, tNet);
                    record.addSpike(tNet, offsets[pop] + local);
                    transmit(outgoing[pop], local, tNet);
                    if (delays != null) {
                        delays.schedule(pop + 1, local, tNet, record.eventCount() - 1);
                    }
                    now = tNet;
                    continue;
                }
                if (tExt > duration) {
                    break;
                }
                if (trace != null) {
                    nextSample = sample(trace, nextSample, tExt, sampleBuffer);
                }
            }
            if (tIn <= tDelayed) {
                int channel = input.source(nextInput);
                inputEvents++;
                record.addInput(tIn, channel);
                if (singleTarget != null && singleTarget[channel] >= 0) {
                    deliverSingle(input, nextInput, channel, tIn);
                } else {
                    transmit(fromInputs, channel, tIn);
                }
                nextInput++;
                if (delays != null) {
                    delays.schedule(DelayLine.INPUT_GROUP, channel, tIn, record.eventCount() - 1);
                }
            } else {
                delays.deliverNext(record.eventCount());
            }
            now = tExt;
        }
        if (delays != null) {
            delays.deliverRemainingAt(duration, record.eventCount());
        }
        if (trace != null) {
            sample(trace, nextSample, Math.nextUp(duration), sampleBuffer);
        }
        for (int p = 0; p < kernels.length; p++) {
            double[] out = record.finalStateArray(p);
            int d = pops.get(p).model().stateSize();
            for (int i = 0; i < kernels[p].size(); i++) {
                kernels[p].stateAt(i, duration, out, i * d);
            }
        }
        record.indexSpikes();
        lastInputEvents = inputEvents;
        return record;
    }

    /**
     * Delivers input {@code index} (of a channel with a single target) through the target kernel's prepared
     * deliveries, announcing the run of single-target inputs from it first if it is not announced yet.
     */
    private void deliverSingle(InputSpikes input, int index, int channel, double t) {
        Projection pr = fromInputs[0];
        PopulationKernel k = kernels[pr.target()];
        double[] w = pr.weights();
        int[] rs = pr.rowStart();
        if (index >= announcedTo) {
            int n = 0;
            while (n < ANNOUNCED && index + n < input.size()) {
                int c = input.source(index + n);
                if (singleTarget[c] < 0) {
                    break;
                }
                announcedTargets[n] = singleTarget[c];
                announcedWeights[n] = w[rs[c]];
                announcedTimes[n] = input.time(index + n);
                n++;
            }
            k.prepareDeliveries(announcedTargets, announcedWeights, announcedTimes, n);
            announcedFrom = index;
            announcedTo = index + n;
        }
        k.deliverPrepared(index - announcedFrom, singleTarget[channel], w[rs[channel]], t);
    }

    private void transmit(Projection[] projections, int row, double t) {
        for (Projection pr : projections) {
            PopulationKernel k = kernels[pr.target()];
            if (pr.isDense()) {
                k.deliverDense(pr.weights(), row * pr.targetSize(), t);
            } else {
                int[] rs = pr.rowStart();
                k.deliverSparse(pr.targets(), pr.weights(), rs[row], rs[row + 1], t);
            }
        }
    }

    /** Samples every grid point strictly before {@code until}; returns the next unsampled grid index. */
    private int sample(StateTrace trace, int next, double until, double[] buffer) {
        double[] grid = trace.gridView();
        while (next < grid.length && grid[next] < until) {
            double g = grid[next];
            for (int p = 0; p < kernels.length; p++) {
                PopulationKernel k = kernels[p];
                for (int i = 0; i < k.size(); i++) {
                    k.stateAt(i, g, buffer, 0);
                    trace.set(offsets[p] + i, next, k.voltageAt(i, g), buffer, 0);
                }
            }
            next++;
        }
        return next;
    }

    private IllegalStateException nonFinite(int pop) {
        return new IllegalStateException("population '" + graph.populations().get(pop).name()
                + "' produced a NaN spike time: a state became non-finite (check weights, inputs and constants)");
    }

    private String describe(int pop, int local) {
        return (offsets[pop] + local) + " ('" + graph.populations().get(pop).name() + "'[" + local + "])";
    }
}
