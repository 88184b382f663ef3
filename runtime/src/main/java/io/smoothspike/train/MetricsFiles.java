package io.smoothspike.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smoothspike.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The metrics files of a training run, written atomically into its output folder: {@code metrics.csv} (one row per
 * evaluation, a column for every key any row has, empty cells where a row lacks it) and {@code metrics.json} (the
 * final metrics; a non-finite number, such as the loss when every held-out trial hit the spike cap, is written as
 * {@code null}, so the file is plain JSON).
 */
final class MetricsFiles {

    private static final ObjectMapper JSON = io.smoothspike.network.Json.MAPPER;
    static final String CSV = "metrics.csv";
    static final String JSON_FILE = "metrics.json";

    private final Path out;

    MetricsFiles(Path out) {
        this.out = out;
    }

    /** Rewrites metrics.csv from all rows so far. */
    void writeCsv(List<Map<String, Object>> history) {
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        for (Map<String, Object> r : history) {
            columns.addAll(r.keySet());
        }
        columns.remove("spike_cap_samples");
        StringBuilder sb = new StringBuilder(String.join(",", columns)).append('\n');
        for (Map<String, Object> r : history) {
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                Object v = r.get(c);
                cells.add(v == null ? "" : String.valueOf(v));
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        write(CSV, sb.toString());
    }

    /** Writes metrics.json, non-finite numbers as null. */
    void writeJson(Map<String, Object> metrics) {
        JsonNode tree = nullForNonFinite(JSON.valueToTree(metrics));
        try {
            write(JSON_FILE, JSON.writeValueAsString(tree) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + JSON_FILE + ": " + e.getMessage(), e);
        }
    }

    /** {@code node} with every NaN or infinite number replaced by null (in place where it is a container). */
    static JsonNode nullForNonFinite(JsonNode node) {
        if (node.isFloatingPointNumber() && !Double.isFinite(node.asDouble())) {
            return NullNode.instance;
        }
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                o.set(name, nullForNonFinite(o.get(name)));
            }
        } else if (node instanceof ArrayNode a) {
            for (int k = 0; k < a.size(); k++) {
                a.set(k, nullForNonFinite(a.get(k)));
            }
        }
        return node;
    }

    /** Deletes temporary files that a killed write of a metrics file left behind. */
    void removeStale() throws IOException {
        AtomicFiles.removeStale(out.resolve(CSV));
        AtomicFiles.removeStale(out.resolve(JSON_FILE));
    }

    private void write(String file, String text) {
        try {
            AtomicFiles.writeString(out.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve(file) + ": " + e.getMessage(), e);
        }
    }
}
