package io.smoothspike.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fashion-MNIST from Debian's package: the extraction of the package's file tree, the whole fetch with stand-ins for
 * apt-get and dpkg-deb, the copy from an installed package, and what the user is told without apt or with other
 * files. Nothing is downloaded.
 */
class FashionMnistFetcherTest {

    @TempDir
    Path tmp;

    private static final String DIR = "./usr/share/datasets/fashion-mnist/";

    /** Four small IDX files (gzip-compressed, as in the package) by raw name. */
    private static Map<String, byte[]> fakeFiles() throws IOException {
        Map<String, byte[]> f = new LinkedHashMap<>();
        f.put("train-images-idx3-ubyte", IdxTest.gzip(IdxTest.idx(8, new int[] {2, 28, 28}, new byte[1568])));
        f.put("train-labels-idx1-ubyte", IdxTest.gzip(IdxTest.idx(8, new int[] {2}, new byte[] {9, 0})));
        f.put("t10k-images-idx3-ubyte", IdxTest.gzip(IdxTest.idx(8, new int[] {1, 28, 28}, new byte[784])));
        f.put("t10k-labels-idx1-ubyte", IdxTest.gzip(IdxTest.idx(8, new int[] {1}, new byte[] {3})));
        return f;
    }

    /** The file tree of the package as {@code dpkg-deb --fsys-tarfile} writes it. */
    private static byte[] packageTar(Map<String, byte[]> files) {
        MnistFetcherTest.Tar tar = new MnistFetcherTest.Tar().entry("./", '5', new byte[0])
                .entry("./usr/share/datasets/", '5', new byte[0])
                .file("./usr/share/doc/dataset-fashion-mnist/README.md.gz", new byte[] {1, 2, 3});
        files.forEach((name, content) -> tar.file(DIR + name + ".gz", content));
        return tar.end();
    }

