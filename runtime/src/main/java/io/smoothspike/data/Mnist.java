package io.smoothspike.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * One split of MNIST, loaded from the original IDX files (docs/experiments.md §5): 28x28 images with intensities
 * 0..255 and labels 0..9.
 *
 * <p>A data directory holds {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each raw or gzip-compressed with a {@code .gz}
 * suffix (the raw file wins when both exist). {@link #locate} finds the directory, {@link #load} reads a split and
 * checks its two files against the published SHA-256 sums, {@link #verify} checks all four, and
 * {@code ./smoothspike data mnist} ({@link MnistFetcher}) downloads them. The work is {@link IdxDataSet#MNIST}'s;
 * other data in this format loads with {@link IdxImages#read(Path, Split)}.
 */
public final class Mnist implements LabeledImages {

    /** The two splits: 60 000 training and 10 000 test images (the file names of any set in MNIST's layout). */
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

    public static final int ROWS = IdxDataSet.ROWS;
    public static final int COLS = IdxDataSet.COLS;
    public static final int PIXELS = ROWS * COLS;
    public static final int CLASSES = IdxDataSet.CLASSES;

    /** Environment variable naming a data directory (holding the files, or a subfolder {@code mnist} that does). */
    public static final String ENV = IdxDataSet.ENV;

    /** SHA-256 of the four raw (decompressed) files, docs/experiments.md §5, in the order train images/labels, test. */
    public static final Map<String, String> SHA256 = IdxDataSet.MNIST.sha256();

    /** What to do when the data is missing; part of the {@link #locate} error message. */
    public static final String HOW_TO_GET = IdxDataSet.MNIST.howToGet();

    private final Split split;
    private final IdxImages images;

    private Mnist(Split split, IdxImages images) {
        this.split = split;
        this.images = images;
    }

    /**
     * Loads one split from {@code dir} and checks the SHA-256 sums of its two files against {@link #SHA256}
     * ({@link IdxDataSet#load}).
     *
     * @throws IOException              a file is missing, unreadable, not a well-formed IDX file or not the published
     *                                  MNIST file (the message names it, both sums and what to do)
     * @throws IllegalArgumentException the files are well-formed but not MNIST-shaped (not 28x28, image and label
     *                                  counts differ, a label outside 0..9); the message names the file
     */
    public static Mnist load(Path dir, Split split) throws IOException {
        return new Mnist(split, IdxDataSet.MNIST.load(dir, split));
    }

    /** {@link #load(Path, Split)} checking the files named in {@code expected} (name to SHA-256) with {@code sums}. */
    static Mnist load(Path dir, Split split, Map<String, String> expected, Sha256Cache sums) throws IOException {
        return new Mnist(split, IdxDataSet.MNIST.load(dir, split, expected, sums));
    }

    /** The split this was loaded from. */
    public Split split() {
        return split;
    }

    /** Number of images. */
    @Override
    public int size() {
        return images.size();
    }

    /** Label of image {@code i}, 0..9. */
    @Override
    public int label(int i) {
        return images.label(i);
    }

    /** {@value #PIXELS}. */
    @Override
    public int pixelCount() {
        return PIXELS;
    }

    /** {@value #CLASSES}. */
    @Override
    public int classes() {
        return CLASSES;
    }

    /** All labels (a copy). */
    public int[] labels() {
        return images.labels();
    }

    /** Intensity 0..255 of pixel {@code p} (row-major, {@code p = row * 28 + col}) of image {@code i}. */
    public int pixel(int i, int p) {
        return images.pixel(i, p);
    }

    /** Image {@code i} as 784 intensities 0..255, row-major, in a new array. */
    @Override
    public double[] pixels(int i) {
        return images.pixels(i);
    }

    /** Writes image {@code i} as intensities 0..255, row-major, into {@code out[0..783]} and returns {@code out}. */
    @Override
    public double[] pixels(int i, double[] out) {
        return images.pixels(i, out);
    }

    @Override
    public String toString() {
        return "MNIST " + split.name().toLowerCase() + " (" + size() + " images)";
    }

    // ------------------------------------------------------------------ locating and verifying

    /**
     * Finds the MNIST directory: {@code explicitDirOrNull} if given (it must hold the files), else
     * {@code $SMOOTHSPIKE_DATA} (the directory holding the files, or its subfolder {@code mnist}), else the user cache
     * {@link #defaultCacheDir()}. A directory qualifies when all four files are there, raw or {@code .gz}.
     *
     * @throws IllegalStateException no directory holds the data; the message lists where it looked and says
     *                               {@link #HOW_TO_GET}
     */
    public static Path locate(Path explicitDirOrNull) {
        return IdxDataSet.MNIST.locate(explicitDirOrNull);
    }

    static Path locate(Path explicit, Map<String, String> env, String userHome) {
        return IdxDataSet.MNIST.locate(explicit, env, userHome);
    }

    /** The user cache directory {@code ${XDG_CACHE_HOME:-~/.cache}/smoothspike/mnist}. */
    public static Path defaultCacheDir() {
        return IdxDataSet.MNIST.defaultCacheDir();
    }

    static Path defaultCacheDir(Map<String, String> env, String userHome) {
        return IdxDataSet.MNIST.defaultCacheDir(env, userHome);
    }

    /** Whether {@code dir} holds all four files (raw or {@code .gz}); their contents are not checked. */
    public static boolean hasFiles(Path dir) {
        return IdxDataSet.MNIST.hasFiles(dir);
    }

    /** The file {@code name} in {@code dir}: the raw file if present, else {@code name.gz}, else null. */
    static Path find(Path dir, String name) {
        return IdxDataSet.find(dir, name);
    }

    /**
     * Checks the SHA-256 of the four files in {@code dir} (of the decompressed content for {@code .gz} files)
     * against docs/experiments.md §5; the result names each missing or corrupt file.
     */
    public static IdxDataSet.Verification verify(Path dir) {
        return IdxDataSet.MNIST.verify(dir);
    }

    static IdxDataSet.Verification verify(Path dir, Map<String, String> expected) {
        return IdxDataSet.verify(dir, expected);
    }
}
