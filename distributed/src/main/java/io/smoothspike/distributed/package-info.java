/**
 * {@code smoothspike sweep} on Apache Spark: the parameter grid, one Spark task per run, the summary. Reached
 * through the CLI or {@code spark-submit}; not a library API.
 */
package io.smoothspike.distributed;
