package io.smoothspike.optim;

/** Argument validation shared by the optimizers and schedules; messages name the owner and the offending value. */
final class Checks {

    private Checks() {}

    /** Requires {@code 0 <= value < 1}. */
    static double unitInterval(String owner, String what, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(owner + ": " + what + " must be in [0, 1), got " + value);
        }
        return value;
    }

    /** Requires a finite {@code value >= 0}. */
    static double nonNegative(String owner, String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(owner + ": " + what + " must be finite and >= 0, got " + value);
        }
        return value;
    }

    /** Requires a finite {@code value > 0}. */
    static double positive(String owner, String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(owner + ": " + what + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /** Requires a step count {@code value >= 1}. */
    static long steps(String owner, String what, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(owner + ": " + what + " must be >= 1, got " + value);
        }
        return value;
    }

    static int size(String owner, int size) {
        if (size < 0) {
            throw new IllegalArgumentException(owner + ": size must be >= 0, got " + size);
        }
        return size;
    }
}
