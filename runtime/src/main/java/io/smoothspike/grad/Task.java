package io.smoothspike.grad;

import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.loss.Loss;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.TrialSettings;
import java.util.List;

/**
 * A learning task on a compiled network: the network, its trial settings, the readout, a list of trials (input
 * spikes; trial k is sample id k for the loss) and the loss.
 */
public record Task(String name, SimulationGraph graph, TrialSettings trial, ReadoutSpec readout,
        List<InputSpikes> inputs, Loss loss) {

    public Task {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("task '" + name + "' needs at least one trial");
        }
    }

    /** The same task on another graph (e.g. with other model constants). */
    public Task withGraph(SimulationGraph g) {
        return new Task(name, g, trial, readout, inputs, loss);
    }

    /** The same task with other trials. */
    public Task withInputs(List<InputSpikes> in) {
        return new Task(name, graph, trial, readout, in, loss);
    }
}
