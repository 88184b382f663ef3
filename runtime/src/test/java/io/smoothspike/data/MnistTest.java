package io.smoothspike.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a fake tiny MNIST, locating the data directory, and SHA-256 verification. */
class MnistTest {

    @TempDir
    Path tmp;

    private static final int[] TRAIN_LABELS = {5, 0, 4, 1, 9};
    private static final int[] TEST_LABELS = {7, 2, 1};

    private static byte[] images(int n, int rows, int cols, int seed) {
        byte[] d = new byte[n * rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) (i * 31 + seed);
        }
        return d;
    }

    private static byte[] labels(int[] l) {
        byte[] d = new byte[l.length];
        for (int i = 0; i < l.length; i++) {
            d[i] = (byte) l[i];
        }
        return d;
    }

    private static void put(Path dir, String name, byte[] idx, boolean gz) throws IOException {
        Files.createDirectories(dir);
        if (gz) {
            Files.write(dir.resolve(name + ".gz"), IdxTest.gzip(idx));
        } else {
            Files.write(dir.resolve(name), idx);
        }
    }

    /** Writes a fake MNIST: 5 training images (raw files) and 3 test images (.gz files). */
    static Path fakeMnist(Path dir) throws IOException {
        put(dir, "train-images-idx3-ubyte", IdxTest.idx(8, new int[] {5, 28, 28}, images(5, 28, 28, 3)), false);
        put(dir, "train-labels-idx1-ubyte", IdxTest.idx(8, new int[] {5}, labels(TRAIN_LABELS)), false);
        put(dir, "t10k-images-idx3-ubyte", IdxTest.idx(8, new int[] {3, 28, 28}, images(3, 28, 28, 11)), true);
        put(dir, "t10k-labels-idx1-ubyte", IdxTest.idx(8, new int[] {3}, labels(TEST_LABELS)), true);
        return dir;
    }

    /** SHA-256 of each MNIST file present in {@code dir}, as {@link Mnist#load} expects them. */
    static Map<String, String> sumsOf(Path dir) throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String name : Mnist.SHA256.keySet()) {
            Path p = Mnist.find(dir, name);
            if (p != null) {
                sums.put(name, Sha256Cache.hash(p));
            }
        }
        return sums;
    }

    /** Loads a split of a fake MNIST, checked against the sums of its files as they are now. */
    private static Mnist load(Path dir, Mnist.Split split) throws IOException {
        return Mnist.load(dir, split, sumsOf(dir), new Sha256Cache());
    }

    @Test
    void loadsRawAndGzippedSplits() throws IOException {
        Path dir = fakeMnist(tmp.resolve("m"));
        Mnist train = load(dir, Mnist.Split.TRAIN);
        assertEquals(5, train.size());
        assertEquals(Mnist.Split.TRAIN, train.split());
        assertArrayEquals(TRAIN_LABELS, train.labels());
        assertEquals(4, train.label(2));
        byte[] raw = images(5, 28, 28, 3);
        double[] px = train.pixels(3);
        assertEquals(784, px.length);
        for (int p = 0; p < 784; p++) {
            assertEquals(raw[3 * 784 + p] & 0xff, px[p], 0.0);
            assertEquals(raw[3 * 784 + p] & 0xff, train.pixel(3, p));
        }
        double[] buf = new double[800];
        assertSame(buf, train.pixels(3, buf));
        for (int p = 0; p < 784; p++) {
            assertEquals(px[p], buf[p], 0.0);
        }
        train.labels()[0] = 99;
        assertEquals(5, train.label(0), "labels() is a copy");

        Mnist test = load(dir, Mnist.Split.TEST);
        assertEquals(3, test.size());
        assertArrayEquals(TEST_LABELS, test.labels());
        assertEquals(images(3, 28, 28, 11)[784 + 10] & 0xff, test.pixels(1)[10], 0.0);
        assertThrows(IllegalArgumentException.class, () -> test.pixels(0, new double[783]));
        assertThrows(IndexOutOfBoundsException.class, () -> test.pixels(3));
    }

    @Test
    void rawFileWinsOverGz() throws IOException {
        Path dir = fakeMnist(tmp.resolve("m"));
        put(dir, "t10k-labels-idx1-ubyte", IdxTest.idx(8, new int[] {3}, labels(new int[] {0, 0, 0})), false);
        assertArrayEquals(new int[] {0, 0, 0}, load(dir, Mnist.Split.TEST).labels());
    }

    @Test
    void countMismatchIsReported() throws IOException {
        Path dir = fakeMnist(tmp.resolve("m"));
        put(dir, "train-labels-idx1-ubyte", IdxTest.idx(8, new int[] {4}, labels(new int[] {1, 2, 3, 4})), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load(dir, Mnist.Split.TRAIN));
        assertTrue(e.getMessage().contains("5 images in train-images-idx3-ubyte but 4 labels in"
                + " train-labels-idx1-ubyte"), e.getMessage());
    }

    @Test
    void labelOutOfRangeIsReported() throws IOException {
        Path dir = fakeMnist(tmp.resolve("m"));
        put(dir, "train-labels-idx1-ubyte", IdxTest.idx(8, new int[] {5}, labels(new int[] {1, 2, 10, 4, 5})),
                false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load(dir, Mnist.Split.TRAIN));
        assertEquals(dir.resolve("train-labels-idx1-ubyte") + ": label 10 of item 2 is outside 0..9",
                e.getMessage());
    }

    @Test
    void imagesMustBe28By28() throws IOException {
        Path dir = fakeMnist(tmp.resolve("m"));
        put(dir, "t10k-images-idx3-ubyte", IdxTest.idx(8, new int[] {3, 28, 27}, images(3, 28, 27, 0)), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load(dir, Mnist.Split.TEST));
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte: dimension mismatch: expected dimensions"
                + " [*, 28, 28], found [3, 28, 27]"), e.getMessage());
    }

    @Test
    void missingFileIsReported() throws IOException {
        Path dir = fakeMnist(tmp.resolve("m"));
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        IOException e = assertThrows(IOException.class, () -> load(dir, Mnist.Split.TEST));
        assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte (or t10k-labels-idx1-ubyte.gz) not found"),
                e.getMessage());
        assertFalse(Mnist.hasFiles(dir));
    }

    // ------------------------------------------------------------------ load-time verification

    @Test
    void loadRejectsAFlippedPixel() throws IOException {
        Path dir = fakeMnist(tmp.resolve("m"));
        Map<String, String> sums = sumsOf(dir);
        Path images = dir.resolve("train-images-idx3-ubyte");
        byte[] img = Files.readAllBytes(images);
        img[16 + 784 * 2 + 300] ^= 1;
        Files.write(images, img);
        IOException e = assertThrows(IOException.class,
                () -> Mnist.load(dir, Mnist.Split.TRAIN, sums, new Sha256Cache()));
        Path abs = dir.toAbsolutePath();
        assertEquals("MNIST file " + images + " is not the published MNIST file: its SHA-256 is "
                + Sha256Cache.hash(images) + ", expected " + sums.get("train-images-idx3-ubyte") + ". Data of another"
                + " origin in this format loads with idx(dir: '" + abs + "') in a script (IdxImages.read in Java),"
                + " without this check; './smoothspike data mnist' puts the published MNIST into the user cache ("
                + Mnist.defaultCacheDir() + ").", e.getMessage());
        assertFalse(e.getMessage().contains("--dir"), "never suggests fetching over the user's files");
        // the other split is untouched and still loads
        assertEquals(3, Mnist.load(dir, Mnist.Split.TEST, sums, new Sha256Cache()).size());
    }

    @Test
    void loadRejectsAChangedLabelInAGzFile() throws IOException {
        Path dir = fakeMnist(tmp.resolve("m"));
        Map<String, String> sums = sumsOf(dir);
        put(dir, "t10k-labels-idx1-ubyte", IdxTest.idx(8, new int[] {3}, labels(new int[] {7, 2, 2})), true);
        IOException e = assertThrows(IOException.class,
                () -> Mnist.load(dir, Mnist.Split.TEST, sums, new Sha256Cache()));
        assertTrue(e.getMessage().startsWith("MNIST file " + dir.resolve("t10k-labels-idx1-ubyte.gz")
                + " is not the published MNIST file: its SHA-256 (decompressed) is "), e.getMessage());
        assertTrue(e.getMessage().contains(", expected " + sums.get("t10k-labels-idx1-ubyte") + "."),
                e.getMessage());
    }

    @Test
    void publicLoadAlwaysChecksThePublishedSums() throws IOException {
        Path dir = fakeMnist(tmp.resolve("m"));
        IOException e = assertThrows(IOException.class, () -> Mnist.load(dir, Mnist.Split.TEST));
        assertTrue(e.getMessage().contains(", expected " + Mnist.SHA256.get("t10k-images-idx3-ubyte") + "."),
                e.getMessage());
        System.setProperty("smoothspike.data.verify", "false");
        try {
            assertThrows(IOException.class, () -> Mnist.load(dir, Mnist.Split.TEST), "the old opt-out is gone");
        } finally {
            System.clearProperty("smoothspike.data.verify");
        }
        // the generic reader loads the same files without a check
        assertArrayEquals(TEST_LABELS, IdxImages.read(dir, Mnist.Split.TEST).labels());
    }

    @Test
    void damagedCopyInTheCacheIsFetchedAgain() {
        Path cache = tmp.resolve("cache/smoothspike/mnist");
        String m = IdxDataSet.MNIST.mismatchMessage(cache.resolve("t10k-labels-idx1-ubyte.gz"), "ab", "cd", cache);
        assertEquals("MNIST file " + cache.resolve("t10k-labels-idx1-ubyte.gz") + " is not the published MNIST file:"
                + " its SHA-256 (decompressed) is ab, expected cd. The copy in the user cache is damaged; run"
                + " './smoothspike data mnist' to fetch it again.", m);
    }

    // ------------------------------------------------------------------ locate

    @Test
    void locateOrder() throws IOException {
        Path explicit = fakeMnist(tmp.resolve("explicit"));
        Path envDir = fakeMnist(tmp.resolve("env"));
        Path envParent = tmp.resolve("envparent");
        Path envSub = fakeMnist(envParent.resolve("mnist"));
        Path xdg = tmp.resolve("xdg");
        Path cache = fakeMnist(xdg.resolve("smoothspike").resolve("mnist"));
        String home = tmp.resolve("home").toString();

        Map<String, String> env = new LinkedHashMap<>();
        env.put("SMOOTHSPIKE_DATA", envDir.toString());
        env.put("XDG_CACHE_HOME", xdg.toString());
        assertEquals(explicit, Mnist.locate(explicit, env, home), "explicit dir first");
        assertEquals(envDir, Mnist.locate(null, env, home), "then SMOOTHSPIKE_DATA");
        env.put("SMOOTHSPIKE_DATA", envParent.toString());
        assertEquals(envSub, Mnist.locate(null, env, home), "or its subfolder mnist");
        env.put("SMOOTHSPIKE_DATA", tmp.resolve("nothing-here").toString());
        assertEquals(cache, Mnist.locate(null, env, home), "then the user cache");
        env.remove("SMOOTHSPIKE_DATA");
        assertEquals(cache, Mnist.locate(null, env, home));

        // the explicit directory is not second-guessed: without the files it is an error
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Mnist.locate(tmp.resolve("home"), env, home));
        assertTrue(e.getMessage().startsWith("no MNIST data in " + tmp.resolve("home") + " (not a directory)"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(Mnist.HOW_TO_GET), e.getMessage());
    }

    @Test
    void cacheDirFollowsXdg() {
        Map<String, String> env = new LinkedHashMap<>();
        assertEquals(Path.of("/h/.cache/smoothspike/mnist"), Mnist.defaultCacheDir(env, "/h"));
        env.put("XDG_CACHE_HOME", "/x/cache");
        assertEquals(Path.of("/x/cache/smoothspike/mnist"), Mnist.defaultCacheDir(env, "/h"));
        env.put("XDG_CACHE_HOME", "relative/ignored");
        assertEquals(Path.of("/h/.cache/smoothspike/mnist"), Mnist.defaultCacheDir(env, "/h"));
    }

    @Test
    void missingDataMessageSaysWhatToDo() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("XDG_CACHE_HOME", tmp.resolve("xdg").toString());
        env.put("SMOOTHSPIKE_DATA", tmp.resolve("data").toString());
        Path partial = tmp.resolve("partial");
        fakeMnist(partial);
        Files.delete(partial.resolve("train-images-idx3-ubyte"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Mnist.locate(null, env, tmp.toString()));
        assertEquals("MNIST data not found (looked in " + tmp.resolve("data") + ", "
                + tmp.resolve("data").resolve("mnist") + ", " + tmp.resolve("xdg/smoothspike/mnist") + "); run"
                + " './smoothspike data mnist' to download it, or pass --data DIR / set SMOOTHSPIKE_DATA",
                e.getMessage());
        IllegalStateException p = assertThrows(IllegalStateException.class,
                () -> Mnist.locate(partial, env, tmp.toString()));
        assertTrue(p.getMessage().startsWith("no MNIST data in " + partial + " (missing train-images-idx3-ubyte);"),
                p.getMessage());
    }

    // ------------------------------------------------------------------ verify

    @Test
    void verifyReportsFakeFilesAsCorrupt() throws IOException {
        Path dir = fakeMnist(tmp.resolve("m"));
        IdxDataSet.Verification v = Mnist.verify(dir);
        assertFalse(v.ok());
        assertEquals(4, v.problems().size());
        for (IdxDataSet.FileCheck f : v.files()) {
            assertEquals(IdxDataSet.Status.CORRUPT, f.status(), f.name());
            assertTrue(v.report().contains("CORRUPT  " + f.path() + ": SHA-256 " + f.sha256() + ", expected "
                    + Mnist.SHA256.get(f.name())), v.report());
        }
        assertTrue(v.report().contains("train-images-idx3-ubyte"));
        assertTrue(v.report().contains("t10k-labels-idx1-ubyte.gz"));
    }

    @Test
    void verifyNamesTheOneCorruptFile() throws IOException {
        Path dir = fakeMnist(tmp.resolve("m"));
        Map<String, String> sums = sumsOf(dir);
        assertTrue(Mnist.verify(dir, sums).ok());
        // .gz files are hashed after decompression
        Path raw = tmp.resolve("raw");
        Files.createDirectories(raw);
        Files.write(raw.resolve("x"), IdxTest.idx(8, new int[] {3}, labels(TEST_LABELS)));
        assertEquals(Sha256Cache.hash(raw.resolve("x")), sums.get("t10k-labels-idx1-ubyte"));

        byte[] img = Files.readAllBytes(dir.resolve("train-images-idx3-ubyte"));
        img[100] ^= 1;
        Files.write(dir.resolve("train-images-idx3-ubyte"), img);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        IdxDataSet.Verification v = Mnist.verify(dir, sums);
        assertFalse(v.ok());
        assertEquals(2, v.problems().size());
        assertEquals("train-images-idx3-ubyte", v.problems().get(0).name());
        assertEquals(IdxDataSet.Status.CORRUPT, v.problems().get(0).status());
        assertEquals("t10k-labels-idx1-ubyte", v.problems().get(1).name());
        assertEquals(IdxDataSet.Status.MISSING, v.problems().get(1).status());
        assertNull(v.problems().get(1).path());
        String report = v.report();
        assertTrue(report.contains("CORRUPT  " + dir.resolve("train-images-idx3-ubyte")), report);
        assertTrue(report.contains("MISSING  " + dir.resolve("t10k-labels-idx1-ubyte") + "[.gz]: not found"),
                report);
        assertTrue(report.contains("ok       " + dir.resolve("train-labels-idx1-ubyte")), report);
    }
}
