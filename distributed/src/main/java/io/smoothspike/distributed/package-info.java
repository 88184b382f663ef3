/**
 * Apache Spark for SmoothSpike: {@code smoothspike sweep} (the parameter grid, one Spark task per run, the summary)
 * and {@code smoothspike train-distributed} (one run whose batch gradients are summed over executors,
 * {@link io.smoothspike.distributed.SparkBatchGradients}). Reached through the CLI or {@code spark-submit}; not a
 * library API.
 */
package io.smoothspike.distributed;
