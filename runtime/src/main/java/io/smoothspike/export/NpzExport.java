package io.smoothspike.export;

import io.smoothspike.io.AtomicFiles;
import io.smoothspike.io.numpy.NpzWriter;
import java.io.IOException;
import java.nio.file.Path;

/** An export as a NumPy archive: every array under its name, the metadata as the JSON string {@code metadata}. */
final class NpzExport {

    private NpzExport() {
    }

    static void write(ResultExport export, Path target) throws IOException {
        String metadata = JsonExport.metadataText(export);
        AtomicFiles.write(target, out -> {
            try (NpzWriter npz = new NpzWriter(out)) {
                for (ExportArray a : export.arrays()) {
                    add(npz, a);
                }
                npz.add("metadata", new String[] {metadata});
            }
        });
    }

    private static void add(NpzWriter npz, ExportArray a) throws IOException {
        Object v = a.values();
        if (v instanceof double[] d) {
            npz.add(a.name(), d, a.shape());
        } else if (v instanceof int[] i) {
            npz.add(a.name(), i, a.shape());
        } else if (v instanceof boolean[] b) {
            npz.add(a.name(), b, a.shape());
        } else {
            npz.add(a.name(), (String[]) v, a.shape());
        }
    }
}
