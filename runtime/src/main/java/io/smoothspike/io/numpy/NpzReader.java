package io.smoothspike.io.numpy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads NumPy's {@code .npz} archives as {@code numpy.savez} and {@code numpy.savez_compressed} write them: a zip file
 * of {@code .npy} arrays (stored or deflated), each read by {@link NpyReader}. Errors are {@link IOException}s whose
 * message names the file (and the array).
 */
public final class NpzReader {

    private NpzReader() {
    }

    /** The archive's arrays by name ({@code times} for the entry {@code times.npy}), in the archive's order. */
    public static Map<String, NpyReader.Array> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        Map<String, NpyReader.Array> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                if (!e.getName().endsWith(".npy")) {
                    throw new IOException(file + ": entry '" + e.getName() + "' is not a .npy array; write the file "
                            + "with numpy.savez");
                }
                String name = e.getName().substring(0, e.getName().length() - 4);
                try (InputStream in = zip.getInputStream(e)) {
                    arrays.put(name, NpyReader.read(in, file + " (array '" + name + "')"));
                } catch (ZipException | EOFException z) {
                    throw new IOException(file + ": array '" + name + "' is damaged (" + z.getMessage() + ")", z);
                }
            }
        } catch (ZipException e) {
            throw new IOException(file + ": not an .npz file (not a complete zip archive: " + e.getMessage()
                    + "); write it with numpy.savez", e);
        }
        return arrays;
    }
}
