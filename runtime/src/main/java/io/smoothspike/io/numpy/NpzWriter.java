package io.smoothspike.io.numpy;

import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a NumPy {@code .npz} archive, as {@code numpy.savez_compressed} does: a zip file (deflated) holding one
 * {@code NAME.npy} entry per array ({@link NpyWriter}); {@code numpy.load} returns the arrays by name. Entries carry a
 * fixed date, so the same arrays give the same bytes. Closing the writer finishes the archive but leaves the
 * underlying stream open.
 */
public final class NpzWriter implements Closeable {

    /** Writes one array's {@code .npy} bytes. */
    @FunctionalInterface
    public interface Array {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final LocalDateTime DATE = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final ZipOutputStream zip;
    private final Set<String> names = new HashSet<>();

    /** An archive written to {@code out}. */
    public NpzWriter(OutputStream out) {
        this.zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the caller owns the stream
            }
        });
    }

    /** Adds an array named {@code name} (unique in the archive; {@code numpy.load} gives it under this name). */
    public NpzWriter add(String name, Array array) throws IOException {
        if (name.isEmpty() || !names.add(name)) {
            throw new IllegalArgumentException(name.isEmpty() ? "an array needs a name"
                    : "two arrays are named '" + name + "'");
        }
        ZipEntry e = new ZipEntry(name + ".npy");
        e.setTimeLocal(DATE);
        zip.putNextEntry(e);
        array.writeTo(zip);
        zip.closeEntry();
        return this;
    }

    /** Adds doubles of the given shape. */
    public NpzWriter add(String name, double[] values, int... shape) throws IOException {
        return add(name, out -> NpyWriter.write(out, values, shape));
    }

    /** Adds 32-bit ints of the given shape. */
    public NpzWriter add(String name, int[] values, int... shape) throws IOException {
        return add(name, out -> NpyWriter.write(out, values, shape));
    }

    /** Adds 64-bit ints of the given shape. */
    public NpzWriter add(String name, long[] values, int... shape) throws IOException {
        return add(name, out -> NpyWriter.write(out, values, shape));
    }

    /** Adds booleans of the given shape. */
    public NpzWriter add(String name, boolean[] values, int... shape) throws IOException {
        return add(name, out -> NpyWriter.write(out, values, shape));
    }

    /** Adds strings of the given shape. */
    public NpzWriter add(String name, String[] values, int... shape) throws IOException {
        return add(name, out -> NpyWriter.write(out, values, shape));
    }

    /** Finishes the archive (its central directory); the underlying stream stays open. */
    @Override
    public void close() throws IOException {
        zip.close();
    }
}
