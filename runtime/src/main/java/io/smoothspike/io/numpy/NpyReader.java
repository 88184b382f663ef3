package io.smoothspike.io.numpy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy's {@code .npy} format as {@code numpy.save} writes it: the magic {@code \x93NUMPY}, format version 1, 2
 * or 3, a header dict {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3,)}} and the values in C order.
 *
 * <p>Supported dtypes: floats {@code f4 f8}, signed integers {@code i1 i2 i4 i8}, unsigned integers
 * {@code u1 u2 u4 u8} and booleans {@code b1}, little- ({@code <}) or big-endian ({@code >}). Object arrays (pickled
 * Python objects), structured and other dtypes, and Fortran-ordered arrays are refused, naming the dtype and the fix.
 * Every error is an {@link IOException} whose message starts with the source's name and says what is wrong.
 */
public final class NpyReader {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*('([^']*)'|\\[)");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final Pattern TYPE = Pattern.compile("([<>|=])([fiub])(\\d+)");

    private NpyReader() {
    }

    /**
     * An array read from a {@code .npy} file: its shape (empty for a scalar) and its values in C order, as doubles
     * for a float dtype or as longs for an integer or boolean one (booleans as 0 and 1).
     *
     * @param source  the file (or archive entry) it came from, for messages
     * @param dtype   NumPy's type string, e.g. {@code <f8}
     * @param shape   the dimensions, outermost first
     * @param doubles the values of a float array, else null
     * @param longs   the values of an integer or boolean array, else null
     */
    public record Array(String source, String dtype, int[] shape, double[] doubles, long[] longs) {

        /** Number of values: the product of the shape. */
        public int size() {
            return doubles != null ? doubles.length : longs.length;
        }

        /** Whether the dtype is an integer or boolean one. */
        public boolean isIntegral() {
            return longs != null;
        }

        /** The values as doubles (integers converted). */
        public double[] toDoubles() {
            if (doubles != null) {
                return doubles.clone();
            }
            return Arrays.stream(longs).asDoubleStream().toArray();
        }

        /** The values of an integer array as ints; a float array, or a value beyond int, is an error naming it. */
        public int[] toInts() throws IOException {
            if (longs == null) {
                throw new IOException(source + ": holds " + dtype + " values; integers are needed here (save it "
                        + "with .astype(int))");
            }
            int[] ints = new int[longs.length];
            for (int k = 0; k < ints.length; k++) {
                if (longs[k] != (int) longs[k]) {
                    throw new IOException(source + ": entry " + k + " is " + longs[k] + ", beyond the integers "
                            + "supported (" + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ")");
                }
                ints[k] = (int) longs[k];
            }
            return ints;
        }

        @Override
        public String toString() {
            return "NpyReader.Array[" + source + ", " + dtype + ", shape " + Arrays.toString(shape) + "]";
        }
    }

    /** Reads a {@code .npy} file. */
    public static Array read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads a {@code .npy} stream to its end; {@code source} names it in messages. The stream is not closed. */
    public static Array read(InputStream stream, String source) throws IOException {
        InputStream in = new BufferedInputStream(stream, 1 << 16);
        byte[] magic = in.readNBytes(8);
        if (magic.length < 8 || !Arrays.equals(Arrays.copyOf(magic, 6), MAGIC)) {
            throw new IOException(source + ": not a .npy file (it does not start with \\x93NUMPY; write it with "
                    + "numpy.save)");
        }
        int major = magic[6] & 0xff;
        if (major < 1 || major > 3) {
            throw new IOException(source + ": .npy format version " + major + "." + (magic[7] & 0xff)
                    + " is not supported (versions 1, 2 and 3 are)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] length = in.readNBytes(lengthBytes);
        if (length.length < lengthBytes) {
            throw new IOException(source + ": truncated: the file ends inside the .npy header");
        }
        long headerLength = major == 1 ? ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff
                : ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
        if (headerLength > 1 << 20) {
            throw new IOException(source + ": a .npy header of " + headerLength + " bytes; the file is damaged");
        }
        byte[] header = in.readNBytes((int) headerLength);
        if (header.length < headerLength) {
            throw new IOException(source + ": truncated: the file ends inside the .npy header");
        }
        String dict = new String(header, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String dtype = descr(source, dict);
        int[] shape = shape(source, dict);
        Matcher type = TYPE.matcher(dtype);
        if (!type.matches() || !supported(type.group(2), Integer.parseInt(type.group(3)))) {
            throw new IOException(source + ": dtype " + dtype + " is not supported; save floats (f4, f8), integers "
                    + "(i1 to i8, u1 to u8) or booleans, e.g. with .astype(float)");
        }
        if (fortranOrder(source, dict)) {
            throw new IOException(source + ": the array is saved in Fortran order; save it in C order "
                    + "(numpy.save(f, numpy.ascontiguousarray(a)))");
        }
        return values(in, source, dtype, shape, type);
    }

    private static boolean supported(String kind, int bytes) {
        return switch (kind) {
            case "f" -> bytes == 4 || bytes == 8;
            case "b" -> bytes == 1;
            default -> bytes == 1 || bytes == 2 || bytes == 4 || bytes == 8;
        };
    }

    private static String descr(String source, String dict) throws IOException {
        Matcher m = DESCR.matcher(dict);
        if (!m.find()) {
            throw new IOException(source + ": the .npy header has no 'descr' (dtype): " + dict.strip());
        }
        if (m.group(2) == null) {
            throw new IOException(source + ": a structured array (dtype with fields); save each field as an array "
                    + "of its own");
        }
        if (m.group(2).endsWith("O")) {
            throw new IOException(source + ": an object array (dtype " + m.group(2) + ", pickled Python objects) "
                    + "cannot be read; save numbers, e.g. numpy.concatenate the per-sample arrays into one");
        }
        return m.group(2);
    }

    private static boolean fortranOrder(String source, String dict) throws IOException {
        Matcher m = FORTRAN.matcher(dict);
        if (!m.find()) {
            throw new IOException(source + ": the .npy header has no 'fortran_order': " + dict.strip());
        }
        return m.group(1).equals("True");
    }

    private static int[] shape(String source, String dict) throws IOException {
        Matcher m = SHAPE.matcher(dict);
        if (!m.find()) {
            throw new IOException(source + ": the .npy header has no 'shape': " + dict.strip());
        }
        String[] parts = m.group(1).split(",");
        int[] shape = new int[parts.length];
        int n = 0;
        long size = 1;
        for (String p : parts) {
            if (p.isBlank()) {
                continue;
            }
            try {
                shape[n] = Integer.parseInt(p.strip());
            } catch (NumberFormatException e) {
                throw new IOException(source + ": the .npy header's shape (" + m.group(1) + ") is not a tuple of "
                        + "sizes");
            }
            size *= shape[n++];
            if (shape[n - 1] < 0 || size > Integer.MAX_VALUE - 8) {
                throw new IOException(source + ": shape (" + m.group(1) + ") is not supported (at most "
                        + (Integer.MAX_VALUE - 8) + " values)");
            }
        }
        return Arrays.copyOf(shape, n);
    }

    private static Array values(InputStream in, String source, String dtype, int[] shape, Matcher type)
            throws IOException {
        int n = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        int bytes = Integer.parseInt(type.group(3));
        long expected = (long) n * bytes;
        if (expected > Integer.MAX_VALUE - 8) {
            throw new IOException(source + ": " + expected + " bytes of data; arrays over 2 GB are not supported");
        }
        byte[] data = in.readNBytes((int) expected);
        if (data.length < expected) {
            throw new IOException(source + ": truncated: shape " + Arrays.toString(shape) + " of " + dtype
                    + " needs " + expected + " bytes of data, the file has " + data.length);
        }
        if (in.read() >= 0) {
            throw new IOException(source + ": more data than shape " + Arrays.toString(shape) + " of " + dtype
                    + " holds; the file is damaged");
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(type.group(1).equals(">") ? ByteOrder.BIG_ENDIAN
                : type.group(1).equals("=") ? ByteOrder.nativeOrder() : ByteOrder.LITTLE_ENDIAN);
        String kind = type.group(2);
        if (kind.equals("f")) {
            double[] d = new double[n];
            for (int k = 0; k < n; k++) {
                d[k] = bytes == 4 ? b.getFloat() : b.getDouble();
            }
            return new Array(source, dtype, shape, d, null);
        }
        long[] v = new long[n];
        for (int k = 0; k < n; k++) {
            long signed = switch (bytes) {
                case 1 -> b.get();
                case 2 -> b.getShort();
                case 4 -> b.getInt();
                default -> b.getLong();
            };
            v[k] = kind.equals("i") || bytes == 8 ? signed : signed & ((1L << (8 * bytes)) - 1);
            if (kind.equals("u") && bytes == 8 && signed < 0) {
                throw new IOException(source + ": entry " + k + " is " + Long.toUnsignedString(signed)
                        + ", beyond the integers supported (up to " + Long.MAX_VALUE + ")");
            }
        }
        return new Array(source, dtype, shape, null, v);
    }
}
