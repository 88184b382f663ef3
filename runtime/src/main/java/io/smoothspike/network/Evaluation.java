package io.smoothspike.network;

import java.util.Map;

/** Mean loss of a batch and its gradient by parameter name (the names of {@link Network#parameterNames()}). */
public record Evaluation(double loss, Map<String, double[]> gradient) {
}
