package io.smoothspike.repl;

import io.smoothspike.network.SimulationResult;
import java.util.Arrays;
import java.util.Set;

/**
 * Short one-line renderings of runtime result types whose {@code toString} is not readable: a simulation shows its
 * spike count and output times. ({@code Network} and {@code TrainingResult} summarise themselves in their own
 * {@code toString}, which JShell shows as it is.)
 */
final class ValueFormat {

    /** Simple names of the types rendered here. */
    static final Set<String> TYPES = Set.of("SimulationResult");

    private ValueFormat() {
    }

    /** True when a variable of type {@code typeName} (simple or qualified) gets a summary. */
    static boolean covers(String typeName) {
        return TYPES.contains(typeName.substring(typeName.lastIndexOf('.') + 1));
    }

    /** The summary of {@code value}, or null when it has none. */
    static String summary(Object value) {
        if (value instanceof SimulationResult s) {
            return "SimulationResult[" + s.record().spikeCount() + " spikes in [0, T]"
                    + (s.outputTimes() == null ? "" : ", output times " + Arrays.deepToString(s.outputTimes()))
                    + "]";
        }
        return null;
    }
}
