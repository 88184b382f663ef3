package io.smoothspike.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Labelled images from a pair of IDX files (the format of MNIST): an image file of unsigned bytes with dimensions
 * {@code [count, rows, cols]} (any rank of at least 2: {@code [count, values]}, {@code [count, rows, cols, channels]},
 * ...) and a label file {@code [count]}. Any image size and any number of classes: an image has
 * {@link #pixelCount()} values 0..255, row-major, and labels are 0..255.
 *
 * <p>{@link #read(Path, Mnist.Split)} finds a split's two files in a folder: the MNIST names
 * ({@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-...}), raw or {@code .gz}, or else
 * the one file whose name holds the split ({@code train}; {@code t10k} or {@code test}) and {@code images} or
 * {@code labels}, as in {@code emnist-letters-train-images-idx3-ubyte.gz}. Nothing is checked against published
 * sums: that is what the named sets of {@link IdxDataSet} add.
 */
public final class IdxImages implements LabeledImages {

    private final String description;
    private final int[] imageDims;
    private final int pixelCount;
    private final byte[] pixels;
    private final int[] labels;
    private final int classes;

    private IdxImages(String description, int[] imageDims, byte[] pixels, int[] labels) {
        this.description = description;
        this.imageDims = imageDims;
        this.pixelCount = product(imageDims);
        this.pixels = pixels;
        this.labels = labels;
        this.classes = Arrays.stream(labels).max().orElse(-1) + 1;
    }

    /**
     * Reads an image file and its label file (raw or gzip-compressed); {@code description} names the set.
     *
     * @throws IOException              a file is unreadable or not a well-formed IDX file
     * @throws IllegalArgumentException the two files do not fit each other (the message names them)
     */
    public static IdxImages read(Path imagesFile, Path labelsFile, String description) throws IOException {
        return of(Idx.read(imagesFile), Idx.read(labelsFile), description);
    }

    /**
     * Reads one split from {@code dir} (see the class comment for the file names).
     *
     * @throws IOException              a file is missing, ambiguous, unreadable or not a well-formed IDX file
     * @throws IllegalArgumentException the two files do not fit each other (the message names them)
     */
    public static IdxImages read(Path dir, Mnist.Split split) throws IOException {
        return read(findFile(dir, split, true), findFile(dir, split, false), dir + " (" + split.name()
                .toLowerCase(Locale.ROOT) + ")");
    }

    /**
     * Images and labels of two read IDX files.
     *
     * @throws IllegalArgumentException the files do not fit each other (rank, count); the message names them
     */
    static IdxImages of(Idx images, Idx labels, String description) {
        if (images.rank() < 2) {
            throw new IllegalArgumentException(images.source() + ": an image file needs at least 2 dimensions ([count, "
                    + "values] or [count, rows, cols]), found " + Arrays.toString(images.dims()));
        }
        if (labels.rank() != 1) {
            throw new IllegalArgumentException(labels.source() + ": a label file has 1 dimension ([count]), found "
                    + Arrays.toString(labels.dims()));
        }
        if (images.count() != labels.count()) {
            throw new IllegalArgumentException(description + ": " + images.count() + " images in " + fileName(images)
                    + " but " + labels.count() + " labels in " + fileName(labels));
        }
        int[] l = new int[labels.count()];
        for (int i = 0; i < l.length; i++) {
            l[i] = labels.unsigned(i);
        }
        return new IdxImages(description, Arrays.copyOfRange(images.dims(), 1, images.rank()), images.data(), l);
    }

    private static String fileName(Idx idx) {
        Path p = Path.of(idx.source()).getFileName();
        return p == null ? idx.source() : p.toString();
    }

    /** The image ({@code images}) or label file of {@code split} in {@code dir}. */
    static Path findFile(Path dir, Mnist.Split split, boolean images) throws IOException {
        String mnistName = images ? split.imagesFile() : split.labelsFile();
        Path p = IdxDataSet.find(dir, mnistName);
        if (p != null) {
            return p;
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException("no IDX files in " + dir + ": not a directory");
        }
        String kind = images ? "images" : "labels";
        List<String> splitWords = split == Mnist.Split.TRAIN ? List.of("train") : List.of("t10k", "test");
        List<Path> matches = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile).sorted().forEach(f -> {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (n.contains(kind) && splitWords.stream().anyMatch(n::contains)) {
                    matches.add(f);
                }
            });
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        String wanted = "the " + split.name().toLowerCase(Locale.ROOT) + " " + kind + " file (" + mnistName
                + "[.gz], or one name holding '" + String.join("' or '", splitWords) + "' and '" + kind + "')";
        if (matches.isEmpty()) {
            throw new IOException("no " + wanted.substring(4) + " in " + dir);
        }
        List<String> names = matches.stream().map(f -> f.getFileName().toString()).toList();
        throw new IOException(dir + " holds several candidates for " + wanted + ": " + String.join(", ", names)
                + "; give the files explicitly (idx(images: …, labels: …))");
    }

    private static int product(int[] dims) {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /** Number of images. */
    @Override
    public int size() {
        return labels.length;
    }

    /** Label of image {@code i}, 0..255. */
    @Override
    public int label(int i) {
        return labels[i];
    }

    /** All labels (a copy). */
    public int[] labels() {
        return labels.clone();
    }

    /** Number of classes: 1 + the largest label of this set. */
    @Override
    public int classes() {
        return classes;
    }

    /** Values per image, e.g. 784 for 28x28: the size of the image input group that reads these images. */
    @Override
    public int pixelCount() {
        return pixelCount;
    }

    /** Dimensions of one image, outermost first, e.g. {@code [28, 28]} (a copy). */
    public int[] imageDims() {
        return imageDims.clone();
    }

    /** Value 0..255 of pixel {@code p} (row-major) of image {@code i}. */
    public int pixel(int i, int p) {
        if (p < 0 || p >= pixelCount) {
            throw new IndexOutOfBoundsException("pixel " + p + " outside 0.." + (pixelCount - 1));
        }
        return pixels[i * pixelCount + p] & 0xff;
    }

    /** Image {@code i} as {@link #pixelCount()} intensities 0..255, row-major, in a new array. */
    @Override
    public double[] pixels(int i) {
        return pixels(i, new double[pixelCount]);
    }

    /** Writes image {@code i} as intensities 0..255, row-major, into the start of {@code out}, and returns it. */
    @Override
    public double[] pixels(int i, double[] out) {
        if (out.length < pixelCount) {
            throw new IllegalArgumentException("pixel buffer needs at least " + pixelCount + " entries, has "
                    + out.length);
        }
        if (i < 0 || i >= labels.length) {
            throw new IndexOutOfBoundsException("image " + i + " outside 0.." + (labels.length - 1));
        }
        int base = i * pixelCount;
        for (int p = 0; p < pixelCount; p++) {
            out[p] = pixels[base + p] & 0xff;
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder shape = new StringBuilder();
        for (int d : imageDims) {
            shape.append(shape.length() > 0 ? "x" : "").append(d);
        }
        return description + " (" + size() + " images of " + shape + ", " + classes + " classes)";
    }
}
