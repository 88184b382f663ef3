package io.smoothspike.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats an export is written in. */
public enum ExportFormat {

    /** A NumPy archive ({@code numpy.load}): one array per name, the metadata as a JSON string. */
    NPZ,
    /** A folder of CSV files with header rows: one per group of arrays, scalars in one file, metadata.json. */
    CSV,
    /** One JSON document: the metadata and every array as nested lists (NaN as null). */
    JSON;

    /** The format named {@code name} (npz, csv or json, any case). */
    public static ExportFormat of(String name) {
        for (ExportFormat f : values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown export format '" + name + "'; known: " + Arrays.stream(values())
                .map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    /** The format a file name asks for: {@code .npz}, {@code .json}, else (a folder) CSV. */
    public static ExportFormat ofFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".npz") ? NPZ : name.endsWith(".json") ? JSON : CSV;
    }

    /** Writes {@code export} to {@code target} in this format (atomically; the caller checks for overwriting). */
    void write(ResultExport export, Path target) throws IOException {
        switch (this) {
            case NPZ -> NpzExport.write(export, target);
            case CSV -> CsvExport.write(export, target);
            case JSON -> JsonExport.write(export, target);
            default -> throw new IllegalStateException(name());
        }
    }
}
