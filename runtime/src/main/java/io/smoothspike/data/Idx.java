package io.smoothspike.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An IDX file (the format of the MNIST distribution) holding unsigned bytes: magic number {@code 0x00 0x00 0x08 r}
 * where r is the rank, then r big-endian 32-bit dimensions, then the data in row-major order.
 *
 * <p>Files may be raw or gzip-compressed; compression is recognised by the gzip magic bytes {@code 1f 8b}, not by the
 * file name. Only data type {@code 0x08} (unsigned byte) is supported.
 *
 * <p>Errors: a file that cannot be read or is not a well-formed IDX file gives an {@link IOException} whose message
 * starts with the file's name and says what is wrong ("not an IDX file (bad magic number ...)", "unsupported IDX
 * data type ...", "truncated: ...", "dimension mismatch: ..."). {@link #requireShape} reports a well-formed file of
 * the wrong shape with an {@link IllegalArgumentException} ("dimension mismatch: ...").
 *
 * @param source the file name (or other description) used in messages
 * @param dims   the dimensions, outermost first
 * @param data   the values, row-major, as signed Java bytes (use {@link #unsigned(int)} for 0..255)
 */
public record Idx(String source, int[] dims, byte[] data) {

    /** IDX data type code of unsigned bytes, the only one supported. */
    public static final int UNSIGNED_BYTE = 0x08;

    /** Largest data size accepted (bytes), to keep a corrupt header from triggering a huge allocation. */
    static final long MAX_BYTES = Integer.MAX_VALUE - 16;

    public Idx {
        long n = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException(source + ": negative dimension in " + Arrays.toString(dims));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException(source + ": dimension mismatch: dimensions " + Arrays.toString(dims)
                    + " need " + n + " values, got " + data.length);
        }
    }

    /** Reads an IDX file, raw or gzip-compressed. */
    public static Idx read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads an IDX stream, raw or gzip-compressed, to its end; {@code source} names it in error messages. The stream
     * is not closed.
     */
    public static Idx read(InputStream stream, String source) throws IOException {
        InputStream in = new BufferedInputStream(stream, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        if (gzip) {
            try {
                in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            } catch (EOFException e) {
                throw new IOException(source + ": truncated: the gzip header is incomplete", e);
            } catch (ZipException e) {
                throw new IOException(source + ": corrupt gzip data: " + e.getMessage(), e);
            }
        }
        try {
            return readIdx(in, source);
        } catch (EOFException e) {
            // GZIPInputStream signals a cut-off compressed stream this way
            throw new IOException(source + ": truncated: the gzip stream ends early", e);
        } catch (ZipException e) {
            throw new IOException(source + ": corrupt gzip data: " + e.getMessage(), e);
        }
    }

    private static Idx readIdx(InputStream in, String source) throws IOException {
        byte[] head = in.readNBytes(4);
        if (head.length < 4) {
            throw new IOException(source + ": truncated: " + head.length
                    + " bytes, too short for an IDX header (at least 4 bytes)");
        }
        if (head[0] != 0 || head[1] != 0) {
            throw new IOException(String.format("%s: not an IDX file (bad magic number 0x%02x%02x%02x%02x; an IDX"
                    + " file starts with 0x0000, then the type and the rank)", source, head[0] & 0xff,
                    head[1] & 0xff, head[2] & 0xff, head[3] & 0xff));
        }
        int type = head[2] & 0xff;
        if (type != UNSIGNED_BYTE) {
            throw new IOException(String.format("%s: unsupported IDX data type 0x%02x (%s); only unsigned byte"
                    + " (0x08) is supported", source, type, typeName(type)));
        }
        int rank = head[3] & 0xff;
        if (rank == 0) {
            throw new IOException(source + ": not an IDX file (rank 0 in the magic number)");
        }
        byte[] dimBytes = in.readNBytes(4 * rank);
        if (dimBytes.length < 4 * rank) {
            throw new IOException(source + ": truncated: the header declares " + rank + " dimensions but the file"
                    + " ends after " + (4 + dimBytes.length) + " bytes");
        }
        int[] dims = new int[rank];
        long n = 1;
        for (int k = 0; k < rank; k++) {
            int d = ((dimBytes[4 * k] & 0xff) << 24) | ((dimBytes[4 * k + 1] & 0xff) << 16)
                    | ((dimBytes[4 * k + 2] & 0xff) << 8) | (dimBytes[4 * k + 3] & 0xff);
            if (d < 0) {
                throw new IOException(source + ": not an IDX file (dimension " + k + " is "
                        + Integer.toUnsignedString(d) + ", too large)");
            }
            dims[k] = d;
            n *= d;
            if (n > MAX_BYTES) {
                throw new IOException(source + ": dimensions " + Arrays.toString(Arrays.copyOf(dims, k + 1))
                        + "... declare more than " + MAX_BYTES + " bytes of data; not supported");
            }
        }
        byte[] data = in.readNBytes((int) n);
        if (data.length < n) {
            throw new IOException(source + ": truncated: dimensions " + Arrays.toString(dims) + " declare " + n
                    + " bytes of data but only " + data.length + " are present");
        }
        byte[] extra = in.readNBytes(1 << 12);
        if (extra.length > 0) {
            long more = extra.length;
            while (true) {
                byte[] m = in.readNBytes(1 << 16);
                if (m.length == 0) {
                    break;
                }
                more += m.length;
            }
            throw new IOException(source + ": dimension mismatch: dimensions " + Arrays.toString(dims) + " declare "
                    + n + " bytes of data but " + more + " more bytes follow");
        }
        return new Idx(source, dims, data);
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x09 -> "signed byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            case 0x0E -> "double";
            default -> "unknown";
        };
    }

    /** Number of dimensions. */
    public int rank() {
        return dims.length;
    }

    /** Dimension {@code k}, outermost first. */
    public int dim(int k) {
        return dims[k];
    }

    /** Number of items, i.e. the outermost dimension. */
    public int count() {
        return dims[0];
    }

    /** Values per item: the product of all dimensions but the first. */
    public int itemSize() {
        int s = 1;
        for (int k = 1; k < dims.length; k++) {
            s *= dims[k];
        }
        return s;
    }

    /** Value {@code index} (row-major) as 0..255. */
    public int unsigned(int index) {
        return data[index] & 0xff;
    }

    /**
     * Checks the shape: {@code expected[k]} is the required size of dimension k, or -1 for any size.
     *
     * @throws IllegalArgumentException "dimension mismatch: ..." naming the source
     */
    public Idx requireShape(int... expected) {
        boolean ok = expected.length == dims.length;
        for (int k = 0; ok && k < expected.length; k++) {
            ok = expected[k] < 0 || expected[k] == dims[k];
        }
        if (!ok) {
            StringBuilder want = new StringBuilder("[");
            for (int k = 0; k < expected.length; k++) {
                want.append(k > 0 ? ", " : "").append(expected[k] < 0 ? "*" : Integer.toString(expected[k]));
            }
            throw new IllegalArgumentException(source + ": dimension mismatch: expected dimensions " + want
                    + "], found " + Arrays.toString(dims));
        }
        return this;
    }

    @Override
    public String toString() {
        return "Idx[" + source + ", dims " + Arrays.toString(dims) + "]";
    }
}
