package io.smoothspike.train;

import io.smoothspike.network.Evaluation;
import io.smoothspike.network.Network;
import java.util.Arrays;
import java.util.List;

/**
 * A network's trainable parameters as one flat vector, in the order of {@link Network#trainableParameterNames()},
 * with the interval each value must stay in (its valid range, narrowed by the settings' weight bounds for weights).
 */
final class ParameterVector {

    private final Network net;
    private final List<String> names;
    /** Parameter k occupies {@code offsets[k] … offsets[k + 1] − 1}. */
    private final int[] offsets;
    private final double[] low;
    private final double[] high;

    ParameterVector(Network net, TrainingSettings s) {
        this.net = net;
        this.names = net.trainableParameterNames();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the network has no trainable parameters");
        }
        this.offsets = new int[names.size() + 1];
        for (int k = 0; k < names.size(); k++) {
            offsets[k + 1] = offsets[k] + net.parameterLength(names.get(k));
        }
        this.low = new double[names.size()];
        this.high = new double[names.size()];
        for (int k = 0; k < names.size(); k++) {
            double[] b = net.bounds(names.get(k));
            boolean weight = names.get(k).endsWith(".weight");
            low[k] = weight ? Math.max(b[0], s.weightLow) : b[0];
            high[k] = weight ? Math.min(b[1], s.weightHigh) : b[1];
        }
    }

    /** Number of values. */
    int length() {
        return offsets[names.size()];
    }

    /** Copies the network's current values into {@code params}. */
    void gather(double[] params) {
        for (int k = 0; k < names.size(); k++) {
            double[] v = net.parameter(names.get(k));
            System.arraycopy(v, 0, params, offsets[k], v.length);
        }
    }

    /** Sets the network's values from {@code params}. */
    void scatter(double[] params) {
        for (int k = 0; k < names.size(); k++) {
            net.setParameter(names.get(k), Arrays.copyOfRange(params, offsets[k], offsets[k + 1]));
        }
    }

    /** Moves every value into its interval. */
    void clamp(double[] params) {
        for (int k = 0; k < names.size(); k++) {
            for (int i = offsets[k]; i < offsets[k + 1]; i++) {
                params[i] = Math.min(high[k], Math.max(low[k], params[i]));
            }
        }
    }

    /** Copies an evaluation's gradient into {@code grad}, in this vector's order. */
    void flatten(Evaluation ev, double[] grad) {
        for (int k = 0; k < names.size(); k++) {
            double[] g = ev.gradient().get(names.get(k));
            System.arraycopy(g, 0, grad, offsets[k], g.length);
        }
    }

    /** The first non-finite value of the loss or the gradient, described ("the loss is NaN"), or null. */
    String nonFinite(double loss, double[] grad) {
        if (!Double.isFinite(loss)) {
            return "the loss is " + loss;
        }
        for (int k = 0; k < names.size(); k++) {
            for (int i = offsets[k]; i < offsets[k + 1]; i++) {
                if (!Double.isFinite(grad[i])) {
                    return "the gradient of '" + names.get(k) + "' [" + (i - offsets[k]) + "] is " + grad[i];
                }
            }
        }
        return null;
    }
}
