/**
 * Results for other tools: {@link io.smoothspike.export.Exporter} gathers a network's parameters, what it does on
 * samples and a run's metrics history into named arrays, written as a NumPy archive, a folder of CSV files or one
 * JSON document ({@link io.smoothspike.export.ExportFormat}); {@link io.smoothspike.export.Provenance} says which
 * SmoothSpike and which commit produced them.
 */
package io.smoothspike.export;
