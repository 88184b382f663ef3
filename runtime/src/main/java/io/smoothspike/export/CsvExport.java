package io.smoothspike.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An export as a folder of CSV files with header rows. Arrays named {@code GROUP.COLUMN} with the same axes and
 * shape share the file {@code GROUP.csv} (e.g. {@code spikes.csv}: spike, sample, population, neuron, time; a
 * projection's {@code in_to_out.csv}: pre, post, weight, mask), one row per element with its index on each axis
 * first; scalars go to {@code scalars.csv} (name, value); the metadata to {@code metadata.json}. The folder is
 * written beside the target under a temporary name and renamed into place.
 */
final class CsvExport {

    private CsvExport() {
    }

    static void write(ResultExport export, Path target) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectory(tmp);
            for (Map.Entry<String, List<ExportArray>> table : tables(export.arrays()).entrySet()) {
                Files.writeString(tmp.resolve(table.getKey()), text(table.getValue()), StandardCharsets.UTF_8);
            }
            Files.writeString(tmp.resolve("metadata.json"), JsonExport.metadataText(export), StandardCharsets.UTF_8);
            replace(tmp, target);
        } finally {
            deleteTree(tmp);
        }
    }

    /** The arrays by file name: scalars together, the others by group, axes and shape. */
    static Map<String, List<ExportArray>> tables(List<ExportArray> arrays) {
        Map<String, List<ExportArray>> byKey = new LinkedHashMap<>();
        for (ExportArray a : arrays) {
            String key = a.shape().length == 0 ? ""
                    : group(a.name()) + "|" + a.axes() + "|" + Arrays.toString(a.shape());
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
        }
        Map<String, List<ExportArray>> files = new LinkedHashMap<>();
        Set<String> used = new HashSet<>(Set.of("metadata.json"));
        for (Map.Entry<String, List<ExportArray>> e : byKey.entrySet()) {
            String base = e.getKey().isEmpty() ? "scalars" : fileName(group(e.getValue().get(0).name()));
            String file = base + ".csv";
            for (int k = 2; !used.add(file); k++) {
                file = base + "_" + k + ".csv";
            }
            files.put(file, e.getValue());
        }
        return files;
    }

    /** What a name's file is called: the part before its last dot (or all of it). */
    private static String group(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** A portable file name: {@code a->b} becomes {@code a_to_b}, other unusual characters {@code _}. */
    private static String fileName(String group) {
        return group.replace("->", "_to_").replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String text(List<ExportArray> table) {
        StringBuilder sb = new StringBuilder();
        if (table.get(0).shape().length == 0) {
            sb.append("name,value\n");
            for (ExportArray a : table) {
                sb.append(cell(a.name())).append(',').append(cell(a.value(0))).append('\n');
            }
            return sb.toString();
        }
        ExportArray first = table.get(0);
        List<String> header = new ArrayList<>(first.axes());
        for (ExportArray a : table) {
            header.add(table.size() == 1 && a.name().indexOf('.') < 0 ? a.name()
                    : a.name().substring(a.name().lastIndexOf('.') + 1));
        }
        sb.append(String.join(",", header.stream().map(CsvExport::cell).toList())).append('\n');
        int[] shape = first.shape();
        int[] index = new int[shape.length];
        for (int k = 0; k < first.length(); k++) {
            for (int d = shape.length - 1, rest = k; d >= 0; d--) {
                index[d] = rest % shape[d];
                rest /= shape[d];
            }
            for (int i : index) {
                sb.append(i).append(',');
            }
            for (int c = 0; c < table.size(); c++) {
                sb.append(c > 0 ? "," : "").append(cell(table.get(c).value(k)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A CSV cell: numbers as Java prints them (NaN empty), text quoted where it holds a comma or quote. */
    private static String cell(Object v) {
        if (v instanceof Double d) {
            return Double.isNaN(d) ? "" : d.toString();
        }
        String s = String.valueOf(v);
        return s.matches(".*[\",\n\r].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Moves the folder {@code tmp} to {@code target}, replacing what is there. */
    private static void replace(Path tmp, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".old");
            Files.move(target, old);
        }
        try {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target); // put the previous export back
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
