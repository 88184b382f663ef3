package io.smoothspike.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Minimal {@code --name value} option parser for the CLI verbs; unknown options are usage errors. */
final class Options {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final boolean help;

    private Options(Map<String, String> values, boolean help) {
        this.values.putAll(values);
        this.help = help;
    }

    /** Parses {@code args} allowing only the option names in {@code allowed} (without dashes). */
    static Options parse(String[] args, Set<String> allowed) {
        Map<String, String> v = new LinkedHashMap<>();
        boolean help = false;
        for (int k = 0; k < args.length; k++) {
            String a = args[k];
            if (a.equals("--help") || a.equals("-h")) {
                help = true;
                continue;
            }
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (k + 1 < args.length) {
                value = args[++k];
            } else {
                throw new UsageException("option --" + name + " needs a value");
            }
            if (!allowed.contains(name)) {
                throw new UsageException("unknown option --" + name + "; known: " + allowed);
            }
            v.put(name, value);
        }
        return new Options(v, help);
    }

    boolean help() {
        return help;
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
