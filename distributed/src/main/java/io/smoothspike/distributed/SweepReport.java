package io.smoothspike.distributed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smoothspike.io.AtomicFiles;
import io.smoothspike.network.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The summary of a sweep, {@code sweep.json} and {@code sweep.md}: per configuration (the varied parameters other
 * than {@code seed}) the mean and standard deviation over its runs of every number in the runs' {@code metrics.json},
 * with each run's folder and status, and the failed runs with their errors.
 */
final class SweepReport {

    /** The parameter whose values are repetitions of one configuration rather than configurations. */
    static final String SEED = "seed";
    static final String JSON_FILE = "sweep.json";
    static final String MARKDOWN_FILE = "sweep.md";
    /** A run's final metrics, written by the trainer. */
    static final String METRICS_FILE = "metrics.json";

    private final Path dir;
    private final Path script;
    private final SweepGrid grid;
    private final List<RunOutcome> outcomes;

    SweepReport(Path dir, Path script, SweepGrid grid, List<RunOutcome> outcomes) {
        this.dir = dir;
        this.script = script;
        this.grid = grid;
        this.outcomes = outcomes;
    }

    /** Writes both files into the sweep folder. */
    void write() {
        List<Configuration> configs = configurations();
        try {
            AtomicFiles.writeString(dir.resolve(JSON_FILE), Json.MAPPER.writeValueAsString(json(configs)) + "\n");
            AtomicFiles.writeString(dir.resolve(MARKDOWN_FILE), markdown(configs));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sweep summary in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The runs of one configuration and the statistics of their final metrics (in first-seen order). */
    private record Configuration(Map<String, String> parameters, List<RunOutcome> runs,
            Map<String, MetricStats> metrics) {
    }

    private List<Configuration> configurations() {
        Map<Map<String, String>, List<RunOutcome>> groups = new LinkedHashMap<>();
        for (RunOutcome o : outcomes) {
            Map<String, String> key = new LinkedHashMap<>(o.run().varied());
            key.remove(SEED);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
        }
        List<Configuration> configs = new ArrayList<>();
        groups.forEach((parameters, runs) -> configs.add(new Configuration(parameters, runs, statistics(runs))));
        return configs;
    }

    private Map<String, MetricStats> statistics(List<RunOutcome> runs) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (RunOutcome o : runs) {
            if (o.succeeded()) {
                finalMetrics(o.run()).forEach((name, v) -> values.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(v));
            }
        }
        Map<String, MetricStats> stats = new LinkedHashMap<>();
        values.forEach((name, v) -> stats.put(name, MetricStats.of(v)));
        return stats;
    }

    /** Objects of metrics.json whose numbers are reported too, as {@code object.name}: the models a run selected. */
    private static final List<String> MODEL_FIGURES = List.of("best_model", "last_model");

    /**
     * The numbers at the top level of the run's metrics.json, and those of its {@link #MODEL_FIGURES} (none if the
     * script trained nothing).
     */
    private Map<String, Double> finalMetrics(SweepRun run) {
        Path file = dir.resolve(run.folder()).resolve(METRICS_FILE);
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return metrics;
        }
        try {
            JsonNode root = Json.MAPPER.readTree(file.toFile());
            root.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) {
                    metrics.put(e.getKey(), e.getValue().doubleValue());
                }
            });
            for (String model : MODEL_FIGURES) {
                root.path(model).fields().forEachRemaining(e -> {
                    if (e.getValue().isNumber()) {
                        metrics.put(model + "." + e.getKey(), e.getValue().doubleValue());
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return metrics;
    }

    private JsonNode json(List<Configuration> configs) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("script", script.toString());
        ObjectNode varied = root.putObject("varied");
        grid.axes().forEach((name, values) -> values.forEach(varied.putArray(name)::add));
        ObjectNode fixed = root.putObject("fixed");
        grid.fixed().forEach(fixed::put);
        ArrayNode list = root.putArray("configurations");
        for (Configuration c : configs) {
            ObjectNode node = list.addObject();
            ObjectNode parameters = node.putObject("parameters");
            c.parameters().forEach(parameters::put);
            ObjectNode metrics = node.putObject("metrics");
            c.metrics().forEach((name, s) -> {
                ObjectNode m = metrics.putObject(name);
                putNumber(m, "mean", s.mean());
                putNumber(m, "std", s.std());
                m.put("runs", s.runs());
            });
            ArrayNode runs = node.putArray("runs");
            for (RunOutcome o : c.runs()) {
                ObjectNode r = runs.addObject();
                r.put("folder", o.run().folder());
                r.put("status", o.status().label());
                if (o.error() != null) {
                    r.put("error", o.error());
                }
            }
        }
        return root;
    }

    private static void putNumber(ObjectNode node, String name, double v) {
        if (Double.isFinite(v)) {
            node.put(name, v);
        } else {
            node.putNull(name);
        }
    }

    private String markdown(List<Configuration> configs) {
        Set<String> names = new LinkedHashSet<>();
        configs.forEach(c -> names.addAll(c.metrics().keySet()));
        StringBuilder sb = new StringBuilder("# Sweep of " + script.getFileName() + "\n\n");
        sb.append("Mean ± standard deviation over the runs of each configuration.\n\n");
        sb.append("| configuration | ").append(String.join(" | ", names)).append(" | runs |\n");
        sb.append("|---".repeat(names.size() + 2)).append("|\n");
        for (Configuration c : configs) {
            String label = c.parameters().isEmpty() ? "(all)" : c.parameters().toString()
                    .replaceAll("^\\{|}$", "");
            sb.append("| ").append(label).append(" | ");
            for (String name : names) {
                MetricStats s = c.metrics().get(name);
                sb.append(s == null ? "" : cell(s)).append(" | ");
            }
            List<String> runs = new ArrayList<>();
            for (RunOutcome o : c.runs()) {
                runs.add("[" + o.run().folder() + "](" + o.run().folder() + "/)"
                        + (o.succeeded() ? "" : " (failed)"));
            }
            sb.append(String.join(", ", runs)).append(" |\n");
        }
        List<RunOutcome> failed = outcomes.stream().filter(o -> !o.succeeded()).toList();
        if (!failed.isEmpty()) {
            sb.append("\n## Failed runs\n\n");
            failed.forEach(o -> sb.append("- ").append(o.run().folder()).append(": ").append(o.error()).append('\n'));
        }
        return sb.toString();
    }

    private static String cell(MetricStats s) {
        String mean = String.format(Locale.ROOT, "%.4g", s.mean());
        return Double.isNaN(s.std()) ? mean : mean + " ± " + String.format(Locale.ROOT, "%.2g", s.std());
    }
}
