package io.smoothspike.distributed;

import io.smoothspike.cli.UsageException;
import java.util.Map;
import org.apache.spark.SparkConf;

/**
 * The Spark configuration of a sweep or a data-parallel training: the master (from --master, else the one
 * spark-submit set, else local[*]), no web UI or console progress bar (the commands print their own progress), a
 * driver bound to 127.0.0.1 in local mode, SmoothSpike's jars shipped to a cluster's executors when the launcher names
 * them, and the --conf settings last.
 */
final class SparkSettings {

    /** System property with the comma-separated jars a cluster's executors need (set by the launcher). */
    static final String JARS_PROPERTY = "smoothspike.sweep.jars";

    private SparkSettings() {
    }

    /**
     * @param master the --master URL, or null
     * @param settings the --conf settings
     */
    static SparkConf of(String appName, String master, Map<String, String> settings) {
        SparkConf conf = new SparkConf().setAppName(appName);
        if (master != null) {
            conf.setMaster(master);
        }
        conf.setIfMissing("spark.master", "local[*]");
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        } else if (System.getProperty(JARS_PROPERTY) != null) {
            conf.setIfMissing("spark.jars", System.getProperty(JARS_PROPERTY));
        }
        settings.forEach(conf::set);
        return conf;
    }

    /** Adds a {@code --conf KEY=VALUE} setting to {@code settings}. */
    static void putConf(Map<String, String> settings, String keyValue) {
        int eq = keyValue.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("--conf takes KEY=VALUE, got '" + keyValue + "'");
        }
        settings.put(keyValue.substring(0, eq), keyValue.substring(eq + 1));
    }
}
