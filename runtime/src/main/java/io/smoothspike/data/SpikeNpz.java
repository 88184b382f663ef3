package io.smoothspike.data;

import io.smoothspike.io.numpy.NpyReader;
import io.smoothspike.io.numpy.NpzReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Trials of input spikes from a NumPy {@code .npz} archive holding the spike table column by column, as
 * {@code numpy.savez(file, samples=…, channels=…, times=…, labels=…)} writes it: {@code samples}, {@code channels}
 * (integers) and {@code times} (numbers) of equal length, one entry per spike (trials and channels numbered from 0,
 * any order), and either {@code labels} (integers, one per trial) or {@code targets} (numbers, shape
 * [trials, read-out neurons], for a timing task). The number of trials is that of {@code labels} or {@code targets};
 * other arrays are ignored.
 *
 * <p>Errors are {@link IOException}s naming the file, the array and the entry.
 */
public final class SpikeNpz {

    private SpikeNpz() {
    }

    /** The trials of {@code file}, read with {@code options}. */
    public static DataSource read(Path file, SpikeFileOptions options) throws IOException {
        Map<String, NpyReader.Array> arrays = NpzReader.read(file);
        boolean labels = arrays.containsKey("labels");
        if (labels == arrays.containsKey("targets")) {
            throw new IOException(file + ": give either an array 'labels' (one class per trial) or 'targets' (target "
                    + "times, one row per trial); the file has " + arrays.keySet());
        }
        int[] trial = array(file, arrays, "samples").toInts();
        int[] channel = array(file, arrays, "channels").toInts();
        double[] time = array(file, arrays, "times").toDoubles();
        if (trial.length != channel.length || trial.length != time.length) {
            throw new IOException(file + ": 'samples', 'channels' and 'times' must be of one length (one entry per "
                    + "spike), have " + trial.length + ", " + channel.length + " and " + time.length);
        }
        String perTrialName = labels ? "labels" : "targets";
        NpyReader.Array perTrial = arrays.get(perTrialName);
        if (perTrial.shape().length != (labels ? 1 : 2)) {
            throw new IOException(file + ": '" + perTrialName + "' must have shape "
                    + (labels ? "[trials]" : "[trials, read-out neurons]") + ", has "
                    + Arrays.toString(perTrial.shape()));
        }
        int trials = perTrial.shape()[0];
        SpikeEvents events = new SpikeEvents(file.toString(), trials, options);
        for (int k = 0; k < trial.length; k++) {
            if (trial[k] < 0 || trial[k] >= trials) {
                throw new IOException(file + ": samples[" + k + "] is " + trial[k] + ", but '" + perTrialName
                        + "' has " + trials + " trials (0 to " + (trials - 1) + ")");
            }
            String problem = events.add(trial[k], channel[k], time[k]);
            if (problem != null) {
                throw new IOException(file + ": spike " + k + " (samples, channels, times [" + k + "]): " + problem);
            }
        }
        return labels ? events.withLabels(perTrial.toInts()) : events.withTargetTimes(targets(perTrial));
    }

    private static NpyReader.Array array(Path file, Map<String, NpyReader.Array> arrays, String name)
            throws IOException {
        NpyReader.Array a = arrays.get(name);
        if (a == null) {
            throw new IOException(file + ": no array '" + name + "'; the spike table needs 'samples', 'channels' and "
                    + "'times', the file has " + arrays.keySet());
        }
        if (a.shape().length != 1) {
            throw new IOException(file + ": '" + name + "' must be one-dimensional (one entry per spike), has shape "
                    + Arrays.toString(a.shape()));
        }
        return a;
    }

    /** The rows of a [trials, read-out neurons] array. */
    private static double[][] targets(NpyReader.Array a) {
        double[] flat = a.toDoubles();
        double[][] targets = new double[a.shape()[0]][];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = Arrays.copyOfRange(flat, i * a.shape()[1], (i + 1) * a.shape()[1]);
        }
        return targets;
    }
}
