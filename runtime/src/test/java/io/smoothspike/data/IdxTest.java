package io.smoothspike.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX reading: raw and gzip (detected by content), and the error messages for malformed files. */
class IdxTest {

    @TempDir
    Path tmp;

    /** An IDX file of unsigned bytes with the given type code, dimensions and data. */
    static byte[] idx(int type, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeByte(0);
        out.writeByte(0);
        out.writeByte(type);
        out.writeByte(dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        out.flush();
        return b.toByteArray();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
            gz.write(raw);
        }
        return b.toByteArray();
    }

    private static byte[] ramp(int n) {
        byte[] d = new byte[n];
        for (int i = 0; i < n; i++) {
            d[i] = (byte) (i * 37 + 200);
        }
        return d;
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(tmp.resolve(name), content);
    }

    @Test
    void readsRawFile() throws IOException {
        byte[] data = ramp(2 * 3 * 4);
        Idx idx = Idx.read(write("a-idx3-ubyte", idx(0x08, new int[] {2, 3, 4}, data)));
        assertArrayEquals(new int[] {2, 3, 4}, idx.dims());
        assertArrayEquals(data, idx.data());
        assertEquals(3, idx.rank());
        assertEquals(2, idx.count());
        assertEquals(12, idx.itemSize());
        assertEquals(200, idx.unsigned(0), "values above 127 read as unsigned");
        assertEquals(data[5] & 0xff, idx.unsigned(5));
        assertTrue(idx.source().endsWith("a-idx3-ubyte"));
    }

    @Test
    void readsGzipByContentNotByName() throws IOException {
        byte[] data = ramp(7);
        // no .gz suffix: compression is recognised by the magic bytes
        Idx idx = Idx.read(write("labels-idx1-ubyte", gzip(idx(0x08, new int[] {7}, data))));
        assertArrayEquals(new int[] {7}, idx.dims());
        assertArrayEquals(data, idx.data());
        // and a raw file with a .gz name is read as raw
        Idx raw = Idx.read(write("misnamed.gz", idx(0x08, new int[] {7}, data)));
        assertArrayEquals(data, raw.data());
    }

    @Test
    void emptyDimensionIsAllowed() throws IOException {
        Idx idx = Idx.read(write("empty", idx(0x08, new int[] {0, 28, 28}, new byte[0])));
        assertEquals(0, idx.count());
        assertEquals(784, idx.itemSize());
    }

    @Test
    void badMagicNumber() throws IOException {
        Path f = write("bad-magic", new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0});
        IOException e = assertThrows(IOException.class, () -> Idx.read(f));
        assertTrue(e.getMessage().startsWith(f.toString() + ": not an IDX file (bad magic number 0x504b0304"),
                e.getMessage());
    }

    @Test
    void unsupportedType() throws IOException {
        Path f = write("floats", idx(0x0D, new int[] {1}, new byte[4]));
        IOException e = assertThrows(IOException.class, () -> Idx.read(f));
        assertTrue(e.getMessage().startsWith(f + ": unsupported IDX data type 0x0d (float)"), e.getMessage());
        assertTrue(e.getMessage().contains("only unsigned byte (0x08)"), e.getMessage());
    }

    @Test
    void truncatedData() throws IOException {
        byte[] full = idx(0x08, new int[] {3, 2, 2}, ramp(12));
        Path f = write("short", Arrays.copyOf(full, full.length - 5));
        IOException e = assertThrows(IOException.class, () -> Idx.read(f));
        assertEquals(f + ": truncated: dimensions [3, 2, 2] declare 12 bytes of data but only 7 are present",
                e.getMessage());
        // the same cut inside gzip
        Path g = write("short.gz", gzip(Arrays.copyOf(full, full.length - 5)));
        IOException eg = assertThrows(IOException.class, () -> Idx.read(g));
        assertTrue(eg.getMessage().startsWith(g + ": truncated: dimensions [3, 2, 2]"), eg.getMessage());
    }

    @Test
    void truncatedHeader() throws IOException {
        Path f = write("tiny", new byte[] {0, 0});
        IOException e = assertThrows(IOException.class, () -> Idx.read(f));
        assertTrue(e.getMessage().startsWith(f + ": truncated: 2 bytes, too short for an IDX header"),
                e.getMessage());
        byte[] full = idx(0x08, new int[] {3, 2, 2}, new byte[0]);
        Path g = write("dims-cut", Arrays.copyOf(full, 10));
        IOException eg = assertThrows(IOException.class, () -> Idx.read(g));
        assertTrue(eg.getMessage().startsWith(g + ": truncated: the header declares 3 dimensions"),
                eg.getMessage());
    }

    @Test
    void truncatedGzipStream() throws IOException {
        byte[] gz = gzip(idx(0x08, new int[] {1000}, ramp(1000)));
        Path f = write("cut.gz", Arrays.copyOf(gz, gz.length / 2));
        IOException e = assertThrows(IOException.class, () -> Idx.read(f));
        assertTrue(e.getMessage().startsWith(f + ": truncated"), e.getMessage());
    }

    @Test
    void trailingBytesAreADimensionMismatch() throws IOException {
        Path f = write("long", idx(0x08, new int[] {2, 2}, ramp(7)));
        IOException e = assertThrows(IOException.class, () -> Idx.read(f));
        assertEquals(f + ": dimension mismatch: dimensions [2, 2] declare 4 bytes of data but 3 more bytes follow",
                e.getMessage());
    }

    @Test
    void requireShapeNamesTheFile() throws IOException {
        Path f = write("img", idx(0x08, new int[] {2, 27, 28}, new byte[2 * 27 * 28]));
        Idx idx = Idx.read(f);
        assertEquals(idx, idx.requireShape(-1, 27, 28));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> idx.requireShape(-1, 28, 28));
        assertEquals(f + ": dimension mismatch: expected dimensions [*, 28, 28], found [2, 27, 28]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> idx.requireShape(-1));
    }
}
