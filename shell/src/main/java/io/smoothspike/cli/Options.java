package io.smoothspike.cli;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Minimal option parser for the CLI verbs: {@code --name value} (or {@code --name=value}) options and {@code --name}
 * flags; unknown options are usage errors.
 */
final class Options {

    private final Map<String, String> values;
    private final Set<String> flags;

    private Options(Map<String, String> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    /** Parses {@code args} allowing only the options in {@code valued} and the flags in {@code flags} (no dashes). */
    static Options parse(String[] args, Set<String> valued, Set<String> flags) {
        Map<String, String> v = new LinkedHashMap<>();
        Set<String> f = new LinkedHashSet<>();
        for (int k = 0; k < args.length; k++) {
            String a = args[k];
            if (a.equals("--help") || a.equals("-h")) {
                f.add("help");
                continue;
            }
            if (!a.startsWith("-")) {
                throw new UsageException("unexpected argument '" + a + "'");
            }
            String name = a.startsWith("--") ? a.substring(2) : a; // '-x': never a known name
            int eq = name.indexOf('=');
            String value = eq >= 0 ? name.substring(eq + 1) : null;
            name = eq >= 0 ? name.substring(0, eq) : name;
            if (flags.contains(name) && value == null) {
                f.add(name);
            } else if (!valued.contains(name)) {
                throw new UsageException("unknown option " + a.replaceFirst("=.*", "") + "; known: "
                        + known(valued, flags));
            } else if (value != null) {
                v.put(name, value);
            } else if (k + 1 < args.length) {
                v.put(name, args[++k]);
            } else {
                throw new UsageException("option --" + name + " needs a value");
            }
        }
        return new Options(v, f);
    }

    /** Parses {@code args} allowing only the options in {@code valued}, and no flags. */
    static Options parse(String[] args, Set<String> valued) {
        return parse(args, valued, Set.of());
    }

    private static String known(Set<String> valued, Set<String> flags) {
        Set<String> all = new TreeSet<>(valued);
        all.addAll(flags);
        return all.stream().map(n -> "--" + n).collect(Collectors.joining(", "));
    }

    boolean help() {
        return flags.contains("help");
    }

    /** Whether the flag {@code --name} was given. */
    boolean flag(String name) {
        return flags.contains(name);
    }

    int intValue(String name, int def) {
        String s = values.get(name);
        if (s == null) {
            return def;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs an integer, got '" + s + "'");
        }
    }

    double doubleValue(String name, double def) {
        String s = values.get(name);
        if (s == null) {
            return def;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs a number, got '" + s + "'");
        }
    }

    String value(String name, String def) {
        return values.getOrDefault(name, def);
    }
}
