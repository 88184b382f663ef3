package io.smoothspike.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line arguments of the script verbs: the script, {@code -Pname=value} overrides and {@code --options}. */
record ScriptArgs(Path script, Map<String, String> overrides, Options options) {

    /**
     * Parses the arguments: {@code valued} and {@code flags} are the allowed {@code --options} with and without a
     * value; the first argument that is neither an option nor an option's value is the script.
     */
    static ScriptArgs parse(String[] args, Set<String> valued, Set<String> flags, boolean scriptRequired) {
        Path script = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (int k = 0; k < args.length; k++) {
            String a = args[k];
            if (a.startsWith("-P")) {
                int eq = a.indexOf('=');
                if (eq <= 2) {
                    throw new UsageException("parameter overrides look like -Pname=value, got '" + a + "'");
                }
                overrides.put(a.substring(2, eq), a.substring(eq + 1));
            } else if (a.startsWith("-")) {
                rest.add(a);
                if (a.startsWith("--") && valued.contains(a.substring(2)) && k + 1 < args.length) {
                    rest.add(args[++k]);
                }
            } else if (script == null) {
                script = Path.of(a);
            } else {
                rest.add(a);
            }
        }
        Options o = Options.parse(rest.toArray(String[]::new), valued, flags);
        if (script == null && scriptRequired && !o.help()) {
            throw new UsageException("name a script, e.g. scripts/single_neuron.groovy");
        }
        if (script != null) {
            if (!script.toString().endsWith(".groovy")) {
                throw new UsageException("scripts are Groovy files ending in .groovy, got '" + script + "'");
            }
            if (!Files.isRegularFile(script)) {
                throw new UsageException("script '" + script + "' does not exist");
            }
        }
        return new ScriptArgs(script, overrides, o);
    }

    /** The folder given with --data, or null. */
    Path dataDir() {
        String d = options.value("data", null);
        return d == null ? null : Path.of(d);
    }
}
