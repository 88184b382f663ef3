package io.smoothspike.repl;

import io.smoothspike.network.Network;
import io.smoothspike.network.SimulationResult;
import io.smoothspike.plot.Plots;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.train.TrainingResult;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** The figures of {@code /plot}: a network's trial 0 as a raster or as voltage traces, a training's loss curve. */
final class Plotter {

    /** At most this many neurons get a trace. */
    static final int MAX_TRACES = 20;

    private Plotter() {
    }

    /** Spike raster of trial 0, with the target times of a spike-time loss; returns the file written. */
    static Path raster(Network net, Path file) {
        SimulationResult r = net.simulate();
        LossSpec loss = net.spec().loss();
        double[][] targets = null;
        int[] readout = null;
        if (loss instanceof LossSpec.SpikeTime st && net.readout() != null
                && st.targets().length == net.readout().neurons().length) {
            targets = st.targets();
            readout = net.readout().neurons();
        }
        return Plots.raster(r.record(), net.graph(), targets, readout, "Spike raster" + stage(net), file);
    }

    /** Voltage traces of trial 0 for every neuron, or the first {@value #MAX_TRACES}. */
    static Path trace(Network net, Path file) {
        int n = Math.min(MAX_TRACES, net.graph().neuronCount());
        int[] neurons = new int[n];
        Arrays.setAll(neurons, i -> i);
        return Plots.traces(net.trace(net.input(0), 2001), neurons, "Membrane potential" + stage(net), file);
    }

    /** The sample and stage a network's figure shows (the REPL cannot know whether it was trained). */
    private static String stage(Network net) {
        return " of network '" + net.spec().name() + "', trial 0, current parameters";
    }

    /**
     * The loss at every evaluation of a training run against the trials or epochs trained (log scale when
     * it is positive and spans over a decade).
     */
    static Path curve(TrainingResult result, Path file) {
        double[] loss = result.lossCurve();
        double min = Arrays.stream(loss).filter(Double::isFinite).min().orElse(0);
        return Plots.trainingCurves(result, Map.of("loss", loss), "loss", min > 0,
                "Loss at each evaluation during training", file);
    }
}
