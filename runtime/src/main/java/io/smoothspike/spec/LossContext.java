package io.smoothspike.spec;

import io.smoothspike.loss.Loss;
import java.util.Map;

/**
 * What a {@link LossSpec} is checked against and built for: the read-out (its neuron count and output times per
 * neuron), the trial duration T, and the code of the custom losses known when the network was compiled.
 */
public record LossContext(int readoutNeurons, int outputSpikes, double duration, Map<String, Loss> customLosses) {

    public LossContext {
        customLosses = Map.copyOf(customLosses);
    }
}
