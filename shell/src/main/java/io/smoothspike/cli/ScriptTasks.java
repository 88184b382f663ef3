package io.smoothspike.cli;

import io.smoothspike.data.DataSource;
import io.smoothspike.grad.Task;
import io.smoothspike.loss.TrialTargets;
import io.smoothspike.network.Network;
import io.smoothspike.sim.InputSpikes;
import java.util.ArrayList;
import java.util.List;

/** Turns a network defined by a script, and the data it loaded, into a {@link Task} on its first batch. */
final class ScriptTasks {

    private ScriptTasks() {
    }

    static Task firstBatch(String name, Network net, Object dataset, int batch) {
        if (net.readout() == null || net.spec().loss() == null) {
            throw new IllegalArgumentException("the network '" + net.spec().name() + "' needs a readout and a loss "
                    + "to check gradients");
        }
        List<InputSpikes> inputs = new ArrayList<>();
        int[] labels = new int[batch];
        double[][] targetTimes = null;
        if (net.hasImageInput()) {
            if (!(dataset instanceof io.smoothspike.data.LabeledImages data)) {
                throw new IllegalArgumentException("the network '" + net.spec().name() + "' reads images, but the "
                        + "script loaded no data set before defining it");
            }
            for (int k = 0; k < batch; k++) {
                inputs.add(net.input(k, data.pixels(k)));
                labels[k] = data.label(k);
            }
        } else if (net.externalChannels() > 0) {
            if (!(dataset instanceof DataSource data)) {
                throw new IllegalArgumentException("the network '" + net.spec().name() + "' reads spike times per "
                        + "trial, but the script made no data source (source(…)) before defining it");
            }
            targetTimes = data.hasTargetTimes() ? new double[batch][] : null;
            for (int k = 0; k < batch; k++) {
                inputs.add(net.input(k, data.inputTimes(k)));
                labels[k] = data.label(k);
                if (targetTimes != null) {
                    targetTimes[k] = data.targetTimes(k);
                }
            }
        } else {
            for (int k = 0; k < batch; k++) {
                inputs.add(net.input(k));
            }
        }
        return new Task(name, net.graph(), net.trial(), net.readout(), inputs, net.lossFor(targetTimes != null
                ? TrialTargets.ofTimes(targetTimes) : TrialTargets.ofLabels(labels)));
    }
}
