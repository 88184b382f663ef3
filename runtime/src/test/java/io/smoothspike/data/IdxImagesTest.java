package io.smoothspike.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX image sets of any size and class count, read from a folder of small generated files. */
class IdxImagesTest {

    @TempDir
    Path tmp;

    private static byte[] values(int n, int seed) {
        byte[] d = new byte[n];
        for (int i = 0; i < n; i++) {
            d[i] = (byte) (i * 37 + seed);
        }
        return d;
    }

    private static Path write(Path dir, String name, byte[] content) throws IOException {
        Files.createDirectories(dir);
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void readsImagesOfAnySizeAndClassCountInMnistNames() throws IOException {
        Path dir = tmp.resolve("own");
        // 4 training images of 5x7 in classes 0..12, gzip-compressed; 2 test images, raw
        write(dir, "train-images-idx3-ubyte.gz", IdxTest.gzip(IdxTest.idx(8, new int[] {4, 5, 7}, values(140, 1))));
        write(dir, "train-labels-idx1-ubyte.gz", IdxTest.gzip(IdxTest.idx(8, new int[] {4},
                new byte[] {3, 12, 0, 7})));
        write(dir, "t10k-images-idx3-ubyte", IdxTest.idx(8, new int[] {2, 5, 7}, values(70, 9)));
        write(dir, "t10k-labels-idx1-ubyte", IdxTest.idx(8, new int[] {2}, new byte[] {1, 2}));

        IdxImages train = IdxImages.read(dir, Mnist.Split.TRAIN);
        assertEquals(4, train.size());
        assertEquals(35, train.pixelCount());
        assertArrayEquals(new int[] {5, 7}, train.imageDims());
        assertEquals(13, train.classes(), "1 + the largest label");
        assertArrayEquals(new int[] {3, 12, 0, 7}, train.labels());
        byte[] raw = values(140, 1);
        double[] px = train.pixels(2);
        assertEquals(35, px.length);
        for (int p = 0; p < 35; p++) {
            assertEquals(raw[2 * 35 + p] & 0xff, px[p], 0.0);
            assertEquals(raw[2 * 35 + p] & 0xff, train.pixel(2, p));
        }
        assertEquals(dir + " (train) (4 images of 5x7, 13 classes)", train.toString());

        IdxImages test = IdxImages.read(dir, Mnist.Split.TEST);
        assertEquals(2, test.size());
        assertEquals(3, test.classes());
        assertEquals(values(70, 9)[35 + 4] & 0xff, test.pixels(1)[4], 0.0);
        assertThrows(IllegalArgumentException.class, () -> test.pixels(0, new double[34]));
        assertThrows(IndexOutOfBoundsException.class, () -> test.pixel(0, 35));
    }

    @Test
    void findsFilesNamedWithSplitAndKindAndReadsOtherRanks() throws IOException {
        Path dir = tmp.resolve("emnist");
        // EMNIST-style names; images of rank 4 ([count, rows, cols, channels]) and rank 2 ([count, values])
        write(dir, "emnist-letters-train-images-idx4-ubyte.gz", IdxTest.gzip(IdxTest.idx(8,
                new int[] {3, 2, 2, 3}, values(36, 2))));
        write(dir, "emnist-letters-train-labels-idx1-ubyte.gz", IdxTest.gzip(IdxTest.idx(8, new int[] {3},
                new byte[] {0, 1, 25})));
        write(dir, "emnist-letters-test-images-idx2-ubyte", IdxTest.idx(8, new int[] {1, 12}, values(12, 3)));
        write(dir, "emnist-letters-test-labels-idx1-ubyte", IdxTest.idx(8, new int[] {1}, new byte[] {4}));
        write(dir, "emnist-letters-mapping.txt", "1 65 97\n".getBytes());

        IdxImages train = IdxImages.read(dir, Mnist.Split.TRAIN);
        assertEquals(12, train.pixelCount());
        assertEquals(26, train.classes());
        assertArrayEquals(new int[] {2, 2, 3}, train.imageDims());
        IdxImages test = IdxImages.read(dir, Mnist.Split.TEST);
        assertEquals(12, test.pixelCount());
        assertEquals(4, test.label(0));
        // explicit files, any names
        IdxImages same = IdxImages.read(dir.resolve("emnist-letters-test-images-idx2-ubyte"),
                dir.resolve("emnist-letters-test-labels-idx1-ubyte"), "mine");
        assertArrayEquals(test.pixels(0), same.pixels(0), 0.0);
    }

    @Test
    void missingAmbiguousAndMismatchedFilesAreNamed() throws IOException {
        Path dir = tmp.resolve("bad");
        write(dir, "a-train-images.idx", IdxTest.idx(8, new int[] {2, 3}, values(6, 0)));
        write(dir, "b-train-images.idx", IdxTest.idx(8, new int[] {2, 3}, values(6, 0)));
        IOException ambiguous = assertThrows(IOException.class, () -> IdxImages.read(dir, Mnist.Split.TRAIN));
        assertEquals(dir + " holds several candidates for the train images file (train-images-idx3-ubyte[.gz], or"
                + " one name holding 'train' and 'images'): a-train-images.idx, b-train-images.idx; give the files"
                + " explicitly (idx(images: …, labels: …))", ambiguous.getMessage());
        IOException missing = assertThrows(IOException.class, () -> IdxImages.read(dir, Mnist.Split.TEST));
        assertEquals("no test images file (t10k-images-idx3-ubyte[.gz], or one name holding 't10k' or 'test' and"
                + " 'images') in " + dir, missing.getMessage());
        IOException noDir = assertThrows(IOException.class,
                () -> IdxImages.read(tmp.resolve("nothing"), Mnist.Split.TEST));
        assertEquals("no IDX files in " + tmp.resolve("nothing") + ": not a directory", noDir.getMessage());

        Path images = dir.resolve("a-train-images.idx");
        Path labels = write(dir, "labels", IdxTest.idx(8, new int[] {3}, new byte[] {0, 1, 2}));
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> IdxImages.read(images, labels, "mine"));
        assertEquals("mine: 2 images in a-train-images.idx but 3 labels in labels", count.getMessage());
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
                () -> IdxImages.read(labels, labels, "mine"));
        assertTrue(rank.getMessage().startsWith(labels + ": an image file needs at least 2 dimensions"),
                rank.getMessage());
    }
}
