package io.smoothspike.sim;

import io.smoothspike.graph.Population;
import io.smoothspike.graph.Projection;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.model.PopulationKernel;
import java.util.List;

/**
 * Exact event-driven simulation of a {@link SimulationGraph} over one trial [0, T].
 *
 * <p>The engine repeatedly takes the earlier of the next external input spike and the earliest network spike (each
 * population kernel gives its earliest spike in closed form), advances the affected neurons by their closed-form
 * flows and transmits the event along the projections of its source. Events after T are not processed; a spike at
 * exactly T is an ordinary spike.
 *
 * <p><b>Ties</b> are resolved deterministically: at equal times, external inputs come before network spikes, inputs
 * in their sorted order ({@link InputSpikes} keeps the given order among equal times), and network spikes by
 * ascending global neuron index (population order, then index within the population).
 *
 * <p><b>Cost.</b> An input or spike costs its fan-out (one delivery per synapse, no allocation) plus the
 * bookkeeping of the targeted populations: O(log n) per delivery for lazily advanced models (QIF, LIF, oscillatory
 * LIF) and one O(n) scan per event for the theta population. Finding the next network spike costs O(number of
 * populations).
 *
 * <p>A simulator owns its kernels and its {@link EventRecord} and reuses them across trials: use one simulator per
 * thread. The returned record is overwritten by the next {@link #run}.
 */
public final class EventSimulator {

    private final SimulationGraph graph;
    private final PopulationKernel[] kernels;
    private final Projection[][] outgoing;
    private final Projection[] fromInputs;
    private final int[] offsets;
    private final EventRecord record;

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
            outgoing[p] = graph.fromPopulation(p);
            offsets[p] = pop.offset();
            stateSizes[p] = pop.model().stateSize();
            sizes[p] = pop.size();
        }
        this.fromInputs = graph.fromInputs();
        this.record = new EventRecord(graph.neuronCount(), stateSizes, sizes);
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
        int nextInput = 0;
        int inputCount = input.size();
        int nextSample = 0;
        double[] sampleBuffer = trace == null ? null : new double[8];
        double now = 0;
        while (true) {
            double tIn = nextInput < inputCount ? input.time(nextInput) : Double.POSITIVE_INFINITY;
            if (tIn > now) {
                int pop = -1;
                double tNet = Double.POSITIVE_INFINITY;
                for (int p = 0; p < kernels.length; p++) {
                    double t = kernels[p].nextSpikeTime();
                    if (Double.isNaN(t)) {
                        throw nonFinite(p);
                    }
                    if (t < tNet) {
                        tNet = t;
                        pop = p;
                    }
                }
                if (tNet < tIn) {
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
                    now = tNet;
                    continue;
                }
                if (tIn > duration) {
                    break;
                }
                if (trace != null) {
                    nextSample = sample(trace, nextSample, tIn, sampleBuffer);
                }
            }
            int channel = input.source(nextInput++);
            record.addInput(tIn, channel);
            transmit(fromInputs, channel, tIn);
            now = tIn;
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
        return record;
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
