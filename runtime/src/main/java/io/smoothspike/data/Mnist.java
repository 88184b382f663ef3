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
 * One split of MNIST, loaded from the original IDX files (docs/experiments.md §5): 28x28 images with intensities
 * 0..255 and labels 0..9.
 *
 * <p>A data directory holds {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each raw or gzip-compressed with a {@code .gz}
 * suffix (the raw file wins when both exist). {@link #locate} finds the directory, {@link #load} reads a split and
 * checks its two files against the published SHA-256 sums, {@link #verify} checks all four, and
 * {@code ./smoothspike data mnist} ({@link MnistFetcher}) downloads them.
 */
public final class Mnist implements LabeledImages {

    /** The two splits: 60 000 training and 10 000 test images. */
    public enum Split {
        TRAIN("train"),
        TEST("t10k");

        private final String prefix;

        Split(String prefix) {
            this.prefix = prefix;
        }

        /** Name of the image file (without a {@code .gz} suffix). */
        public String imagesFile() {
            return prefix + "-images-idx3-ubyte";
        }

        /** Name of the label file (without a {@code .gz} suffix). */
        public String labelsFile() {
            return prefix + "-labels-idx1-ubyte";
        }
    }

    public static final int ROWS = 28;
    public static final int COLS = 28;
    public static final int PIXELS = ROWS * COLS;
    public static final int CLASSES = 10;

    /** Environment variable naming a data directory (holding the files, or a subfolder {@code mnist} that does). */
    public static final String ENV = "SMOOTHSPIKE_DATA";

    /** SHA-256 of the four raw (decompressed) files, docs/experiments.md §5, in the order train images/labels, test. */
    public static final Map<String, String> SHA256;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db");
        m.put("train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5");
        m.put("t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7");
        m.put("t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");
        SHA256 = Collections.unmodifiableMap(m);
    }

    /** System property that turns the SHA-256 check of {@link #load} off when set to {@code false}. */
    public static final String VERIFY_PROPERTY = "smoothspike.data.verify";

    /** What to do when the data is missing; part of the {@link #locate} error message. */
    public static final String HOW_TO_GET = "run './smoothspike data mnist' to download it, or pass --data DIR"
            + " / set " + ENV;

    private final Split split;
    private final byte[] images;
    private final int[] labels;

    private Mnist(Split split, byte[] images, int[] labels) {
        this.split = split;
        this.images = images;
        this.labels = labels;
    }

    /**
     * Loads one split from {@code dir} and checks the SHA-256 sums of its two files against {@link #SHA256}. A file
     * is hashed once; its sum is remembered for this process and, while its size and modification time stay the same,
     * in a hidden file {@code .smoothspike-sha256} beside it, so later loads skip the hashing. The check is skipped
     * when the system property {@value #VERIFY_PROPERTY} is {@code false}.
     *
     * @throws IOException              a file is missing, unreadable, not a well-formed IDX file or not the published
     *                                  MNIST file (the message names it, both sums and how to download it again)
     * @throws IllegalArgumentException the files are well-formed but not MNIST-shaped (not 28x28, image and label
     *                                  counts differ, a label outside 0..9); the message names the file
     */
    public static Mnist load(Path dir, Split split) throws IOException {
        boolean verify = !"false".equalsIgnoreCase(System.getProperty(VERIFY_PROPERTY, "true").strip());
        return load(dir, split, verify ? SHA256 : Map.of(), Sha256Cache.SHARED);
    }

    /** {@link #load(Path, Split)} checking the files named in {@code expected} (name to SHA-256) with {@code sums}. */
    static Mnist load(Path dir, Split split, Map<String, String> expected, Sha256Cache sums) throws IOException {
        Path imagesPath = require(dir, split.imagesFile());
        Path labelsPath = require(dir, split.labelsFile());
        Idx imgFile = Idx.read(imagesPath);
        Idx labFile = Idx.read(labelsPath);
        checkSum(imagesPath, split.imagesFile(), expected, sums);
        checkSum(labelsPath, split.labelsFile(), expected, sums);
        Idx img = imgFile.requireShape(-1, ROWS, COLS);
        Idx lab = labFile.requireShape(-1);
        if (img.count() != lab.count()) {
            throw new IllegalArgumentException("MNIST " + split + " split in " + dir + ": " + img.count()
                    + " images in " + imagesPath.getFileName() + " but " + lab.count() + " labels in "
                    + labelsPath.getFileName());
        }
        int[] labels = new int[lab.count()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = lab.unsigned(i);
            if (labels[i] >= CLASSES) {
                throw new IllegalArgumentException(labelsPath + ": label " + labels[i] + " of item " + i
                        + " is outside 0..9");
            }
        }
        return new Mnist(split, img.data(), labels);
    }

    private static void checkSum(Path file, String name, Map<String, String> expected, Sha256Cache sums)
            throws IOException {
        String want = expected.get(name);
        if (want == null) {
            return;
        }
        String found = sums.sha256(file);
        if (!found.equalsIgnoreCase(want)) {
            Path dir = file.toAbsolutePath().getParent();
            throw new IOException("MNIST file " + file + " is damaged or not the original: its SHA-256"
                    + (file.getFileName().toString().endsWith(".gz") ? " (decompressed)" : "") + " is " + found
                    + ", expected " + want + ". To download MNIST again into " + dir + ", replacing the MNIST files"
                    + " there, run './smoothspike data mnist --dir " + dir + "'; './smoothspike data mnist --verify"
                    + " --dir " + dir + "' checks all four files. Other data in MNIST format loads with -D"
                    + VERIFY_PROPERTY + "=false (e.g. in SMOOTHSPIKE_JAVA_OPTS).");
        }
    }

    /** The split this was loaded from. */
    public Split split() {
        return split;
    }

    /** Number of images. */
    @Override
    public int size() {
        return labels.length;
    }

    /** Label of image {@code i}, 0..9. */
    @Override
    public int label(int i) {
        return labels[i];
    }

    /** All labels (a copy). */
    public int[] labels() {
        return labels.clone();
    }

    /** Intensity 0..255 of pixel {@code p} (row-major, {@code p = row * 28 + col}) of image {@code i}. */
    public int pixel(int i, int p) {
        if (p < 0 || p >= PIXELS) {
            throw new IndexOutOfBoundsException("pixel " + p + " outside 0.." + (PIXELS - 1));
        }
        return images[i * PIXELS + p] & 0xff;
    }

    /** Image {@code i} as 784 intensities 0..255, row-major, in a new array. */
    @Override
    public double[] pixels(int i) {
        return pixels(i, new double[PIXELS]);
    }

    /** Writes image {@code i} as intensities 0..255, row-major, into {@code out[0..783]} and returns {@code out}. */
    @Override
    public double[] pixels(int i, double[] out) {
        if (out.length < PIXELS) {
            throw new IllegalArgumentException("pixel buffer needs at least " + PIXELS + " entries, has "
                    + out.length);
        }
        if (i < 0 || i >= labels.length) {
            throw new IndexOutOfBoundsException("image " + i + " outside 0.." + (labels.length - 1));
        }
        int base = i * PIXELS;
        for (int p = 0; p < PIXELS; p++) {
            out[p] = images[base + p] & 0xff;
        }
        return out;
    }

    @Override
    public String toString() {
        return "MNIST " + split.name().toLowerCase() + " (" + size() + " images)";
    }

    // ------------------------------------------------------------------ locating

    /**
     * Finds the MNIST directory: {@code explicitDirOrNull} if given (it must hold the files), else
     * {@code $SMOOTHSPIKE_DATA} (the directory holding the files, or its subfolder {@code mnist}), else the user cache
     * {@link #defaultCacheDir()}. A directory qualifies when all four files are there, raw or {@code .gz}.
     *
     * @throws IllegalStateException no directory holds the data; the message lists where it looked and says
     *                               {@value #HOW_TO_GET}
     */
    public static Path locate(Path explicitDirOrNull) {
        return locate(explicitDirOrNull, System.getenv(), System.getProperty("user.home"));
    }

    static Path locate(Path explicit, Map<String, String> env, String userHome) {
        if (explicit != null) {
            if (hasFiles(explicit)) {
                return explicit;
            }
            throw new IllegalStateException("no MNIST data in " + explicit + " (" + missingDescription(explicit)
                    + "); " + HOW_TO_GET);
        }
        List<Path> looked = new ArrayList<>();
        String data = env.get(ENV);
        if (data != null && !data.isBlank()) {
            Path d = Paths.get(data);
            for (Path c : List.of(d, d.resolve("mnist"))) {
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
        throw new IllegalStateException("MNIST data not found (looked in " + where + "); " + HOW_TO_GET);
    }

    /** The user cache directory {@code ${XDG_CACHE_HOME:-~/.cache}/smoothspike/mnist}. */
    public static Path defaultCacheDir() {
        return defaultCacheDir(System.getenv(), System.getProperty("user.home"));
    }

    static Path defaultCacheDir(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CACHE_HOME");
        // the XDG spec says to ignore relative paths
        Path base = xdg != null && !xdg.isBlank() && Paths.get(xdg).isAbsolute() ? Paths.get(xdg)
                : Paths.get(userHome, ".cache");
        return base.resolve("smoothspike").resolve("mnist");
    }

    /** Whether {@code dir} holds all four files (raw or {@code .gz}); their contents are not checked. */
    public static boolean hasFiles(Path dir) {
        for (String name : SHA256.keySet()) {
            if (find(dir, name) == null) {
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

    private static Path require(Path dir, String name) throws IOException {
        Path p = find(dir, name);
        if (p == null) {
            throw new IOException("MNIST file " + name + " (or " + name + ".gz) not found in " + dir + "; "
                    + HOW_TO_GET);
        }
        return p;
    }

    private static String missingDescription(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "not a directory";
        }
        List<String> missing = new ArrayList<>();
        for (String name : SHA256.keySet()) {
            if (find(dir, name) == null) {
                missing.add(name);
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
     * against docs/experiments.md §5; the result names each missing or corrupt file.
     */
    public static Verification verify(Path dir) {
        return verify(dir, SHA256);
    }

    static Verification verify(Path dir, Map<String, String> expected) {
        List<FileCheck> checks = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String name = e.getKey();
            Path p = find(dir, name);
            if (p == null) {
                checks.add(new FileCheck(name, null, Status.MISSING, null, "not found"));
                continue;
            }
            String sum;
            try {
                sum = Sha256Cache.hash(p);
            } catch (IOException ex) {
                checks.add(new FileCheck(name, p, Status.CORRUPT, null, "cannot be read: " + ex.getMessage()));
                continue;
            }
            if (sum.equalsIgnoreCase(e.getValue())) {
                checks.add(new FileCheck(name, p, Status.OK, sum, ""));
            } else {
                checks.add(new FileCheck(name, p, Status.CORRUPT, sum, "SHA-256 " + sum + ", expected "
                        + e.getValue()));
            }
        }
        return new Verification(dir, List.copyOf(checks));
    }
}
