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

    static ScriptArgs parse(String[] args, Set<String> allowed, boolean scriptRequired) {
        Path script = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-P")) {
                int eq = a.indexOf('=');
                if (eq <= 2) {
                    throw new UsageException("parameter overrides look like -Pname=value, got '" + a + "'");
                }
                overrides.put(a.substring(2, eq), a.substring(eq + 1));
            } else if (script == null && !a.startsWith("-") && (rest.isEmpty() || !rest.get(rest.size() - 1)
                    .startsWith("--") || rest.get(rest.size() - 1).contains("="))) {
                script = Path.of(a);
            } else {
                rest.add(a);
            }
        }
        Options o = Options.parse(rest.toArray(String[]::new), allowed);
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
