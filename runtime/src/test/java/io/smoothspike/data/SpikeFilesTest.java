package io.smoothspike.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data sources from spike files: CSV, NumPy .npz and HDF5 in the SHD layout. The files in the test resources folder
 * {@code io/smoothspike/data/spikefiles} hold one task in each format; {@code make_files.py} beside them wrote them
 * (numpy 1.24, h5py 3.7; run it again to remake them). Malformed CSV files are written here.
 */
class SpikeFilesTest {

    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(SpikeFilesTest.class.getResource("/io/smoothspike/data/spikefiles/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static DataSource csv(String set, SpikeFileOptions options) throws IOException {
        return SpikeCsv.read(resource(set + "-spikes.csv"), resource(set + "-labels.csv"), options);
    }

    @Test
    void csvAndNpzGiveTheSameTrials() throws IOException {
        DataSource csv = csv("train", SpikeFileOptions.DEFAULTS);
        DataSource npz = SpikeNpz.read(resource("train.npz"), SpikeFileOptions.DEFAULTS);
        assertEquals(32, csv.size());
        assertFalse(csv.hasTargetTimes());
        assertSameTrials(csv, npz, 0.0);
        double[][] first = csv.inputTimes(0);
        assertEquals(3, first.length);
        assertEquals(0.0, first[2][0], 0.0, "channel 2 is the bias spike at 0");
        assertEquals(0, csv.label(0));
        assertEquals(1, csv.label(1));
    }

    @Test
    void shdFilesPoolChannelsAndScaleTimes() throws IOException {
        DataSource shd = Shd.read(resource("train-shd.h5"), SpikeFileOptions.DEFAULTS.pool(3).timeScale(2));
        // the SHD file holds each spike time halved, as float16, on 3 channels: pooled and doubled they are the task's
        assertSameTrials(tripled(csv("train", SpikeFileOptions.DEFAULTS)), shd, 1e-3);
        DataSource unpooled = Shd.read(resource("train-shd.h5"), SpikeFileOptions.DEFAULTS);
        assertEquals(9, unpooled.inputTimes(0).length);
        assertEquals(1, unpooled.inputTimes(0)[4].length);
    }

    /** Each trial's spikes three times over, as pooling the SHD file's three copies of a channel gives. */
    private static DataSource tripled(DataSource s) {
        double[][][] times = new double[s.size()][][];
        int[] labels = new int[s.size()];
        for (int i = 0; i < s.size(); i++) {
            double[][] t = s.inputTimes(i);
            times[i] = new double[t.length][];
            for (int c = 0; c < t.length; c++) {
                times[i][c] = new double[] {t[c][0], t[c][0], t[c][0]};
            }
            labels[i] = s.label(i);
        }
        return DataSource.of(times, labels);
    }

    private static void assertSameTrials(DataSource expected, DataSource actual, double tolerance) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.label(i), actual.label(i), "trial " + i);
            assertEquals(expected.inputTimes(i).length, actual.inputTimes(i).length, "trial " + i);
            for (int c = 0; c < expected.inputTimes(i).length; c++) {
                assertArrayEquals(expected.inputTimes(i)[c], actual.inputTimes(i)[c],
                        tolerance * Math.max(1, expected.inputTimes(i)[c].length == 0 ? 0
                                : expected.inputTimes(i)[c][0]), "trial " + i + ", channel " + c);
            }
        }
    }

    @Test
    void optionsLimitTrialsFixChannelsAndScaleTimes() throws IOException {
        DataSource all = csv("train", SpikeFileOptions.DEFAULTS);
        DataSource some = csv("train", SpikeFileOptions.DEFAULTS.limit(5).channels(4).timeScale(10));
        assertEquals(5, some.size());
        assertEquals(4, some.inputTimes(0).length, "channel 3 is given and silent");
        assertEquals(0, some.inputTimes(0)[3].length);
        assertEquals(10 * all.inputTimes(4)[1][0], some.inputTimes(4)[1][0], 0.0);
        DataSource pooled = csv("train", SpikeFileOptions.DEFAULTS.pool(2));
        assertEquals(2, pooled.inputTimes(0).length, "channels 0 and 1 merged, channel 2 alone");
        assertArrayEquals(new double[] {all.inputTimes(0)[0][0], all.inputTimes(0)[1][0]}, pooled.inputTimes(0)[0],
                0.0, "merged spikes in time order");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpikeFileOptions.DEFAULTS.pool(0));
        assertEquals("pool must be >= 1 (channels merged into one), got 0", e.getMessage());
    }

    @Test
    void targetTimesMakeATimingTaskSource() throws IOException {
        DataSource csv = SpikeCsv.readTargets(resource("targets-spikes.csv"), resource("targets.csv"),
                SpikeFileOptions.DEFAULTS);
        DataSource npz = SpikeNpz.read(resource("targets.npz"), SpikeFileOptions.DEFAULTS);
        for (DataSource s : new DataSource[] {csv, npz}) {
            assertTrue(s.hasTargetTimes());
            assertEquals(3, s.size());
            assertArrayEquals(new double[] {3.0, 3.5}, s.targetTimes(2), 0.0);
            assertArrayEquals(new double[][] {{0.3}, {0.4}}, s.inputTimes(2));
            assertEquals(-1, s.label(0));
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private void assertCsvError(String spikes, String labels, String expected) throws IOException {
        Path s = write("spikes.csv", spikes);
        Path l = write("labels.csv", labels);
        IOException e = assertThrows(IOException.class, () -> SpikeCsv.read(s, l, SpikeFileOptions.DEFAULTS));
        assertEquals(expected.replace("DIR", dir.toString()), e.getMessage());
    }

    @Test
    void malformedCsvRowsNameTheFileLineColumnAndValue() throws IOException {
        String labels = "sample,label\n0,1\n1,0\n";
        assertCsvError("sample,channel,time\n0,0,0.5\n1,1,abc\n", labels,
                "DIR/spikes.csv:3: column 'time': 'abc' is not a number");
        assertCsvError("sample,channel,time\n0,1.5,0.5\n", labels,
                "DIR/spikes.csv:2: column 'channel': '1.5' is not a whole number");
        assertCsvError("sample,channel,time\n0,0,0.5\n\n1,0\n", labels,
                "DIR/spikes.csv:4: 2 values, the header names 3 (sample,channel,time)");
        assertCsvError("sample,channel,time\n0,0,-0.5\n", labels,
                "DIR/spikes.csv:2: spike time -0.5; spike times must be finite and >= 0");
        assertCsvError("sample,channel,time\n0,-1,0.5\n", labels,
                "DIR/spikes.csv:2: channel -1 is not one of the channels (numbered from 0)");
        assertCsvError("sample,channel,time\n2,0,0.5\n", labels,
                "DIR/spikes.csv:2: sample 2, but DIR/labels.csv has 2 samples (0 to 1)");
        assertCsvError("trial,channel,time\n", labels,
                "DIR/spikes.csv:1: the header must be 'sample,channel,time', found 'trial,channel,time'");
        assertCsvError("", labels, "DIR/spikes.csv:1: the header must be 'sample,channel,time', found an empty file");
        String spikes = "sample,channel,time\n0,0,0.5\n";
        assertCsvError(spikes, "sample,label\n0,1\n0,0\n", "DIR/labels.csv:3: sample 0 has a label already");
        assertCsvError(spikes, "sample,label\n0,1\n5,0\n",
                "DIR/labels.csv:3: sample 5, but the file has 2 rows; number the samples 0 to 1, one row each");
        assertCsvError(spikes, "sample,label\n0,-1\n", "DIR/labels.csv:2: label -1; labels must be >= 0");
        assertCsvError(spikes, "sample,label\n", "DIR/labels.csv: no rows; give one row per sample");
    }

    @Test
    void aCsvWithABomAndSpacesInItsHeaderAndCrlfLinesIsRead() throws IOException {
        Path s = write("spikes.csv", "\uFEFFsample, channel, time\r\n1,0,0.25\r\n0,1,0.5\r\n");
        Path l = write("labels.csv", "sample,label\r\n1,0\r\n0,2\r\n");
        DataSource d = SpikeCsv.read(s, l, SpikeFileOptions.DEFAULTS);
        assertArrayEquals(new double[][] {{}, {0.5}}, d.inputTimes(0));
        assertArrayEquals(new double[][] {{0.25}, {}}, d.inputTimes(1));
        assertEquals(2, d.label(0));
    }

    @Test
    void malformedTargetFilesNameTheFileAndLine() throws IOException {
        Path s = write("spikes.csv", "sample,channel,time\n0,0,0.5\n");
        Path missing = write("t1.csv", "sample,neuron,time\n0,0,1\n1,1,2\n");
        IOException e = assertThrows(IOException.class,
                () -> SpikeCsv.readTargets(s, missing, SpikeFileOptions.DEFAULTS));
        assertEquals(missing + ": no target time for sample 0, neuron 1; give one row per sample (0 to 1) and "
                + "read-out neuron (0 to 1)", e.getMessage());
        Path twice = write("t2.csv", "sample,neuron,time\n0,0,1\n0,0,2\n");
        e = assertThrows(IOException.class, () -> SpikeCsv.readTargets(s, twice, SpikeFileOptions.DEFAULTS));
        assertEquals(twice + ":3: sample 0, neuron 0 has a target time already", e.getMessage());
        Path nan = write("t3.csv", "sample,neuron,time\n0,0,NaN\n");
        e = assertThrows(IOException.class, () -> SpikeCsv.readTargets(s, nan, SpikeFileOptions.DEFAULTS));
        assertEquals(nan + ":2: target time NaN; target times must be finite and >= 0", e.getMessage());
    }

    /** An .npz of the test's .npy files: entries name=file, e.g. "samples=le-i4". */
    private Path npz(String name, String... entries) throws IOException {
        Path f = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
            for (String e : entries) {
                String[] parts = e.split("=");
                zip.putNextEntry(new ZipEntry(parts[0] + ".npy"));
                zip.write(Files.readAllBytes(resource("npy/" + parts[1] + ".npy")));
                zip.closeEntry();
            }
        }
        return f;
    }

    @Test
    void npzArchivesNotInTheSpikeLayoutAreRefusedSayingWhy() throws IOException {
        Path range = npz("range.npz", "samples=le-i4", "channels=le-i4", "times=le-f8", "labels=le-i4");
        IOException e = assertThrows(IOException.class, () -> SpikeNpz.read(range, SpikeFileOptions.DEFAULTS));
        assertEquals(range + ": samples[3] is 100, but 'labels' has 5 trials (0 to 4)", e.getMessage());
        Path noLabels = npz("none.npz", "samples=le-i4", "channels=le-i4", "times=le-f8");
        e = assertThrows(IOException.class, () -> SpikeNpz.read(noLabels, SpikeFileOptions.DEFAULTS));
        assertEquals(noLabels + ": give either an array 'labels' (one class per trial) or 'targets' (target times, "
                + "one row per trial); the file has [samples, channels, times]", e.getMessage());
        Path floats = npz("floats.npz", "samples=le-f8", "channels=le-i4", "times=le-f8", "labels=le-i4");
        e = assertThrows(IOException.class, () -> SpikeNpz.read(floats, SpikeFileOptions.DEFAULTS));
        assertEquals(floats + " (array 'samples'): holds <f8 values; integers are needed here (save it with "
                + ".astype(int))", e.getMessage());
    }

    @Test
    void malformedNpzAndShdFilesNameTheFileAndWhatIsWrong() throws IOException {
        Path targets = resource("compressed.npz");
        DataSource ok = SpikeNpz.read(targets, SpikeFileOptions.DEFAULTS);
        assertEquals(2, ok.size());
        IOException e = assertThrows(IOException.class,
                () -> SpikeNpz.read(resource("npy/le-f8.npy"), SpikeFileOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("not an .npz file"), e.getMessage());
        e = assertThrows(IOException.class, () -> SpikeNpz.read(resource("compressed.npz"),
                SpikeFileOptions.DEFAULTS.channels(1)));
        assertEquals(targets + ": spike 0 (samples, channels, times [0]): channel 1 is not one of the 1 channels "
                + "given (0 to 0)", e.getMessage());
        e = assertThrows(IOException.class, () -> Shd.read(resource("nolabels-shd.h5"), SpikeFileOptions.DEFAULTS));
        assertEquals(resource("nolabels-shd.h5") + ": no dataset 'labels'; an SHD file holds spikes/times and "
                + "spikes/units (one array per trial) and labels", e.getMessage());
        e = assertThrows(IOException.class, () -> Shd.read(resource("mismatch-shd.h5"), SpikeFileOptions.DEFAULTS));
        assertEquals(resource("mismatch-shd.h5") + ": trial 0 has 2 spike times but 1 units; give one unit per spike",
                e.getMessage());
        e = assertThrows(IOException.class, () -> Shd.read(resource("train.npz"), SpikeFileOptions.DEFAULTS));
        assertTrue(e.getMessage().startsWith(resource("train.npz") + ": cannot read it as HDF5"), e.getMessage());
        byte[] h5 = Files.readAllBytes(resource("train-shd.h5"));
        Path cut = Files.write(dir.resolve("cut.h5"), Arrays.copyOf(h5, h5.length / 2));
        e = assertThrows(IOException.class, () -> Shd.read(cut, SpikeFileOptions.DEFAULTS));
        assertTrue(e.getMessage().startsWith(cut + ": cannot read it as HDF5"), e.getMessage());
    }
}
