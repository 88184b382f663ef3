package io.smoothspike.export;

import io.smoothspike.network.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles the export of a network: its parameters ({@link NetworkArrays}), optionally what it does on samples
 * ({@link SampleArrays}) and a training run's metrics history ({@link MetricsHistory}), with metadata: provenance
 * (SmoothSpike version, git commit), the network's description, the units, the run's settings and final metrics
 * where known, and the axes and element type of every array.
 *
 * <pre>{@code
 * Exporter.of(net).samples(ExportSamples.images(testSet, 100)).build().write(Path.of("run.npz"), ExportFormat.NPZ,
 *         false);
 * }</pre>
 */
public final class Exporter {

    /** What the numbers are measured in. */
    static final Map<String, String> UNITS = units();

    private final Network net;
    private ExportSamples samples;
    private MetricsHistory metrics;
    private Map<String, Object> run;

    private Exporter(Network net) {
        this.net = net;
    }

    /** An export of {@code net} as it is now. */
    public static Exporter of(Network net) {
        return new Exporter(net);
    }

    /** Simulates these samples and exports their outputs and spikes. */
    public Exporter samples(ExportSamples samples) {
        this.samples = samples;
        return this;
    }

    /** Exports a training run's metrics history. */
    public Exporter metrics(MetricsHistory metrics) {
        this.metrics = metrics;
        return this;
    }

    /** Records a training run's final metrics, settings and provenance (its {@code metrics.json}) in the metadata. */
    public Exporter run(Map<String, Object> metricsJson) {
        this.run = metricsJson;
        return this;
    }

    /** Simulates the samples, if any, and assembles the arrays. */
    public ResultExport build() {
        List<ExportArray> arrays = new ArrayList<>(NetworkArrays.of(net));
        if (samples != null) {
            arrays.addAll(SampleArrays.of(net, samples));
        }
        if (metrics != null) {
            arrays.addAll(metrics.arrays());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "smoothspike-export 1");
        m.put("provenance", Provenance.toMap());
        m.put("network", NetworkArrays.describe(net));
        m.put("units", UNITS);
        m.put("samples", samples == null ? null : samples.description());
        if (run != null) {
            m.put("run", run);
        }
        Map<String, Object> index = new LinkedHashMap<>();
        for (ExportArray a : arrays) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", a.dtype());
            entry.put("axes", a.axes());
            index.put(a.name(), entry);
        }
        m.put("arrays", index);
        return new ResultExport(arrays, m);
    }

    private static Map<String, String> units() {
        Map<String, String> u = new LinkedHashMap<>();
        u.put("time", "output times, spike times, input times and time constants are in the network's time unit: "
                + "a trial lasts network.trial_duration of them; output times past it are pseudospikes");
        u.put("weights", "in the units of the postsynaptic neuron model's equations (docs/method.md); a weight "
                + "matrix is (pre, post), entries where its mask is false have no synapse and read 0");
        u.put("states", "initial states in the model's coordinates: qif psi0 = atan V, theta phase0 in radians");
        return u;
    }
}
