package io.smoothspike.io.numpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link NpyReader} and {@link NpzReader} on files numpy wrote: {@code make_files.py} in the test resources folder
 * {@code io/smoothspike/data/spikefiles} wrote them (numpy 1.24; run it again to remake them), and damaged copies.
 */
class NpyReaderTest {

    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(NpyReaderTest.class.getResource("/io/smoothspike/data/spikefiles/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"le-f8", "le-f4", "le-i8", "le-i4", "le-i2", "na-u1", "na-i1", "le-u2", "le-u4", "le-u8",
        "be-f8", "be-f4", "be-i8", "be-i4", "be-i2"})
    void readsEachDtypeAndByteOrder(String name) throws IOException {
        NpyReader.Array a = NpyReader.read(resource("npy/" + name + ".npy"));
        assertArrayEquals(new int[] {5}, a.shape());
        assertEquals(name.substring(3, 4).equals("f"), !a.isIntegral(), a.dtype());
        assertEquals(name.startsWith("be") ? '>' : name.startsWith("le") ? '<' : '|', a.dtype().charAt(0));
        assertArrayEquals(new double[] {0, 1, 2, 100, 127}, a.toDoubles(), 0.0);
        if (a.isIntegral()) {
            assertArrayEquals(new int[] {0, 1, 2, 100, 127}, a.toInts());
        }
    }

    @Test
    void readsBooleansNegativesSpecialValuesMatricesAndScalars() throws IOException {
        assertArrayEquals(new int[] {1, 0, 1}, NpyReader.read(resource("npy/na-b1.npy")).toInts());
        assertArrayEquals(new int[] {-3, -1, 2}, NpyReader.read(resource("npy/negative.npy")).toInts());
        double[] special = NpyReader.read(resource("npy/special.npy")).toDoubles();
        assertTrue(Double.isNaN(special[0]));
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, -0.0, 1e-300},
                Arrays.copyOfRange(special, 1, 4), 0.0);
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(special[2]), "the sign of zero kept");
        NpyReader.Array m = NpyReader.read(resource("npy/matrix.npy"));
        assertArrayEquals(new int[] {2, 3}, m.shape());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1, 1.25}, m.toDoubles(), 0.0, "C order");
        NpyReader.Array scalar = NpyReader.read(resource("npy/scalar.npy"));
        assertArrayEquals(new int[0], scalar.shape());
        assertArrayEquals(new double[] {2.5}, scalar.toDoubles(), 0.0);
    }

    @Test
    void readsHeaderVersions2And3() throws IOException {
        for (String name : List.of("version2", "version3")) {
            assertArrayEquals(new double[] {1.5, -2.5}, NpyReader.read(resource("npy/" + name + ".npy")).toDoubles(),
                    0.0, name);
        }
    }

    @Test
    void refusesWhatItCannotReadSayingWhy() {
        assertMessage("npy/fortran.npy", "Fortran order; save it in C order");
        assertMessage("npy/object.npy", "an object array (dtype |O");
        assertMessage("npy/complex.npy", "dtype <c16 is not supported");
        assertMessage("npy/structured.npy", "a structured array");
        IOException floats = assertThrows(IOException.class,
                () -> NpyReader.read(resource("npy/le-f8.npy")).toInts());
        assertTrue(floats.getMessage().endsWith("holds <f8 values; integers are needed here (save it with "
                + ".astype(int))"), floats.getMessage());
    }

    private static void assertMessage(String name, String expected) {
        IOException e = assertThrows(IOException.class, () -> NpyReader.read(resource(name)));
        assertTrue(e.getMessage().startsWith(resource(name) + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void damagedFilesAreRefusedWithTheirName() throws IOException {
        byte[] good = Files.readAllBytes(resource("npy/le-f8.npy"));
        assertDamaged(Arrays.copyOf(good, good.length - 3), "truncated: shape [5] of <f8 needs 40 bytes of data, "
                + "the file has 37");
        assertDamaged(Arrays.copyOf(good, 20), "truncated: the file ends inside the .npy header");
        byte[] magic = good.clone();
        magic[1] = 'X';
        assertDamaged(magic, "not a .npy file (it does not start with \\x93NUMPY; write it with numpy.save)");
        byte[] version = good.clone();
        version[6] = 4;
        assertDamaged(version, ".npy format version 4.0 is not supported (versions 1, 2 and 3 are)");
        byte[] longer = Arrays.copyOf(good, good.length + 8);
        assertDamaged(longer, "more data than shape [5] of <f8 holds");
    }

    private void assertDamaged(byte[] content, String expected) throws IOException {
        Path f = Files.write(dir.resolve("damaged.npy"), content);
        IOException e = assertThrows(IOException.class, () -> NpyReader.read(f));
        assertEquals(f + ": " + expected, e.getMessage().substring(0, Math.min(e.getMessage().length(),
                (f + ": " + expected).length())));
    }

    @Test
    void readsNpzArchivesStoredAndDeflated() throws IOException {
        Map<String, NpyReader.Array> stored = NpzReader.read(resource("train.npz"));
        assertEquals(List.of("samples", "channels", "times", "labels"), List.copyOf(stored.keySet()));
        assertEquals(96, stored.get("times").size());
        Map<String, NpyReader.Array> deflated = NpzReader.read(resource("compressed.npz"));
        assertArrayEquals(new double[] {0.5, 0.25, 1}, deflated.get("times").toDoubles(), 0.0);
        assertEquals("<f4", deflated.get("times").dtype());
        assertArrayEquals(new int[] {1, 0, 1}, deflated.get("channels").toInts());
        assertArrayEquals(new int[] {3, 4}, deflated.get("labels").toInts());
    }

    @Test
    void damagedNpzArchivesAreRefusedWithTheirName() throws IOException {
        byte[] good = Files.readAllBytes(resource("compressed.npz"));
        Path cut = Files.write(dir.resolve("cut.npz"), Arrays.copyOf(good, good.length / 2));
        IOException e = assertThrows(IOException.class, () -> NpzReader.read(cut));
        assertTrue(e.getMessage().startsWith(cut + ": not an .npz file (not a complete zip archive"), e.getMessage());
        Path npy = resource("npy/le-f8.npy");
        e = assertThrows(IOException.class, () -> NpzReader.read(npy));
        assertTrue(e.getMessage().startsWith(npy + ": not an .npz file"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("none.npz")));
        e = assertThrows(IOException.class, () -> NpzReader.read(dir.resolve("none.npz")));
        assertTrue(e.getMessage().contains("none.npz"), e.getMessage());
    }
}
