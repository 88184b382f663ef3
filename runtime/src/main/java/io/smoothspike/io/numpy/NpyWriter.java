package io.smoothspike.io.numpy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes one array in NumPy's {@code .npy} format, version 1.0, as {@code numpy.save} does: the magic string, a
 * header dictionary ({@code descr}, {@code fortran_order}, {@code shape}) padded with spaces so that the data starts
 * at a multiple of 64 bytes, then the values in C (row-major) order, little-endian. Values are doubles
 * ({@code <f8}), ints ({@code <i4}), longs ({@code <i8}), booleans ({@code |b1}) or strings (fixed-width UTF-32,
 * {@code <U}n, n the longest string's length in code points).
 */
public final class NpyWriter {

    /** The magic string that starts every {@code .npy} file. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    /** The data starts at a multiple of this many bytes. */
    private static final int ALIGN = 64;
    /** NumPy leaves room in the header for the first axis to grow to this many digits. */
    private static final int GROWTH_DIGITS = 21;

    private NpyWriter() {
    }

    /** Writes doubles of the given shape (row-major; their number must be the product of the shape). */
    public static void write(OutputStream out, double[] values, int... shape) throws IOException {
        check(values.length, shape);
        ByteBuffer b = buffer(values.length, 8);
        for (double v : values) {
            b.putDouble(v);
        }
        write(out, "<f8", shape, b);
    }

    /** Writes 32-bit ints of the given shape. */
    public static void write(OutputStream out, int[] values, int... shape) throws IOException {
        check(values.length, shape);
        ByteBuffer b = buffer(values.length, 4);
        for (int v : values) {
            b.putInt(v);
        }
        write(out, "<i4", shape, b);
    }

    /** Writes 64-bit ints of the given shape. */
    public static void write(OutputStream out, long[] values, int... shape) throws IOException {
        check(values.length, shape);
        ByteBuffer b = buffer(values.length, 8);
        for (long v : values) {
            b.putLong(v);
        }
        write(out, "<i8", shape, b);
    }

    /** Writes booleans of the given shape. */
    public static void write(OutputStream out, boolean[] values, int... shape) throws IOException {
        check(values.length, shape);
        ByteBuffer b = buffer(values.length, 1);
        for (boolean v : values) {
            b.put((byte) (v ? 1 : 0));
        }
        write(out, "|b1", shape, b);
    }

    /** Writes strings of the given shape (none may be null). */
    public static void write(OutputStream out, String[] values, int... shape) throws IOException {
        check(values.length, shape);
        int width = 1; // numpy's width for empty strings too
        for (String s : values) {
            width = Math.max(width, s.codePointCount(0, s.length()));
        }
        ByteBuffer b = buffer(values.length, 4L * width);
        for (String s : values) {
            int[] points = s.codePoints().toArray();
            for (int k = 0; k < width; k++) {
                b.putInt(k < points.length ? points[k] : 0);
            }
        }
        write(out, "<U" + width, shape, b);
    }

    /**
     * The header of an array: magic, length and the dictionary, padded so that its length is a multiple of 64.
     */
    static byte[] header(String descr, int... shape) {
        String shapeText = shapeText(shape);
        StringBuilder dict = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': False, ")
                .append("'shape': ").append(shapeText).append(", }");
        if (shape.length > 0) {
            dict.append(" ".repeat(GROWTH_DIGITS - Integer.toString(shape[0]).length()));
        }
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        dict.append(" ".repeat(ALIGN - unpadded % ALIGN)).append('\n'); // 64, not 0, when aligned: as numpy
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (text.length > 0xFFFF) {
            throw new IllegalArgumentException("an array of " + shape.length + " dimensions has too long a header");
        }
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 2 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putShort((short) text.length).put(text);
        return b.array();
    }

    /** Python's repr of a shape tuple: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    private static String shapeText(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int k = 0; k < shape.length; k++) {
            sb.append(k > 0 ? ", " : "").append(shape[k]);
        }
        return sb.append(')').toString();
    }

    private static void check(int length, int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, got "
                    + length);
        }
    }

    private static ByteBuffer buffer(int count, long bytesEach) {
        long size = count * bytesEach;
        if (size > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("an array of " + size + " bytes is too large to write at once");
        }
        return ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void write(OutputStream out, String descr, int[] shape, ByteBuffer data) throws IOException {
        out.write(header(descr, shape));
        out.write(data.array(), 0, data.position());
    }
}
