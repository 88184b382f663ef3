package io.smoothspike.optim;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Creates optimizers by name, e.g. from a configuration file. */
public final class Optimizers {

    /** Recognised optimizer names. */
    public static final List<String> NAMES = List.of("sgd", "adam", "adabelief");

    private Optimizers() {}

    /**
     * Creates an optimizer. Names (case-insensitive) and their hyper-parameter keys, all optional, defaults in
     * brackets:
     * <ul>
     *   <li>{@code sgd}: {@code momentum} [0], {@code nesterov} [0; 1 for true]
     *   <li>{@code adam}: {@code b1} [0.9], {@code b2} [0.999], {@code eps} [1e-8]
     *   <li>{@code adabelief}: {@code b1} [0.9], {@code b2} [0.999], {@code eps} [1e-16], {@code epsRoot} [1e-16]
     * </ul>
     * The learning rate is not a hyper-parameter here; it is passed to each {@link Optimizer#step} call.
     *
     * @param hyper hyper-parameters by key; {@code null} means none
     * @throws IllegalArgumentException for an unknown name, an unknown key, a null value or an invalid value
     */
    public static Optimizer create(String name, int size, Map<String, Double> hyper) {
        if (name == null) {
            throw new IllegalArgumentException("optimizer name must not be null; expected one of " + NAMES);
        }
        Map<String, Double> h = hyper == null ? Map.of() : hyper;
        String key = name.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "sgd" -> {
                checkKeys(key, h, "momentum", "nesterov");
                double momentum = get(h, "momentum", 0.0);
                double nesterov = get(h, "nesterov", 0.0);
                if (nesterov != 0 && nesterov != 1) {
                    throw new IllegalArgumentException(
                            "sgd: nesterov must be 0 (false) or 1 (true), got " + nesterov);
                }
                return new Sgd(size, momentum, nesterov == 1);
            }
            case "adam" -> {
                checkKeys(key, h, "b1", "b2", "eps");
                return new Adam(size, get(h, "b1", Adam.DEFAULT_B1), get(h, "b2", Adam.DEFAULT_B2),
                        get(h, "eps", Adam.DEFAULT_EPS));
            }
            case "adabelief" -> {
                checkKeys(key, h, "b1", "b2", "eps", "epsRoot");
                return new AdaBelief(size, get(h, "b1", AdaBelief.DEFAULT_B1), get(h, "b2", AdaBelief.DEFAULT_B2),
                        get(h, "eps", AdaBelief.DEFAULT_EPS), get(h, "epsRoot", AdaBelief.DEFAULT_EPS_ROOT));
            }
            default -> throw new IllegalArgumentException(
                    "unknown optimizer '" + name + "'; expected one of " + NAMES);
        }
    }

    private static void checkKeys(String optimizer, Map<String, Double> hyper, String... allowed) {
        Set<String> unknown = new TreeSet<>(hyper.keySet());
        unknown.removeAll(List.of(allowed));
        if (!unknown.isEmpty()) {
            String what = unknown.size() == 1 ? "hyper-parameter " : "hyper-parameters ";
            throw new IllegalArgumentException(optimizer + ": unknown " + what + unknown + "; allowed: "
                    + List.of(allowed) + " (the learning rate is passed to step(), not here)");
        }
        for (String k : allowed) {
            if (hyper.containsKey(k) && hyper.get(k) == null) {
                throw new IllegalArgumentException(optimizer + ": hyper-parameter '" + k + "' is null");
            }
        }
    }

    private static double get(Map<String, Double> hyper, String key, double fallback) {
        Double v = hyper.get(key);
        return v == null ? fallback : v;
    }
}
