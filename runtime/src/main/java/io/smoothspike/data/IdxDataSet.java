package io.smoothspike.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A published data set of four IDX files in MNIST's layout ({@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, each raw or
 * {@code .gz}; the raw file wins when both exist), 28x28 images in 10 classes, checked against the SHA-256 sums of
 * its published files: {@link #MNIST} and {@link #FASHION_MNIST}. {@link #locate} finds its folder, {@link #load}
 * reads a split and checks its two files, {@link #verify} checks all four. Files of another origin load with
 * {@link IdxImages#read(Path, Mnist.Split)}, without a check.
 */
public final class IdxDataSet {

    /** Environment variable naming a data directory. */
    public static final String ENV = "SMOOTHSPIKE_DATA";

    /** MNIST (docs/experiments.md §5); the sums are those of the raw files. */
    public static final IdxDataSet MNIST = new IdxDataSet("MNIST", "mnist", true, "to download it", sums(
            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"));

    /**
     * Fashion-MNIST (Xiao, Rasul and Vollgraf 2017, github.com/zalandoresearch/fashion-mnist). The sums are those of
     * the decompressed files, computed from Debian's {@code dataset-fashion-mnist} package
     * (0.0~git20200523.55506a9-1, whose {@code .gz} files are recompressed); the decompressed label files of the
     * upstream repository, whose {@code .gz} files match Zalando's published MD5 sums, give the same sums.
     */
    public static final IdxDataSet FASHION_MNIST = new IdxDataSet("Fashion-MNIST", "fashion-mnist", false,
            "to copy it from Debian's dataset-fashion-mnist package", sums(
            "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
            "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
            "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
            "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"));

    /** Image rows and columns, and classes, of both sets. */
    public static final int ROWS = 28;
    public static final int COLS = 28;
    public static final int CLASSES = 10;

    private final String name;
    private final String folder;
    private final boolean topLevel;
    private final String fetchPurpose;
    private final Map<String, String> sha256;

    /**
     * A set called {@code name} with the given sums, in the subfolder {@code folder} of a data directory (or, when
     * {@code topLevel}, in the directory itself); {@code fetchPurpose} says what {@code ./smoothspike data FOLDER}
     * does, in {@link #howToGet()}. Package-private: tests make sets of their own files.
     */
    IdxDataSet(String name, String folder, boolean topLevel, String fetchPurpose, Map<String, String> sha256) {
        this.name = name;
        this.folder = folder;
        this.topLevel = topLevel;
        this.fetchPurpose = fetchPurpose;
        this.sha256 = sha256;
    }

    private static Map<String, String> sums(String trainImages, String trainLabels, String testImages,
            String testLabels) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Mnist.Split.TRAIN.imagesFile(), trainImages);
        m.put(Mnist.Split.TRAIN.labelsFile(), trainLabels);
        m.put(Mnist.Split.TEST.imagesFile(), testImages);
        m.put(Mnist.Split.TEST.labelsFile(), testLabels);
        return Collections.unmodifiableMap(m);
    }

    /** The set's name, e.g. {@code Fashion-MNIST}. */
    public String name() {
        return name;
    }

    /** Its folder name in the user cache and in a data directory, also the {@code smoothspike data} argument. */
    public String folder() {
        return folder;
    }

    /** SHA-256 of the four (decompressed) files by raw file name: train images, train labels, test images, labels. */
    public Map<String, String> sha256() {
        return sha256;
    }

    /** The command that fetches the set into the user cache. */
    public String fetchCommand() {
        return "./smoothspike data " + folder;
    }

    /** What to do when the data is missing; ends the {@link #locate} error message. */
    public String howToGet() {
        return "run '" + fetchCommand() + "' " + fetchPurpose + ", or pass --data DIR / set " + ENV;
    }

    @Override
    public String toString() {
        return name;
    }

    // ------------------------------------------------------------------ loading

    /**
     * Loads one split from {@code dir} and checks the SHA-256 sums of its two files against {@link #sha256()}. A
     * file is hashed once; its sum is remembered for this process and, while its size and modification time stay
     * the same, in a hidden file {@code .smoothspike-sha256} beside it.
     *
     * @throws IOException              a file is missing, unreadable, not a well-formed IDX file or not the published
     *                                  file (the message names it and both sums, and says what to do)
     * @throws IllegalArgumentException the files are well-formed but of another shape (not 28x28, image and label
     *                                  counts differ, a label outside 0..9); the message names the file
     */
    public IdxImages load(Path dir, Mnist.Split split) throws IOException {
        return load(dir, split, sha256, Sha256Cache.SHARED);
    }

    /** {@link #load(Path, Mnist.Split)} checking the files named in {@code expected} with {@code sums}. */
    IdxImages load(Path dir, Mnist.Split split, Map<String, String> expected, Sha256Cache sums)
            throws IOException {
        Path imagesPath = require(dir, split.imagesFile());
        Path labelsPath = require(dir, split.labelsFile());
        Idx images = Idx.read(imagesPath);
        Idx labels = Idx.read(labelsPath);
        checkSum(imagesPath, split.imagesFile(), expected, sums);
        checkSum(labelsPath, split.labelsFile(), expected, sums);
        images.requireShape(-1, ROWS, COLS);
        labels.requireShape(-1);
        IdxImages set = IdxImages.of(images, labels, name + " " + split.name().toLowerCase() + " split in " + dir);
        for (int i = 0; i < set.size(); i++) {
            if (set.label(i) >= CLASSES) {
                throw new IllegalArgumentException(labelsPath + ": label " + set.label(i) + " of item " + i
                        + " is outside 0.." + (CLASSES - 1));
            }
        }
        return set;
    }

    private void checkSum(Path file, String fileName, Map<String, String> expected, Sha256Cache sums)
            throws IOException {
        String want = expected.get(fileName);
        if (want == null) {
            return;
        }
        String found = sums.sha256(file);
        if (!found.equalsIgnoreCase(want)) {
            throw new IOException(mismatchMessage(file, found, want, defaultCacheDir()));
        }
    }

    /**
     * The message for {@code file} whose SHA-256 {@code found} is not the published {@code want}: the cached copy
     * ({@code cache}) can be fetched again; other files are the user's, never to be overwritten.
     */
    String mismatchMessage(Path file, String found, String want, Path cache) {
        Path dir = file.toAbsolutePath().getParent();
        String head = name + " file " + file + " is not the published " + name + " file: its SHA-256"
                + (file.getFileName().toString().endsWith(".gz") ? " (decompressed)" : "") + " is " + found
                + ", expected " + want + ".";
        if (dir.normalize().equals(cache.toAbsolutePath().normalize())) {
            return head + " The copy in the user cache is damaged; run '" + fetchCommand() + "' to fetch it again.";
        }
        return head + " Data of another origin in this format loads with idx(dir: '" + dir + "') in a script"
                + " (IdxImages.read in Java), without this check; '" + fetchCommand() + "' puts the published "
                + name + " into the user cache (" + cache + ").";
    }

    // ------------------------------------------------------------------ locating

    /**
     * Finds the set's directory: {@code explicitDirOrNull} if given (it must hold the files; Fashion-MNIST's may also
     * lie in its subfolder {@code fashion-mnist}), else {@code $SMOOTHSPIKE_DATA}'s subfolder {@link #folder()}
     * (MNIST's may also lie in {@code $SMOOTHSPIKE_DATA} itself, and are looked for there first), else the user cache
     * {@link #defaultCacheDir()}. A directory qualifies when all four files are there, raw or {@code .gz}.
     *
     * @throws IllegalStateException no directory holds the data; the message lists where it looked and says
     *                               {@link #howToGet()}
     */
    public Path locate(Path explicitDirOrNull) {
        return locate(explicitDirOrNull, System.getenv(), System.getProperty("user.home"));
    }

    Path locate(Path explicit, Map<String, String> env, String userHome) {
        if (explicit != null) {
            Path sub = explicit.resolve(folder);
            if (!topLevel && hasFiles(sub)) {
                return sub;
            }
            if (hasFiles(explicit)) {
                return explicit;
            }
            throw new IllegalStateException("no " + name + " data in " + explicit + (topLevel ? "" : " or " + sub)
                    + " (" + missingDescription(explicit) + "); " + howToGet());
        }
        List<Path> looked = new ArrayList<>();
        String data = env.get(ENV);
        if (data != null && !data.isBlank()) {
            Path d = Paths.get(data);
            for (Path c : topLevel ? List.of(d, d.resolve(folder)) : List.of(d.resolve(folder))) {
                looked.add(c);
                if (hasFiles(c)) {
                    return c;
                }
            }
        }
        Path cache = defaultCacheDir(env, userHome);
        looked.add(cache);
        if (hasFiles(cache)) {
            return cache;
        }
        StringBuilder where = new StringBuilder();
        for (Path p : looked) {
            where.append(where.length() > 0 ? ", " : "").append(p);
        }
        throw new IllegalStateException(name + " data not found (looked in " + where + "); " + howToGet());
    }

    /** The user cache directory {@code ${XDG_CACHE_HOME:-~/.cache}/smoothspike/FOLDER}. */
    public Path defaultCacheDir() {
        return defaultCacheDir(System.getenv(), System.getProperty("user.home"));
    }

    Path defaultCacheDir(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CACHE_HOME");
        // the XDG spec says to ignore relative paths
        Path base = xdg != null && !xdg.isBlank() && Paths.get(xdg).isAbsolute() ? Paths.get(xdg)
                : Paths.get(userHome, ".cache");
        return base.resolve("smoothspike").resolve(folder);
    }

    /** Whether {@code dir} holds all four files (raw or {@code .gz}); their contents are not checked. */
    public boolean hasFiles(Path dir) {
        for (String file : sha256.keySet()) {
            if (find(dir, file) == null) {
                return false;
            }
        }
        return true;
    }

    /** The file {@code name} in {@code dir}: the raw file if present, else {@code name.gz}, else null. */
    static Path find(Path dir, String name) {
        Path raw = dir.resolve(name);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        Path gz = dir.resolve(name + ".gz");
        return Files.isRegularFile(gz) ? gz : null;
    }

    private Path require(Path dir, String file) throws IOException {
        Path p = find(dir, file);
        if (p == null) {
            throw new IOException(name + " file " + file + " (or " + file + ".gz) not found in " + dir + "; "
                    + howToGet());
        }
        return p;
    }

    private String missingDescription(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "not a directory";
        }
        List<String> missing = new ArrayList<>();
        for (String file : sha256.keySet()) {
            if (find(dir, file) == null) {
                missing.add(file);
            }
        }
        return "missing " + String.join(", ", missing);
    }

    // ------------------------------------------------------------------ verification

    /** Outcome of checking one file. */
    public enum Status {
        OK,
        MISSING,
        CORRUPT
    }

    /**
     * One file's check.
     *
     * @param name   the raw file name, e.g. {@code train-images-idx3-ubyte}
     * @param path   the file checked ({@code .gz} files are hashed after decompression), null when missing
     * @param status the outcome
     * @param sha256 SHA-256 of the (decompressed) content, null when missing or unreadable
     * @param detail what went wrong, empty when OK
     */
    public record FileCheck(String name, Path path, Status status, String sha256, String detail) {
    }

    /** The result of {@link #verify}: one check per file. */
    public record Verification(Path dir, List<FileCheck> files) {

        /** Whether all four files are present and match their sums. */
        public boolean ok() {
            return files.stream().allMatch(f -> f.status() == Status.OK);
        }

        /** The checks that failed. */
        public List<FileCheck> problems() {
            return files.stream().filter(f -> f.status() != Status.OK).toList();
        }

        /** One line per file: "ok", "MISSING" or "CORRUPT" with the details. */
        public String report() {
            StringBuilder b = new StringBuilder();
            for (FileCheck f : files) {
                b.append(String.format("  %-8s %s", f.status() == Status.OK ? "ok" : f.status().name(),
                        f.path() != null ? f.path() : dir.resolve(f.name()) + "[.gz]"));
                if (!f.detail().isEmpty()) {
                    b.append(": ").append(f.detail());
                }
                b.append('\n');
            }
            return b.toString();
        }
    }

    /**
     * Checks the SHA-256 of the four files in {@code dir} (of the decompressed content for {@code .gz} files)
     * against {@link #sha256()}; the result names each missing or corrupt file.
     */
    public Verification verify(Path dir) {
        return verify(dir, sha256);
    }

    static Verification verify(Path dir, Map<String, String> expected) {
        List<FileCheck> checks = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String file = e.getKey();
            Path p = find(dir, file);
            if (p == null) {
                checks.add(new FileCheck(file, null, Status.MISSING, null, "not found"));
                continue;
            }
            String sum;
            try {
                sum = Sha256Cache.hash(p);
            } catch (IOException ex) {
                checks.add(new FileCheck(file, p, Status.CORRUPT, null, "cannot be read: " + ex.getMessage()));
                continue;
            }
            if (sum.equalsIgnoreCase(e.getValue())) {
                checks.add(new FileCheck(file, p, Status.OK, sum, ""));
            } else {
                checks.add(new FileCheck(file, p, Status.CORRUPT, sum, "SHA-256 " + sum + ", expected "
                        + e.getValue()));
            }
        }
        return new Verification(dir, List.copyOf(checks));
    }
}
