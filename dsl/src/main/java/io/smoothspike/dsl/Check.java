package io.smoothspike.dsl;

import java.util.regex.Pattern;

/** The DSL's early argument checks: each throws an {@link IllegalArgumentException} naming what was wrong. */
final class Check {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Check() {
    }

    /** A name of an input group, population or custom loss: a letter or '_' followed by letters, digits or '_'. */
    static String name(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " name must not be " + (name == null ? "null" : "empty"));
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name must be a letter or '_' followed by letters, digits or "
                    + "'_', got '" + name + "'");
        }
        return name;
    }

    static int positive(String what, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(what + " must be a positive integer, got " + v);
        }
        return v;
    }

    static double positive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a positive finite number, got " + v);
        }
        return v;
    }

    static double finite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number, got " + v);
        }
        return v;
    }

    static <T> T notNull(String what, T value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return value;
    }

    /** Fails when a set-once part is given a second time. */
    static void once(boolean alreadySet, String what) {
        if (alreadySet) {
            throw new IllegalArgumentException(what + " is already set; each part is given once");
        }
    }

    /** A copy of a ragged array, rejecting null rows. */
    static double[][] copy(String what, double[][] rows) {
        notNull(what, rows);
        double[][] c = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            c[i] = notNull(what + " row " + i, rows[i]).clone();
        }
        return c;
    }

    /** A copy of a ragged boolean array, rejecting null rows. */
    static boolean[][] copy(String what, boolean[][] rows) {
        notNull(what, rows);
        boolean[][] c = new boolean[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            c[i] = notNull(what + " row " + i, rows[i]).clone();
        }
        return c;
    }
}
