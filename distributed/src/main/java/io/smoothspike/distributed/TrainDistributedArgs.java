package io.smoothspike.distributed;

import io.smoothspike.cli.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code smoothspike train-distributed}: {@code --master URL} and {@code --conf KEY=VALUE}
 * (repeatable) for Spark; everything else is {@code smoothspike run}'s.
 *
 * @param master the Spark master URL, or null for the one Spark was configured with (local[*] if none)
 * @param runArgs the arguments for {@code smoothspike run}, in their order
 */
record TrainDistributedArgs(String master, Map<String, String> conf, List<String> runArgs, boolean help) {

    /** Parses the arguments after {@code train-distributed}. */
    static TrainDistributedArgs parse(String[] args) {
        String master = null;
        Map<String, String> conf = new LinkedHashMap<>();
        List<String> runArgs = new ArrayList<>();
        for (int k = 0; k < args.length; k++) {
            String a = args[k];
            if (a.equals("--help") || a.equals("-h")) {
                return new TrainDistributedArgs(null, Map.of(), List.of(), true);
            }
            if (a.equals("--master") || a.equals("--conf")) {
                if (k + 1 >= args.length) {
                    throw new UsageException("option " + a + " needs a value");
                }
                String value = args[++k];
                if (a.equals("--master")) {
                    master = value;
                } else {
                    SparkSettings.putConf(conf, value);
                }
            } else {
                runArgs.add(a);
            }
        }
        return new TrainDistributedArgs(master, conf, runArgs, false);
    }
}
