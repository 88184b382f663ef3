package io.smoothspike.groovy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads a Groovy named-argument map: known keys only, typed getters with clear messages. */
final class NamedArgs {

    private final String what;
    private final Map<?, ?> args;

    NamedArgs(String what, Map<?, ?> args, String... known) {
        this.what = what;
        this.args = args == null ? Map.of() : args;
        Set<String> allowed = Set.of(known);
        for (Object k : this.args.keySet()) {
            if (!allowed.contains(String.valueOf(k))) {
                throw new IllegalArgumentException(what + ": unknown argument '" + k + "'; known: "
                        + new TreeSet<>(allowed));
            }
        }
    }

    boolean has(String key) {
        return args.containsKey(key);
    }

    Object raw(String key) {
        return args.get(key);
    }

    double number(String key, double def) {
        Object v = args.get(key);
        if (v == null) {
            return def;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(what + ": '" + key + "' must be a number, got " + v);
        }
        return n.doubleValue();
    }

    double number(String key) {
        require(key);
        return number(key, 0);
    }

    int integer(String key, int def) {
        Object v = args.get(key);
        return v == null ? def : integer(what + ": '" + key + "'", v);
    }

    int integer(String key) {
        require(key);
        return integer(key, 0);
    }

    private void require(String key) {
        if (!has(key)) {
            throw new IllegalArgumentException(what + ": '" + key + "' is required");
        }
    }

    long seed(String key, long def) {
        Object v = args.get(key);
        if (v == null) {
            return def;
        }
        BigDecimal seed = whole(v);
        if (seed == null || seed.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0
                || seed.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(what + ": '" + key + "' must be an integer seed, got " + v);
        }
        return seed.longValueExact();
    }

    boolean flag(String key, boolean def) {
        Object v = args.get(key);
        if (v == null) {
            return def;
        }
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException(what + ": '" + key + "' must be true or false, got " + v);
        }
        return b;
    }

    /** {@link #object(String, Class)} of an argument that must be given. */
    <T> T required(String key, Class<T> type) {
        require(key);
        return object(key, type);
    }

    <T> T object(String key, Class<T> type) {
        Object v = args.get(key);
        if (v == null) {
            return null;
        }
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException(what + ": '" + key + "' must be a " + type.getSimpleName() + ", got "
                    + v.getClass().getSimpleName());
        }
        return type.cast(v);
    }

    /** A whole number that fits an int, else an error naming {@code what} and the value (no rounding, no wrapping). */
    static int integer(String what, Object v) {
        BigDecimal n = whole(v);
        if (n == null) {
            throw new IllegalArgumentException(what + " must be an integer, got " + v);
        }
        if (n.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
                || n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(what + " must be an integer in [" + Integer.MIN_VALUE + ", "
                    + Integer.MAX_VALUE + "], got " + v);
        }
        return n.intValueExact();
    }

    /** A list of whole numbers as int[], each checked as by {@link #integer(String, Object)}. */
    static int[] integers(String what, Object v) {
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException(what + " must be a list of integers, got " + v);
        }
        int[] n = new int[l.size()];
        for (int k = 0; k < n.length; k++) {
            n[k] = integer(what + ": entry " + k, l.get(k));
        }
        return n;
    }

    /** The exact value of a whole number of any type Groovy makes (1, 1L, 1G, 1.0, 1e3), or null. */
    private static BigDecimal whole(Object v) {
        BigDecimal b;
        if (v instanceof BigDecimal d) {
            b = d;
        } else if (v instanceof BigInteger i) {
            b = new BigDecimal(i);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            b = BigDecimal.valueOf(((Number) v).longValue());
        } else if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            b = new BigDecimal(n.doubleValue());
        } else {
            return null;
        }
        return b.signum() == 0 || b.stripTrailingZeros().scale() <= 0 ? b : null;
    }

    /** A list of numbers as double[]. */
    static double[] doubles(String what, Object v) {
        if (v instanceof double[] d) {
            return d.clone();
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException(what + " must be a list of numbers, got " + v);
        }
        double[] d = new double[l.size()];
        for (int k = 0; k < d.length; k++) {
            if (!(l.get(k) instanceof Number n)) {
                throw new IllegalArgumentException(what + ": entry " + k + " is not a number: " + l.get(k));
            }
            d[k] = n.doubleValue();
        }
        return d;
    }

    /** A list of lists of numbers as double[][]. */
    static double[][] matrix(String what, Object v) {
        if (v instanceof double[][] d) {
            return d;
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException(what + " must be a list of lists of numbers, got " + v);
        }
        double[][] d = new double[l.size()][];
        for (int k = 0; k < d.length; k++) {
            d[k] = doubles(what + " row " + k, l.get(k));
        }
        return d;
    }

    /** A list of lists of booleans as boolean[][]. */
    static boolean[][] booleans(String what, Object v) {
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException(what + " must be a list of lists of booleans, got " + v);
        }
        boolean[][] m = new boolean[l.size()][];
        for (int k = 0; k < m.length; k++) {
            if (!(l.get(k) instanceof List<?> row)) {
                throw new IllegalArgumentException(what + " row " + k + " must be a list of booleans");
            }
            m[k] = new boolean[row.size()];
            for (int j = 0; j < m[k].length; j++) {
                if (!(row.get(j) instanceof Boolean b)) {
                    throw new IllegalArgumentException(what + " entry [" + k + "][" + j + "] must be true or false, got "
                            + row.get(j));
                }
                m[k][j] = b;
            }
        }
        return m;
    }
}
