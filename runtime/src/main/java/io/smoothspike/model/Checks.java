package io.smoothspike.model;

/** Validation helpers for model constants: each failure names the model, the constant and the allowed range. */
final class Checks {

    private Checks() {
    }

    static double positive(String model, String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(model + ": " + name + " must be a positive finite number, got " + value);
        }
        return value;
    }

    static double greaterThan(String model, String name, double value, double bound, String boundText) {
        if (!(value > bound) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    model + ": " + name + " must be finite and greater than " + boundText + ", got " + value);
        }
        return value;
    }

    /** The error for an invalid state; callers build the message only when the check fails. */
    static IllegalArgumentException invalidState(String model, String message) {
        return new IllegalArgumentException(model + ": invalid initial state: " + message);
    }
}
