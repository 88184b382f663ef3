package io.smoothspike.repl;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands objects between the REPL's Java code and its snippets. Snippets run in this JVM and see this class through
 * the application class loader, so an object put here by a command (a loaded network, say) is taken by a snippet
 * as the very same object, of the very same class, and vice versa.
 */
public final class Registry {

    private static final Map<String, Object> VALUES = new HashMap<>();
    private static final AtomicLong KEYS = new AtomicLong();

    private Registry() {
    }

    /** A key no other call returns, for one hand-over. */
    static String newKey() {
        return "k" + KEYS.incrementAndGet();
    }

    /** Stores {@code value} (may be null) under {@code key}. */
    public static synchronized void put(String key, Object value) {
        VALUES.put(key, value);
    }

    /** Removes the value stored under {@code key}, if any. */
    static synchronized void discard(String key) {
        VALUES.remove(key);
    }

    /** Removes and returns the value stored under {@code key}; fails if there is none. */
    @SuppressWarnings("unchecked")
    public static synchronized <T> T take(String key) {
        if (!VALUES.containsKey(key)) {
            throw new IllegalStateException("nothing registered under '" + key + "'");
        }
        return (T) VALUES.remove(key);
    }
}
