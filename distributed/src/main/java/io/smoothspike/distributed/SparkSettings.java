package io.smoothspike.distributed;

import org.apache.spark.SparkConf;

/**
 * The Spark configuration of a sweep: the master (from --master, else the one spark-submit set, else local[*]), no
 * web UI or console progress bar (the sweep prints its own progress), a driver bound to 127.0.0.1 in local mode,
 * SmoothSpike's jars shipped to a cluster's executors when the launcher names them, and the --conf settings last.
 */
final class SparkSettings {

    /** System property with the comma-separated jars a cluster's executors need (set by the launcher). */
    static final String JARS_PROPERTY = "smoothspike.sweep.jars";

    private SparkSettings() {
    }

    static SparkConf of(SweepArgs a) {
        SparkConf conf = new SparkConf().setAppName("smoothspike sweep " + a.script().getFileName());
        if (a.master() != null) {
            conf.setMaster(a.master());
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
        a.conf().forEach(conf::set);
        return conf;
    }
}
