package io.smoothspike.io.numpy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A minimal reader of .npy and .npz bytes for the tests: the header's dtype and shape, the data as raw bytes. */
public record NpyBytes(String descr, int[] shape, ByteBuffer data) {

    private static final Pattern HEADER = Pattern.compile(
            "\\{'descr': '([^']+)', 'fortran_order': False, 'shape': \\(([0-9, ]*)\\), \\} *\n");

    /** Parses one .npy file. */
    public static NpyBytes parse(byte[] npy) {
        ByteBuffer b = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[8];
        b.get(magic);
        if (!Arrays.equals(magic, NpyWriter.MAGIC)) {
            throw new IllegalArgumentException("not an .npy 1.0 file");
        }
        int length = Short.toUnsignedInt(b.getShort());
        String header = new String(npy, 10, length, StandardCharsets.ISO_8859_1);
        Matcher m = HEADER.matcher(header);
        if (!m.matches() || (10 + length) % 64 != 0) {
            throw new IllegalArgumentException("bad header: " + header);
        }
        int[] shape = Arrays.stream(m.group(2).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        ByteBuffer data = ByteBuffer.wrap(npy, 10 + length, npy.length - 10 - length).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        return new NpyBytes(m.group(1), shape, data);
    }

    /** The entries of an .npz archive by array name, in order. */
    public static Map<String, byte[]> entries(byte[] npz) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(npz))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                out.put(e.getName().replaceFirst("\\.npy$", ""), zip.readAllBytes());
            }
        }
        return out;
    }

    /** The arrays of an .npz archive, parsed. */
    public static Map<String, NpyBytes> arrays(byte[] npz) throws IOException {
        Map<String, NpyBytes> out = new LinkedHashMap<>();
        entries(npz).forEach((name, bytes) -> out.put(name, parse(bytes)));
        return out;
    }

    /** The values as doubles (dtype {@code <f8}). */
    public double[] doubles() {
        check("<f8");
        double[] v = new double[data.remaining() / 8];
        data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(v);
        return v;
    }

    /** The values as ints (dtype {@code <i4}). */
    public int[] ints() {
        check("<i4");
        int[] v = new int[data.remaining() / 4];
        data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(v);
        return v;
    }

    /** The values as booleans (dtype {@code |b1}). */
    public boolean[] booleans() {
        check("|b1");
        boolean[] v = new boolean[data.remaining()];
        for (int k = 0; k < v.length; k++) {
            v[k] = data.get(k) != 0;
        }
        return v;
    }

    /** The values as strings (dtype {@code <Un}). */
    public String[] strings() {
        if (!descr.startsWith("<U")) {
            throw new IllegalStateException("dtype " + descr + ", not a string");
        }
        int width = Integer.parseInt(descr.substring(2));
        String[] v = new String[data.remaining() / (4 * width)];
        for (int k = 0; k < v.length; k++) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < width; c++) {
                int point = data.getInt((k * width + c) * 4);
                if (point != 0) {
                    sb.appendCodePoint(point);
                }
            }
            v[k] = sb.toString();
        }
        return v;
    }

    private void check(String expected) {
        if (!descr.equals(expected)) {
            throw new IllegalStateException("dtype " + descr + ", not " + expected);
        }
    }

    /** The bytes of one array as NpyWriter writes them. */
    static byte[] npy(NpzWriter.Array array) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        array.writeTo(out);
        return out.toByteArray();
    }
}
