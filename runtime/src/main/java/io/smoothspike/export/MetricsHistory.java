package io.smoothspike.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A training run's metrics history as arrays, one per column of {@code metrics.csv}: {@code metrics.loss},
 * {@code metrics.step}, … along the axis {@code row} (one row per evaluation). Numbers become float64 with NaN where
 * a row lacks the column; a column holding text stays text; lists (such as the samples that hit the spike cap) are
 * left out, as in {@code metrics.csv}.
 */
public final class MetricsHistory {

    private final List<Map<String, Object>> rows;

    private MetricsHistory(List<Map<String, Object>> rows) {
        this.rows = rows;
    }

    /** The history of a training result ({@code TrainingResult.history()}). */
    public static MetricsHistory of(List<Map<String, Object>> history) {
        return new MetricsHistory(List.copyOf(history));
    }

    /** Reads a run's {@code metrics.csv} (a header row, then comma-separated cells; empty cells are missing). */
    public static MetricsHistory read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return new MetricsHistory(List.of());
        }
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 1; r < lines.size(); r++) {
            if (lines.get(r).isEmpty()) {
                continue;
            }
            String[] cells = lines.get(r).split(",", -1);
            if (cells.length != header.length) {
                throw new IOException(csv + ", line " + (r + 1) + ": " + cells.length + " cells, the header has "
                        + header.length);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < cells.length; c++) {
                if (!cells[c].isEmpty()) {
                    row.put(header[c], number(cells[c]));
                }
            }
            rows.add(row);
        }
        return new MetricsHistory(rows);
    }

    /** A cell as a Double where it is a number, else the text. */
    private static Object number(String cell) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return cell;
        }
    }

    /** Number of rows. */
    public int size() {
        return rows.size();
    }

    /** One array per column, in the order the columns first appear. */
    List<ExportArray> arrays() {
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.keySet()));
        List<ExportArray> out = new ArrayList<>();
        for (String c : columns) {
            if (rows.stream().anyMatch(r -> r.get(c) != null && !(r.get(c) instanceof Number
                    || r.get(c) instanceof CharSequence || r.get(c) instanceof Boolean))) {
                continue;
            }
            boolean numeric = rows.stream().allMatch(r -> r.get(c) == null || r.get(c) instanceof Number);
            out.add(ExportArray.vector("metrics." + c, "row", numeric ? numbers(c) : texts(c)));
        }
        return out;
    }

    private double[] numbers(String column) {
        double[] v = new double[rows.size()];
        Arrays.fill(v, Double.NaN);
        for (int r = 0; r < v.length; r++) {
            if (rows.get(r).get(column) instanceof Number x) {
                v[r] = x.doubleValue();
            }
        }
        return v;
    }

    private String[] texts(String column) {
        String[] v = new String[rows.size()];
        for (int r = 0; r < v.length; r++) {
            Object x = rows.get(r).get(column);
            v[r] = x == null ? "" : String.valueOf(x);
        }
        return v;
    }
}
