package io.smoothspike.repl;

import io.smoothspike.network.Network;
import io.smoothspike.network.SimulationResult;
import io.smoothspike.train.TrainingResult;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Short one-line renderings of the runtime's main result types, which have no useful {@code toString}: a network
 * shows its name, size and trainable parameters, a training run its losses, a simulation its spike count and
 * output times.
 */
final class ValueFormat {

    /** Simple names of the types rendered here. */
    static final Set<String> TYPES = Set.of("Network", "TrainingResult", "SimulationResult");

    private ValueFormat() {
    }

    /** True when a variable of type {@code typeName} (simple or qualified) gets a summary. */
    static boolean covers(String typeName) {
        return TYPES.contains(typeName.substring(typeName.lastIndexOf('.') + 1));
    }

    /** The summary of {@code value}, or null when it has none. */
    static String summary(Object value) {
        if (value instanceof Network net) {
            int n = net.graph().neuronCount();
            return String.format(Locale.ROOT, "Network %s: %d neuron%s, %d input channel%s, trainable %s",
                    net.spec().name(), n, n == 1 ? "" : "s", net.graph().inputCount(),
                    net.graph().inputCount() == 1 ? "" : "s", net.trainableParameterNames());
        }
        if (value instanceof TrainingResult r) {
            return String.format(Locale.ROOT, "TrainingResult[loss %.4g -> %.4g, %d evaluations%s]", r.initialLoss(),
                    r.finalLoss(), r.history().size(), r.interrupted() ? ", interrupted" : "");
        }
        if (value instanceof SimulationResult s) {
            return "SimulationResult[" + s.record().spikeCount() + " spikes in [0, T]"
                    + (s.outputTimes() == null ? "" : ", output times " + Arrays.deepToString(s.outputTimes()))
                    + "]";
        }
        return null;
    }
}
