package io.smoothspike.sim;

import io.smoothspike.graph.DelayKind;
import io.smoothspike.graph.Projection;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.model.PopulationKernel;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The delayed projections of an {@link EventSimulator}: schedules the deliveries of each source event, delivers them
 * in time order, logs them, and sweeps the log in reverse for the gradient.
 *
 * <p>A source event at t on a projection of kind {@link DelayKind#PROJECTION} or {@link DelayKind#AXONAL} schedules
 * one delivery of its whole row at t + d (the dense and sparse row paths of the kernels stay); kind
 * {@link DelayKind#SYNAPSE} schedules one single-synapse delivery per synapse k at t + d_k. A delivery whose arrival
 * is after T acts at T, after the events of [0, T] (docs/method.md, "Delays"): the state at T, and with it every
 * output time, stays continuous when a delay pushes an arrival across T; such a delivery passes no derivative to its
 * delay or its source's time.
 *
 * <p>The log keeps, per delivery, the number of recorded events before it, so the reverse sweep interleaves the
 * deliveries with the events of the {@link EventRecord} in exactly the reverse of the forward order. Deliveries are not
 * events of the record: what reads a record (readout, raster, spike counts) sees the same kind of record as without
 * delays.
 */
final class DelayLine {

    /** Group index of the external inputs in {@link #bySource}; population p is group p + 1. */
    static final int INPUT_GROUP = 0;

    private final PopulationKernel[] kernels;
    /** The delayed projections, by slot. */
    private final Projection[] projections;
    /** Index in the graph (and in a {@link TrialGradient}) of each slot's projection. */
    private final int[] index;
    /** Slots of the delayed projections leaving each source group (inputs, then the populations). */
    private final int[][] bySource;
    /** Per per-synapse slot: the target of each synapse ({@code k % targetSize} when dense); null for other slots. */
    private final int[][] synapseTargets;
    private final DeliveryQueue queue = new DeliveryQueue();

    // the log of the last trial's deliveries, in delivery order
    private int[] logPosition = new int[64];
    private int[] logSlot = new int[64];
    private int[] logRow = new int[64];
    private int[] logSynapse = new int[64];
    private int[] logSource = new int[64];
    private double[] logTime = new double[64];
    private boolean[] logClamped = new boolean[64];
    private int logCount;

    private double[] adjoint = new double[64];
    private int cursor;

    private DelayLine(SimulationGraph graph, PopulationKernel[] kernels, List<Projection> delayed) {
        this.kernels = kernels;
        this.projections = delayed.toArray(Projection[]::new);
        List<Projection> all = graph.projections();
        this.index = delayed.stream().mapToInt(all::indexOf).toArray();
        int groups = graph.populations().size() + 1;
        this.bySource = new int[groups][];
        for (int g = 0; g < groups; g++) {
            final int src = g - 1; // SimulationGraph.INPUTS is -1
            bySource[g] = IntStream.range(0, projections.length)
                    .filter(s -> projections[s].source() == src).toArray();
        }
        this.synapseTargets = new int[projections.length][];
        for (int s = 0; s < projections.length; s++) {
            Projection pr = projections[s];
            if (pr.delayKind() == DelayKind.SYNAPSE) {
                synapseTargets[s] = pr.isDense() ? denseTargets(pr) : pr.targets();
            }
        }
    }

    /** The delay line of {@code graph}'s delayed projections, or null when none is delayed. */
    static DelayLine of(SimulationGraph graph, PopulationKernel[] kernels) {
        List<Projection> delayed = graph.projections().stream().filter(Projection::hasDelays).toList();
        return delayed.isEmpty() ? null : new DelayLine(graph, kernels, delayed);
    }

    private static int[] denseTargets(Projection pr) {
        int[] t = new int[pr.synapseCount()];
        for (int k = 0; k < t.length; k++) {
            t[k] = k % pr.targetSize();
        }
        return t;
    }

    /** Starts a trial: no pending deliveries, an empty log. */
    void clear() {
        queue.clear();
        logCount = 0;
    }

    /** Arrival time of the next pending delivery, {@code +Infinity} if none. */
    double nextTime() {
        return queue.nextTime();
    }

    /**
     * Schedules the deliveries of the event {@code sourceEvent} (its record index) at time t from row {@code row} of
     * source group {@code group} ({@link #INPUT_GROUP} or population + 1).
     */
    void schedule(int group, int row, double t, int sourceEvent) {
        for (int s : bySource[group]) {
            Projection pr = projections[s];
            double[] d = pr.delays();
            switch (pr.delayKind()) {
                case PROJECTION -> queue.push(t + checked(s, d, 0), s, row, -1, sourceEvent);
                case AXONAL -> queue.push(t + checked(s, d, row), s, row, -1, sourceEvent);
                default -> {
                    int from = pr.isDense() ? row * pr.targetSize() : pr.rowStart()[row];
                    int to = from + pr.fanOut(row);
                    for (int k = from; k < to; k++) {
                        queue.push(t + checked(s, d, k), s, row, k, sourceEvent);
                    }
                }
            }
        }
    }

    private double checked(int slot, double[] delays, int k) {
        double d = delays[k];
        if (!(d >= 0) || d == Double.POSITIVE_INFINITY) {
            throw new IllegalStateException("delay " + k + " of projection " + index[slot] + " is " + d
                    + ": delays must be finite and >= 0 (check the values written into the projection's delays)");
        }
        return d;
    }

    /** Delivers the next pending delivery at its arrival time; {@code position} is the number of recorded events. */
    void deliverNext(int position) {
        deliverTop(queue.nextTime(), position, false);
    }

    /**
     * Delivers every pending delivery (arrivals after T) at {@code duration}, in arrival order, after the events of
     * the trial: the trial end.
     */
    void deliverRemainingAt(double duration, int position) {
        while (!queue.isEmpty()) {
            deliverTop(duration, position, true);
        }
    }

    private void deliverTop(double t, int position, boolean clamped) {
        int s = queue.topSlot();
        int row = queue.topRow();
        int syn = queue.topSynapse();
        log(position, s, row, syn, queue.topSource(), t, clamped);
        queue.removeTop();
        Projection pr = projections[s];
        PopulationKernel k = kernels[pr.target()];
        if (syn >= 0) {
            k.deliverSparse(synapseTargets[s], pr.weights(), syn, syn + 1, t);
        } else if (pr.isDense()) {
            k.deliverDense(pr.weights(), row * pr.targetSize(), t);
        } else {
            int[] rs = pr.rowStart();
            k.deliverSparse(pr.targets(), pr.weights(), rs[row], rs[row + 1], t);
        }
    }

    private void log(int position, int slot, int row, int synapse, int source, double t, boolean clamped) {
        if (logCount == logTime.length) {
            int n = 2 * logCount;
            logPosition = Arrays.copyOf(logPosition, n);
            logSlot = Arrays.copyOf(logSlot, n);
            logRow = Arrays.copyOf(logRow, n);
            logSynapse = Arrays.copyOf(logSynapse, n);
            logSource = Arrays.copyOf(logSource, n);
            logTime = Arrays.copyOf(logTime, n);
            logClamped = Arrays.copyOf(logClamped, n);
        }
        logPosition[logCount] = position;
        logSlot[logCount] = slot;
        logRow[logCount] = row;
        logSynapse[logCount] = synapse;
        logSource[logCount] = source;
        logTime[logCount] = t;
        logClamped[logCount++] = clamped;
    }

    /**
     * The order of the last trial's deliveries among its events, four numbers per delivery: the number of events
     * before it, its projection's index (bitwise complement when it acted at T), its source row and synapse (−1 for a
     * row). Equal when the deliveries come in the same order.
     */
    int[] order() {
        int[] o = new int[4 * logCount];
        for (int m = 0; m < logCount; m++) {
            o[4 * m] = logPosition[m];
            o[4 * m + 1] = logClamped[m] ? ~index[logSlot[m]] : index[logSlot[m]];
            o[4 * m + 2] = logRow[m];
            o[4 * m + 3] = logSynapse[m];
        }
        return o;
    }

    /**
     * Starts the reverse sweep over {@code events} recorded events: returns the array of event time adjoints the sweep
     * uses, {@code eventTimeAdjoint} plus what the deliveries will add to their source events.
     */
    double[] beginBackward(double[] eventTimeAdjoint, int events) {
        if (adjoint.length < events) {
            adjoint = new double[Math.max(events, 2 * adjoint.length)];
        }
        System.arraycopy(eventTimeAdjoint, 0, adjoint, 0, events);
        cursor = logCount;
        return adjoint;
    }

    /**
     * The reverse of the deliveries made after event {@code event} and not yet swept: adds their weight and delay
     * gradients to {@code grad} and their time adjoints to their source events in {@code eventAdjoint}.
     */
    void backwardAfter(int event, double[] eventAdjoint, TrialGradient grad) {
        while (cursor > 0 && logPosition[cursor - 1] > event) {
            int m = --cursor;
            int s = logSlot[m];
            int row = logRow[m];
            int syn = logSynapse[m];
            boolean timed = !logClamped[m];
            Projection pr = projections[s];
            PopulationKernel k = kernels[pr.target()];
            double[] wg = grad.weights(index[s]);
            double t = logTime[m];
            double a;
            if (syn >= 0) {
                a = k.backwardSparse(synapseTargets[s], pr.weights(), wg, syn, syn + 1, t, timed);
            } else if (pr.isDense()) {
                a = k.backwardDense(pr.weights(), wg, row * pr.targetSize(), t, timed);
            } else {
                int[] rs = pr.rowStart();
                a = k.backwardSparse(pr.targets(), pr.weights(), wg, rs[row], rs[row + 1], t, timed);
            }
            if (timed) {
                // the arrival is t_source + d: its adjoint is that of the delay and of the source time
                int d = switch (pr.delayKind()) {
                    case PROJECTION -> 0;
                    case AXONAL -> row;
                    default -> syn;
                };
                grad.delays(index[s])[d] += a;
                eventAdjoint[logSource[m]] += a;
            }
        }
    }
}
