package io.smoothspike.optim;

import java.util.Arrays;
import java.util.Objects;

/**
 * Snapshot of an {@link Optimizer}: its type name, step count and internal buffers (e.g. Adam's first and second
 * moments). The buffers are copied on construction and on access, so a state never aliases an optimizer's arrays.
 *
 * @param type optimizer type, as returned by {@link Optimizer#name()}
 * @param steps number of steps taken, {@code >= 0}
 * @param buffers internal buffers, each as long as the parameter vector
 */
public record OptimizerState(String type, long steps, double[][] buffers) {

    /** Validates the arguments and deep-copies {@code buffers}. */
    public OptimizerState {
        Objects.requireNonNull(type, "optimizer state type");
        Objects.requireNonNull(buffers, "optimizer state buffers");
        if (steps < 0) {
            throw new IllegalArgumentException("optimizer state steps must be >= 0, got " + steps);
        }
        for (int i = 0; i < buffers.length; i++) {
            if (buffers[i] == null) {
                throw new IllegalArgumentException("optimizer state buffer " + i + " is null");
            }
        }
        buffers = deepCopy(buffers);
    }

    /** A deep copy of the buffers. */
    @Override
    public double[][] buffers() {
        return deepCopy(buffers);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptimizerState s
                && type.equals(s.type)
                && steps == s.steps
                && Arrays.deepEquals(buffers, s.buffers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, steps, Arrays.deepHashCode(buffers));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("OptimizerState[type=").append(type).append(", steps=").append(steps)
                .append(", buffers=").append(buffers.length).append('x');
        sb.append(buffers.length == 0 ? 0 : buffers[0].length);
        return sb.append(']').toString();
    }

    static double[][] deepCopy(double[][] src) {
        double[][] copy = new double[src.length][];
        for (int i = 0; i < src.length; i++) {
            copy[i] = src[i].clone();
        }
        return copy;
    }
}
