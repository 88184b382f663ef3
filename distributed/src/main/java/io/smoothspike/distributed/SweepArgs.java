package io.smoothspike.distributed;

import io.smoothspike.cli.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@code smoothspike sweep}: the script, the {@code -P} parameters as typed, and the options
 * {@code --out DIR}, {@code --data DIR}, {@code --master URL} and {@code --conf KEY=VALUE} (repeatable).
 *
 * @param master the Spark master URL, or null for the one Spark was configured with (local[*] if none)
 * @param data the --data folder, or null
 */
record SweepArgs(Path script, Map<String, String> parameters, Path out, Path data, String master,
        Map<String, String> conf, boolean help) {

    private static final Set<String> OPTIONS = Set.of("out", "data", "master", "conf");

    /** Parses the arguments after {@code sweep}. */
    static SweepArgs parse(String[] args) {
        Path script = null;
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> conf = new LinkedHashMap<>();
        for (int k = 0; k < args.length; k++) {
            String a = args[k];
            if (a.equals("--help") || a.equals("-h")) {
                return new SweepArgs(null, Map.of(), null, null, null, Map.of(), true);
            }
            if (a.startsWith("-P")) {
                int eq = a.indexOf('=');
                if (eq <= 2) {
                    throw new UsageException("parameters look like -Pname=value, -Pname=A,B or -Pname=FROM..TO, got '"
                            + a + "'");
                }
                parameters.put(a.substring(2, eq), a.substring(eq + 1));
            } else if (a.startsWith("--")) {
                String name = a.substring(2);
                if (!OPTIONS.contains(name)) {
                    throw new UsageException("unknown option " + a + "; known: --conf, --data, --master, --out");
                }
                if (k + 1 >= args.length) {
                    throw new UsageException("option " + a + " needs a value");
                }
                String value = args[++k];
                if (name.equals("conf")) {
                    SparkSettings.putConf(conf, value);
                } else {
                    options.put(name, value);
                }
            } else if (script == null) {
                script = Path.of(a);
            } else {
                throw new UsageException("unexpected argument '" + a + "'");
            }
        }
        return new SweepArgs(checked(script), parameters, out(options.get("out")),
                options.containsKey("data") ? Path.of(options.get("data")) : null, options.get("master"), conf, false);
    }

    private static Path checked(Path script) {
        if (script == null) {
            throw new UsageException("name a script, e.g. scripts/rnn.groovy");
        }
        if (!script.toString().endsWith(".groovy") || !Files.isRegularFile(script)) {
            throw new UsageException("script '" + script + "' is not an existing .groovy file");
        }
        return script;
    }

    private static Path out(String out) {
        if (out == null) {
            throw new UsageException("name the sweep's folder with --out DIR (give the same one again to continue "
                    + "an interrupted sweep)");
        }
        return Path.of(out);
    }
}
