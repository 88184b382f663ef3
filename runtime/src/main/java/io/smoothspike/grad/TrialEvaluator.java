package io.smoothspike.grad;

import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.loss.Loss;
import io.smoothspike.sim.EventRecord;
import io.smoothspike.sim.EventSimulator;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.TrialGradient;
import io.smoothspike.sim.TrialSettings;
import java.util.Arrays;

/**
 * Loss and exact gradient of one trial: forward event pass (recorded) → output times with pseudospikes → loss →
 * backward through the readout and the event sequence. One evaluator per thread; buffers are reused.
 */
public final class TrialEvaluator {

    private final SimulationGraph graph;
    private final TrialSettings trial;
    private final EventSimulator simulator;
    private final Readout readout;
    private final double[][] times;
    private final double[][] dTimes;
    private final double[][] finalAdjoint;
    private double[] eventAdjoint = new double[64];
    private EventRecord last;

    public TrialEvaluator(SimulationGraph graph, TrialSettings trial, ReadoutSpec spec) {
        this.graph = graph;
        this.trial = trial;
        this.simulator = new EventSimulator(graph);
        this.readout = spec.create(graph);
        this.times = readout.newTimes();
        this.dTimes = readout.newTimes();
        this.finalAdjoint = graph.populations().stream().map(p -> new double[p.initialState().length])
                .toArray(double[][]::new);
    }

    /** Whether input-spike-time gradients are computed (on by default; off saves work per input event). */
    public void setInputTimeGradients(boolean on) {
        simulator.setInputTimeGradients(on);
    }

    /**
     * Whether {@link #accumulate} holds back the weight gradients of input deliveries until {@link #flushInputRows}
     * (see {@link EventSimulator#setHeldBackInputRows}); needs input-time gradients off.
     */
    public void setHeldBackInputRows(boolean on) {
        simulator.setHeldBackInputRows(on);
    }

    /** Adds the input rows held back by {@link #accumulate} to the gradient they were accumulated into. */
    public void flushInputRows() {
        simulator.flushInputRows();
    }

    /** Forgets the input rows held back by {@link #accumulate}, e.g. after a failure. */
    public void discardInputRows() {
        simulator.discardInputRows();
    }

    /** Whether gradients with respect to the model constants are computed (off by default; costs extra for theta). */
    public void setConstantGradients(boolean on) {
        simulator.setConstantGradients(on);
    }

    /** Forward pass only (nothing recorded): the loss of one trial (output times via {@link #times()}). */
    public double loss(InputSpikes input, int sample, Loss loss) {
        simulator.setRecording(false);
        return forward(input, sample, loss);
    }

    private double forward(InputSpikes input, int sample, Loss loss) {
        last = simulator.run(input, trial);
        readout.outputTimes(last, times);
        for (double[] d : dTimes) {
            Arrays.fill(d, 0);
        }
        return loss.evaluate(sample, times, dTimes);
    }

    /** Loss of one trial and its exact gradient, written into {@code grad} (cleared first), input rows included. */
    public double lossAndGradient(InputSpikes input, int sample, Loss loss, TrialGradient grad) {
        grad.clear();
        double value = accumulate(input, sample, loss, grad);
        flushInputRows();
        return value;
    }

    /**
     * Loss of one trial; its gradient of weights, initial states and constants is added to {@code sum} (the input-time
     * gradient is set, as it is per trial). Summing a batch this way saves clearing and adding a gradient per trial.
     * With {@link #setHeldBackInputRows} on, the input rows are added at {@link #flushInputRows}.
     */
    public double accumulate(InputSpikes input, int sample, Loss loss, TrialGradient sum) {
        simulator.setRecording(true);
        double value = forward(input, sample, loss);
        TrialGradient grad = sum;
        int events = last.eventCount();
        if (eventAdjoint.length < events) {
            eventAdjoint = new double[Math.max(events, 2 * eventAdjoint.length)];
        }
        Arrays.fill(eventAdjoint, 0, events, 0);
        for (double[] a : finalAdjoint) {
            Arrays.fill(a, 0);
        }
        readout.backward(last, dTimes, eventAdjoint, finalAdjoint, grad);
        simulator.backward(eventAdjoint, finalAdjoint, grad);
        return value;
    }

    /** The order of the last trial's delayed deliveries among its events ({@link EventSimulator#deliveryOrder()}). */
    public int[] deliveryOrder() {
        return simulator.deliveryOrder();
    }

    /** Output times (with pseudospikes) of the last trial; live array. */
    public double[][] times() {
        return times;
    }

    /** The last trial's event record (overwritten by the next call). */
    public EventRecord record() {
        return last;
    }

    public Readout readout() {
        return readout;
    }

    public SimulationGraph graph() {
        return graph;
    }
}
