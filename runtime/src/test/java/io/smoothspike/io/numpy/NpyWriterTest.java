package io.smoothspike.io.numpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NpyWriter and NpzWriter against the bytes numpy writes (reference.npz, made by make_reference.py beside it). */
class NpyWriterTest {

    /** The arrays of make_reference.py, written by NpyWriter. */
    private static Map<String, NpzWriter.Array> sameArrays() {
        Map<String, NpzWriter.Array> a = new LinkedHashMap<>();
        a.put("matrix", out -> NpyWriter.write(out, new double[] {0.5, -1.25, 3.0, 1e-300, Double.POSITIVE_INFINITY,
                Double.NaN}, 2, 3));
        a.put("vector", out -> NpyWriter.write(out, new double[] {1, 2, 3}, 3));
        a.put("scalar", out -> NpyWriter.write(out, new double[] {2.5}));
        a.put("empty", out -> NpyWriter.write(out, new double[0], 0, 4));
        a.put("ints", out -> NpyWriter.write(out, new int[] {7, -3, Integer.MAX_VALUE}, 3));
        a.put("longs", out -> NpyWriter.write(out, new long[] {1, -2, 1L << 40, 0}, 2, 2));
        a.put("mask", out -> NpyWriter.write(out, new boolean[] {true, false, false, true}, 2, 2));
        a.put("names", out -> NpyWriter.write(out, new String[] {"h1", "out", "\u03c4 \uD835\uDF0F", ""}, 4));
        double[] cube = new double[24];
        for (int k = 0; k < cube.length; k++) {
            cube[k] = k;
        }
        a.put("cube", out -> NpyWriter.write(out, cube, 2, 3, 4));
        return a;
    }

    private static Map<String, byte[]> reference() throws IOException {
        try (InputStream in = NpyWriterTest.class.getResourceAsStream("reference.npz")) {
            return NpyBytes.entries(in.readAllBytes());
        }
    }

    @Test
    void writesTheBytesNumpyWrites() throws IOException {
        Map<String, byte[]> numpy = reference();
        Map<String, NpzWriter.Array> ours = sameArrays();
        assertEquals(List.copyOf(numpy.keySet()), List.copyOf(ours.keySet()));
        for (var e : ours.entrySet()) {
            assertArrayEquals(numpy.get(e.getKey()), NpyBytes.npy(e.getValue()), e.getKey());
        }
    }

    @Test
    void headersAreAlignedTo64Bytes() throws IOException {
        for (int dims = 0; dims < 12; dims++) {
            int[] shape = new int[dims];
            java.util.Arrays.fill(shape, 1);
            byte[] header = NpyWriter.header("<f8", shape);
            assertEquals(0, header.length % 64, dims + " dimensions");
            assertEquals('\n', header[header.length - 1]);
        }
    }

    @Test
    void archiveReadsBackArrayByArray() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (NpzWriter npz = new NpzWriter(bytes)) {
            npz.add("in->out.weight", new double[] {1, 2, 3, 4, 5, 6}, 3, 2)
                    .add("in->out.mask", new boolean[] {true, false, true, true, false, true}, 3, 2)
                    .add("labels", new int[] {3, 1}, 2)
                    .add("populations", new String[] {"hidden", "out"}, 2);
        }
        Map<String, NpyBytes> back = NpyBytes.arrays(bytes.toByteArray());
        assertEquals(List.of("in->out.weight", "in->out.mask", "labels", "populations"), List.copyOf(back.keySet()));
        assertArrayEquals(new int[] {3, 2}, back.get("in->out.weight").shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, back.get("in->out.weight").doubles());
        assertArrayEquals(new boolean[] {true, false, true, true, false, true}, back.get("in->out.mask").booleans());
        assertArrayEquals(new int[] {3, 1}, back.get("labels").ints());
        assertArrayEquals(new String[] {"hidden", "out"}, back.get("populations").strings());
    }

    @Test
    void sameArraysGiveTheSameArchive() throws IOException {
        byte[][] twice = new byte[2][];
        for (int k = 0; k < 2; k++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (NpzWriter npz = new NpzWriter(bytes)) {
                npz.add("x", new double[] {1.5}, 1);
            }
            twice[k] = bytes.toByteArray();
        }
        assertArrayEquals(twice[0], twice[1]);
    }

    @Test
    void refusesAShapeThatDoesNotFitTheValuesAndDuplicateNames() throws IOException {
        var e = assertThrows(IllegalArgumentException.class,
                () -> NpyWriter.write(new ByteArrayOutputStream(), new double[5], 2, 3));
        assertEquals("shape [2, 3] holds 6 values, got 5", e.getMessage());
        try (NpzWriter npz = new NpzWriter(new ByteArrayOutputStream())) {
            npz.add("x", new int[] {1}, 1);
            var dup = assertThrows(IllegalArgumentException.class, () -> npz.add("x", new int[] {2}, 1));
            assertTrue(dup.getMessage().contains("two arrays are named 'x'"));
        }
    }
}
