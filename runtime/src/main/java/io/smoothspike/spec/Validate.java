package io.smoothspike.spec;

import java.util.regex.Pattern;

/** Shared checks that throw {@link SpecException}s naming the element and the expectation. */
final class Validate {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Validate() {
    }

    static double finite(String where, String what, double v) {
        if (!Double.isFinite(v)) {
            throw new SpecException(where, what + " must be a finite number, got " + v);
        }
        return v;
    }

    static double positive(String where, String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new SpecException(where, what + " must be a positive finite number, got " + v);
        }
        return v;
    }

    static int positive(String where, String what, int v) {
        if (v <= 0) {
            throw new SpecException(where, what + " must be a positive integer, got " + v);
        }
        return v;
    }

    static String name(String where, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new SpecException(where, "name must be a letter or '_' followed by letters, digits or '_', got "
                    + (name == null ? "none" : "'" + name + "'"));
        }
        return name;
    }

    static <T> T present(String where, String what, T value) {
        if (value == null) {
            throw new SpecException(where, what + " is missing");
        }
        return value;
    }
}