    /** A set like Fashion-MNIST whose sums are those of {@code files}. */
    private IdxDataSet fakeSet(Map<String, byte[]> files) throws IOException {
        Path d = Files.createDirectories(tmp.resolve("sums"));
        Map<String, String> sums = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            sums.put(e.getKey(), Sha256Cache.hash(Files.write(d.resolve(e.getKey() + ".gz"), e.getValue())));
        }
        return new IdxDataSet("Fake-MNIST", "fake-mnist", false, "to fetch it", sums);
    }

    private static void executable(Path file, String script) throws IOException {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static List<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void extractsTheFourGzFilesFromThePackageTree() throws IOException {
        Map<String, byte[]> files = fakeFiles();
        Path tar = Files.write(tmp.resolve("data.tar"), packageTar(files));
        Path dest = Files.createDirectory(tmp.resolve("out"));
        Map<String, Path> out = FashionMnistFetcher.extract(IdxDataSet.FASHION_MNIST, tar, dest);
        assertEquals(List.copyOf(IdxDataSet.FASHION_MNIST.sha256().keySet()), List.copyOf(out.keySet()));
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(dest.resolve(e.getKey() + ".gz")), e.getKey());
        }
        assertEquals(4, namesIn(dest).size(), "only the four files are written");

        Map<String, byte[]> three = new LinkedHashMap<>(files);
        three.remove("t10k-labels-idx1-ubyte");
        Path partial = Files.write(tmp.resolve("partial.tar"), packageTar(three));
        Path dest2 = Files.createDirectory(tmp.resolve("out2"));
        IOException e = assertThrows(IOException.class,
                () -> FashionMnistFetcher.extract(IdxDataSet.FASHION_MNIST, partial, dest2));
        assertEquals("dataset-fashion-mnist lacks usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz (or the"
                + " raw file); has the package changed?", e.getMessage());
    }

    @Test
    void fetchesThePackageWithAptGetAndDpkgDeb() throws IOException, InterruptedException {
        Map<String, byte[]> files = fakeFiles();
        IdxDataSet set = fakeSet(files);
        Path tar = Files.write(tmp.resolve("package.tar"), packageTar(files));
        Path bin = Files.createDirectory(tmp.resolve("bin"));
        executable(bin.resolve("apt-get"), "#!/bin/sh\n[ \"$1 $2\" = \"download dataset-fashion-mnist\" ] || exit 3\n"
                + "echo fetched > dataset-fashion-mnist_0.0_all.deb\n");
        executable(bin.resolve("dpkg-deb"), "#!/bin/sh\n[ \"$1\" = --fsys-tarfile ] && [ -f \"$2\" ] || exit 4\n"
                + "cat '" + tar + "'\n");
        Path target = tmp.resolve("cache/fake-mnist");
        Files.createDirectories(target);
        Files.writeString(target.resolve("train-images-idx3-ubyte"), "a stale raw file that would win over the .gz");
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        MnistFetcher.Result r = FashionMnistFetcher.fetch(set, target, new PrintStream(log), tmp.resolve("none"),
                bin.toString());
        assertTrue(r.downloaded());
        assertEquals(List.of("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz",
                "train-labels-idx1-ubyte.gz"), namesIn(target), "verified files in place, no staging left");
        assertTrue(set.verify(target).ok());
        assertTrue(log.toString().contains("apt-get download"), log.toString());

        MnistFetcher.Result again = FashionMnistFetcher.fetch(set, target, new PrintStream(log), tmp.resolve("none"),
                bin.toString());
        assertFalse(again.downloaded());
        assertTrue(log.toString().contains("Fake-MNIST already present and verified in " + target), log.toString());
    }

    @Test
    void copiesAnInstalledPackageAndChecksIt() throws IOException, InterruptedException {
        Map<String, byte[]> files = fakeFiles();
        Path installed = Files.createDirectories(tmp.resolve("usr/share/datasets/fashion-mnist"));
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Files.write(installed.resolve(e.getKey() + ".gz"), e.getValue());
        }
        Path target = tmp.resolve("cache");
        MnistFetcher.Result r = FashionMnistFetcher.fetch(fakeSet(files), target, new PrintStream(
                new ByteArrayOutputStream()), installed, "");
        assertTrue(r.downloaded());
        assertEquals(4, namesIn(target).size());

        // files that are not the published ones are not installed
        Path real = tmp.resolve("real");
        IOException e = assertThrows(IOException.class, () -> FashionMnistFetcher.fetch(IdxDataSet.FASHION_MNIST,
                real, new PrintStream(new ByteArrayOutputStream()), installed, ""));
        assertTrue(e.getMessage().startsWith("the fetched Fashion-MNIST files fail the SHA-256 check (nothing was"
                + " written to " + real + ")"), e.getMessage());
        assertEquals(List.of(), namesIn(real));
    }

    @Test
    void withoutAptTheUserLearnsWhichFilesGoWhere() {
        Path target = tmp.resolve("cache/fashion-mnist");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FashionMnistFetcher.fetch(
                IdxDataSet.FASHION_MNIST, target, new PrintStream(new ByteArrayOutputStream()), tmp.resolve("no"),
                tmp.resolve("no-bin").toString()));
        assertEquals("Fashion-MNIST is taken from Debian's dataset-fashion-mnist package, but it is not installed and"
                + " apt-get or dpkg-deb is not on PATH. Put the four files train-images-idx3-ubyte.gz,"
                + " train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz (raw or .gz;"
                + " github.com/zalandoresearch/fashion-mnist, folder data/fashion) into " + target + " and check them"
                + " with './smoothspike data fashion-mnist --verify --dir " + target + "'.", e.getMessage());
    }

    @Test
    void otherFilesAreNamedWithBothSumsAndTheGenericWord() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mine"));
        for (Map.Entry<String, byte[]> e : fakeFiles().entrySet()) {
            Files.write(dir.resolve(e.getKey() + ".gz"), e.getValue());
        }
        IOException e = assertThrows(IOException.class,
                () -> IdxDataSet.FASHION_MNIST.load(dir, Mnist.Split.TEST, IdxDataSet.FASHION_MNIST.sha256(),
                        new Sha256Cache()));
        Path file = dir.resolve("t10k-images-idx3-ubyte.gz");
        assertEquals("Fashion-MNIST file " + file + " is not the published Fashion-MNIST file: its SHA-256"
                + " (decompressed) is " + Sha256Cache.hash(file) + ", expected "
                + IdxDataSet.FASHION_MNIST.sha256().get("t10k-images-idx3-ubyte") + ". Data of another origin in this"
                + " format loads with idx(dir: '" + dir.toAbsolutePath() + "') in a script (IdxImages.read in Java),"
                + " without this check; './smoothspike data fashion-mnist' puts the published Fashion-MNIST into the"
                + " user cache (" + IdxDataSet.FASHION_MNIST.defaultCacheDir() + ").", e.getMessage());
        // the same files as data of one's own
        assertEquals(3, IdxImages.read(dir, Mnist.Split.TEST).label(0));
    }

    @Test
    void fashionMnistLivesInItsOwnSubfolder() throws IOException {
        Path data = tmp.resolve("data");
        MnistTest.fakeMnist(data);                      // MNIST's files directly in the data directory
        Path fashion = MnistTest.fakeMnist(data.resolve("fashion-mnist"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SMOOTHSPIKE_DATA", data.toString());
        env.put("XDG_CACHE_HOME", tmp.resolve("xdg").toString());
        String home = tmp.toString();
        assertEquals(fashion, IdxDataSet.FASHION_MNIST.locate(null, env, home));
        assertEquals(data, IdxDataSet.MNIST.locate(null, env, home));
        assertEquals(fashion, IdxDataSet.FASHION_MNIST.locate(data, env, home), "--data DIR: its subfolder first");
        assertEquals(fashion, IdxDataSet.FASHION_MNIST.locate(fashion, env, home), "or DIR itself");
        assertEquals(tmp.resolve("xdg/smoothspike/fashion-mnist"), IdxDataSet.FASHION_MNIST.defaultCacheDir(env,
                home));
        env.put("SMOOTHSPIKE_DATA", fashion.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> IdxDataSet.FASHION_MNIST.locate(null, env, home));
        assertEquals("Fashion-MNIST data not found (looked in " + fashion.resolve("fashion-mnist") + ", "
                + tmp.resolve("xdg/smoothspike/fashion-mnist") + "); run './smoothspike data fashion-mnist' to copy"
                + " it from Debian's dataset-fashion-mnist package, or pass --data DIR / set SMOOTHSPIKE_DATA",
                e.getMessage());
    }
}
