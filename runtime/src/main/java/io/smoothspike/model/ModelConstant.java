package io.smoothspike.model;

import java.util.List;

/**
 * One constant of a neuron model as its {@link NeuronModelType} declares it: its name, its default (or none: then it
 * is required), its valid range and whether gradients may train it. The range also gives the interval a trained
 * constant is kept in after each optimizer step ({@link #bounds}).
 */
public final class ModelConstant {

    private final String name;
    private final Double defaultValue;
    private final boolean trainable;
    /** Range kind: {@code >} a number, {@code >} another constant, positive, or any value. */
    private final Kind kind;
    private final double low;
    private final String lowConstant;

    private enum Kind { ANY, POSITIVE, ABOVE_NUMBER, ABOVE_CONSTANT }

    private ModelConstant(String name, Double defaultValue, boolean trainable, Kind kind, double low,
            String lowConstant) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a model constant needs a name");
        }
        this.name = name;
        this.defaultValue = defaultValue;
        this.trainable = trainable;
        this.kind = kind;
        this.low = low;
        this.lowConstant = lowConstant;
    }

    /** A constant that must be a positive finite number (e.g. a time constant). */
    public static ModelConstant positive(String name) {
        return new ModelConstant(name, null, true, Kind.POSITIVE, 0, null);
    }

    /** A constant that must be finite and greater than {@code low}. */
    public static ModelConstant above(String name, double low) {
        return new ModelConstant(name, null, true, Kind.ABOVE_NUMBER, low, null);
    }

    /** A constant that must be finite and greater than the model's constant {@code other}. */
    public static ModelConstant above(String name, String other) {
        return new ModelConstant(name, null, true, Kind.ABOVE_CONSTANT, 0, other);
    }

    /** A constant that may be any finite number. */
    public static ModelConstant any(String name) {
        return new ModelConstant(name, null, true, Kind.ANY, 0, null);
    }

    /** The same constant with a default, used when a description leaves it out. */
    public ModelConstant withDefault(double value) {
        return new ModelConstant(name, value, trainable, kind, low, lowConstant);
    }

    /** The same constant, not trainable (gradients are not taken with respect to it). */
    public ModelConstant fixed() {
        return new ModelConstant(name, defaultValue, false, kind, low, lowConstant);
    }

    public String name() {
        return name;
    }

    /** The default value, or null when the constant is required. */
    public Double defaultValue() {
        return defaultValue;
    }

    public boolean trainable() {
        return trainable;
    }

    /** The constant of {@code names} this one must exceed, or null. */
    String lowConstant() {
        return lowConstant;
    }

    /**
     * The interval {@code [low, high]} the constant must stay in while training, given the model's current constant
     * values ({@code values}, named by {@code names}): open bounds are shrunk by 1e-9 relative.
     */
    public double[] bounds(double[] values, List<String> names) {
        double inf = Double.POSITIVE_INFINITY;
        switch (kind) {
            case POSITIVE:
                return new double[] {Math.max(1e-9 * values[names.indexOf(name)], Double.MIN_NORMAL), inf};
            case ABOVE_NUMBER:
                return new double[] {low + 1e-9 * Math.max(1, Math.abs(low)), inf};
            case ABOVE_CONSTANT:
                double other = values[names.indexOf(lowConstant)];
                return new double[] {other + 1e-9 * Math.max(1, Math.abs(other)), inf};
            default:
                return new double[] {-inf, inf};
        }
    }

    /** Whether {@code value} is finite and in the declared range, given the model's constant values. */
    boolean admits(double value, double[] values, List<String> names) {
        return Double.isFinite(value) && switch (kind) {
            case POSITIVE -> value > 0;
            case ABOVE_NUMBER -> value > low;
            case ABOVE_CONSTANT -> value > values[names.indexOf(lowConstant)];
            case ANY -> true;
        };
    }

    /** The constant for messages, e.g. {@code drive > 0.25}, {@code threshold > 0 (default 1.0)}. */
    @Override
    public String toString() {
        String range = switch (kind) {
            case POSITIVE -> " > 0";
            case ABOVE_NUMBER -> " > " + low;
            case ABOVE_CONSTANT -> " > " + lowConstant;
            case ANY -> " finite";
        };
        return name + range + (defaultValue == null ? "" : " (default " + defaultValue + ")")
                + (trainable ? "" : " (not trainable)");
    }
}
