package io.smoothspike.export;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The arrays of an export ({@link Exporter} assembles them) and its metadata (provenance, the network's description,
 * the run's settings, the axes of every array), ready to be written in any {@link ExportFormat}.
 */
public record ResultExport(List<ExportArray> arrays, Map<String, Object> metadata) {

    public ResultExport {
        arrays = List.copyOf(arrays);
        metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }

    /** The array named {@code name}. */
    public ExportArray array(String name) {
        return arrays.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no array '" + name + "' in the export"));
    }

    /**
     * Writes the export to {@code target} atomically: readers never see a half-written file or folder.
     *
     * @param overwrite whether an existing {@code target} is replaced
     * @throws FileAlreadyExistsException when {@code target} exists and {@code overwrite} is false
     */
    public Path write(Path target, ExportFormat format, boolean overwrite) throws IOException {
        Path t = target.toAbsolutePath().normalize();
        if (Files.exists(t) && !overwrite) {
            throw new FileAlreadyExistsException(t.toString());
        }
        if (format != ExportFormat.CSV && Files.isDirectory(t)) {
            throw new IOException(t + " is a folder; an " + format.name().toLowerCase(java.util.Locale.ROOT)
                    + " export is one file");
        }
        format.write(this, t);
        return t;
    }
}
