package io.smoothspike.data;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.jhdf.exceptions.HdfInvalidPathException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** {@link Shd}'s reading through jHDF, apart so that {@code Shd} loads without jHDF on the class path. */
final class ShdFile {

    private ShdFile() {
    }

    static DataSource read(Path file, SpikeFileOptions options) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        Object[] times;
        Object[] units;
        long[] labels;
        try (HdfFile hdf = new HdfFile(file)) {
            times = ragged(file, hdf, "spikes/times");
            units = ragged(file, hdf, "spikes/units");
            labels = integers(dataset(file, hdf, "labels").getData());
        } catch (HdfException | BufferUnderflowException e) {
            throw new IOException(file + ": cannot read it as HDF5 (" + e.getMessage() + ")", e);
        }
        if (labels == null) {
            throw new IOException(file + ": 'labels' must be a one-dimensional array of integers, one class per trial");
        }
        if (times.length != labels.length || units.length != labels.length) {
            throw new IOException(file + ": 'spikes/times', 'spikes/units' and 'labels' must hold one entry per "
                    + "trial, hold " + times.length + ", " + units.length + " and " + labels.length);
        }
        SpikeEvents events = new SpikeEvents(file.toString(), labels.length, options);
        int[] classes = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            classes[i] = (int) Math.max(-1, Math.min(labels[i], Integer.MAX_VALUE));
            double[] t = doubles(times[i]);
            long[] u = integers(units[i]);
            if (t == null || u == null) {
                throw new IOException(file + ": trial " + i + ": 'spikes/times' must hold numbers and 'spikes/units' "
                        + "integers (channel numbers)");
            }
            if (t.length != u.length) {
                throw new IOException(file + ": trial " + i + " has " + t.length + " spike times but " + u.length
                        + " units; give one unit per spike");
            }
            for (int k = 0; k < t.length; k++) {
                String problem = events.add(i, (int) Math.max(-1, Math.min(u[k], Integer.MAX_VALUE)), t[k]);
                if (problem != null) {
                    throw new IOException(file + ": trial " + i + ", spike " + k + ": " + problem);
                }
            }
        }
        return events.withLabels(classes);
    }

    private static Dataset dataset(Path file, HdfFile hdf, String path) throws IOException {
        Node node;
        try {
            node = hdf.getByPath(path);
        } catch (HdfInvalidPathException e) {
            node = null;
        }
        if (!(node instanceof Dataset d)) {
            throw new IOException(file + ": no dataset '" + path + "'; an SHD file holds spikes/times and "
                    + "spikes/units (one array per trial) and labels");
        }
        return d;
    }

    /** A dataset of one variable-length array per trial. */
    private static Object[] ragged(Path file, HdfFile hdf, String path) throws IOException {
        if (!(dataset(file, hdf, path).getData() instanceof Object[] rows)) {
            throw new IOException(file + ": '" + path + "' must hold one variable-length array per trial");
        }
        return rows;
    }

    /** The numbers of a primitive array as jHDF gives them, or null if it is none. */
    private static double[] doubles(Object row) {
        if (row instanceof float[] f) {
            double[] d = new double[f.length];
            for (int k = 0; k < f.length; k++) {
                d[k] = f[k];
            }
            return d;
        }
        if (row instanceof double[] d) {
            return d;
        }
        long[] n = integers(row);
        return n == null ? null : Arrays.stream(n).asDoubleStream().toArray();
    }

    /** The whole numbers of a primitive array of integers as jHDF gives them (unsigned widened), or null. */
    private static long[] integers(Object row) {
        long[] n;
        if (row instanceof long[] l) {
            return l;
        } else if (row instanceof int[] i) {
            n = Arrays.stream(i).asLongStream().toArray();
        } else if (row instanceof short[] s) {
            n = new long[s.length];
            for (int k = 0; k < s.length; k++) {
                n[k] = s[k];
            }
        } else if (row instanceof byte[] b) {
            n = new long[b.length];
            for (int k = 0; k < b.length; k++) {
                n[k] = b[k];
            }
        } else {
            return null;
        }
        return n;
    }
}
