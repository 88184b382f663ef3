package io.smoothspike.network;

import io.smoothspike.spec.SpecException;
import java.util.Locale;

/**
 * Refuses, before anything is allocated, a population or projection whose arrays could not exist: more entries than
 * one Java array holds, or more memory than the JVM may use (its -Xmx) together with what the network already holds.
 * Estimates count the copies compilation makes: 3 doubles per weight (generated values, the pre × post matrix, the
 * graph's array) and 3 per neuron state coordinate (description, graph, simulation kernel). Training needs more.
 */
final class MemoryBudget {

    /** The most entries a Java array can hold. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final long BYTES_PER_WEIGHT = 3 * Double.BYTES;
    private static final long BYTES_PER_STATE = 3 * Double.BYTES;

    private final long maxMemory;
    private long total;

    /** A budget of {@code maxMemory} bytes, e.g. {@link Runtime#maxMemory()}. */
    MemoryBudget(long maxMemory) {
        this.maxMemory = maxMemory;
    }

    /** Reserves the state of a population of {@code size} neurons with {@code stateSize} coordinates each. */
    void population(String where, int size, int stateSize) {
        long entries = (long) size * stateSize;
        if (entries > MAX_ARRAY) {
            throw new SpecException(where, size + " neurons with " + stateSize + " state coordinates each are "
                    + count(entries) + " numbers (" + bytes(entries * BYTES_PER_STATE) + " to build), more than one "
                    + "Java array holds (" + MAX_ARRAY + "); more memory would not help: make the population smaller");
        }
        reserve(where, count(size) + " neurons", entries * BYTES_PER_STATE);
    }

    /** Reserves the weights of a projection: {@code pre × post} pairs, whatever its connectivity. */
    void projection(String where, String connectivity, int pre, int post) {
        long pairs = (long) pre * post;
        String what = connectivity + " " + pre + " x " + post + ": " + count(pairs) + " weights";
        if (pairs > MAX_ARRAY) {
            throw new SpecException(where, what + " (" + bytes(pairs * BYTES_PER_WEIGHT) + " to build) are more than "
                    + "one projection can hold (" + MAX_ARRAY + "); more memory would not help: make the populations "
                    + "smaller or split the projection");
        }
        reserve(where, what, pairs * BYTES_PER_WEIGHT);
    }

    private void reserve(String where, String what, long bytes) {
        long after = total + bytes;
        if (after > maxMemory) {
            String rest = total == 0 ? "" : " (" + bytes(after) + " with the rest of the network)";
            throw new SpecException(where, what + " need " + bytes(bytes) + " to build" + rest + "; this JVM may use "
                    + "at most " + bytes(maxMemory) + ". Make the network smaller, or give Java more memory with "
                    + "-Xmx (for ./smoothspike: SMOOTHSPIKE_JAVA_OPTS=-Xmx<size>)");
        }
        total = after;
    }

    /** A count for people: exact below a million, else like 4.9e9. */
    static String count(long n) {
        if (n < 1_000_000) {
            return Long.toString(n);
        }
        int exp = (int) Math.floor(Math.log10(n));
        double mantissa = n / Math.pow(10, exp);
        String m = String.format(Locale.ROOT, "%.1f", mantissa).replace(".0", "");
        return m.equals("10") ? "1e" + (exp + 1) : m + "e" + exp;
    }

    /** Bytes for people, in binary units (as -Xmx counts them). */
    static String bytes(long b) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = b;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? b + " bytes" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
