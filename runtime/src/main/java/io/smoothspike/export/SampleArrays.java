package io.smoothspike.export;

import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.loss.Prediction;
import io.smoothspike.network.Network;
import io.smoothspike.network.SimulationResult;
import io.smoothspike.sim.EventRecord;
import io.smoothspike.sim.SpikeCapExceededException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a network does on a set of samples: per sample the output times with pseudospikes ({@code output.times})
 * and of ordinary spikes only ({@code output.times_ordinary}, a missing spike at T), both (sample, readout, spike)
 * and NaN-padded where read-out neurons give fewer output times; the label, the predicted class with and without
 * pseudospikes (where the loss predicts one; else -1) and whether the trial hit the spike cap (then its outputs are
 * NaN and it has no spikes); and the ordinary spikes of every neuron as one table {@code spikes.sample},
 * {@code spikes.population}, {@code spikes.neuron} (index within the population), {@code spikes.time}.
 */
final class SampleArrays {

    private SampleArrays() {
    }

    static List<ExportArray> of(Network net, ExportSamples samples) {
        int n = samples.size();
        int[] counts = net.readout() == null ? new int[0] : net.readout().counts();
        int readout = counts.length;
        int width = Arrays.stream(counts).max().orElse(0);
        double[] times = new double[n * readout * width];
        double[] ordinary = new double[times.length];
        Arrays.fill(times, Double.NaN);
        Arrays.fill(ordinary, Double.NaN);
        int[] labels = new int[n];
        int[] predicted = new int[n];
        int[] predictedOrdinary = new int[n];
        boolean[] capHit = new boolean[n];
        Spikes spikes = new Spikes();
        for (int i = 0; i < n; i++) {
            labels[i] = samples.label(i);
        }
        Prediction prediction = prediction(net, labels);
        for (int i = 0; i < n; i++) {
            SimulationResult r;
            try {
                r = net.simulate(samples.input(net, i));
            } catch (SpikeCapExceededException e) {
                capHit[i] = true;
                predicted[i] = -1;
                predictedOrdinary[i] = -1;
                continue;
            }
            for (int k = 0; k < readout; k++) {
                int at = (i * readout + k) * width;
                System.arraycopy(r.outputTimes()[k], 0, times, at, r.outputTimes()[k].length);
                System.arraycopy(r.ordinaryOutputTimes()[k], 0, ordinary, at, r.ordinaryOutputTimes()[k].length);
            }
            predicted[i] = prediction == null ? -1 : prediction.predict(r.outputTimes());
            predictedOrdinary[i] = prediction == null ? -1 : prediction.predict(r.ordinaryOutputTimes());
            spikes.add(i, r.record(), net.graph());
        }
        List<ExportArray> out = new ArrayList<>();
        if (readout > 0) {
            List<String> axes = List.of("sample", "readout", "spike");
            int[] shape = {n, readout, width};
            out.add(new ExportArray("output.times", axes, shape, times));
            out.add(new ExportArray("output.times_ordinary", axes, shape, ordinary));
        }
        out.add(ExportArray.vector("sample.label", "sample", labels));
        out.add(ExportArray.vector("sample.predicted", "sample", predicted));
        out.add(ExportArray.vector("sample.predicted_ordinary", "sample", predictedOrdinary));
        out.add(ExportArray.vector("sample.spike_cap_hit", "sample", capHit));
        out.addAll(spikes.arrays());
        return out;
    }

    /**
     * The loss's class prediction, or null where the network has no loss or it predicts none. A prediction does not
     * depend on the labels, so unlabelled samples (-1) are built as class 0 for losses that require labels.
     */
    private static Prediction prediction(Network net, int[] labels) {
        if (net.spec().loss() == null || net.readout() == null) {
            return null;
        }
        int[] known = Arrays.stream(labels).map(l -> Math.max(l, 0)).toArray();
        return net.loss(known).prediction().orElse(null);
    }

    /** The spike table, filled sample by sample. */
    private static final class Spikes {
        private int[] sample = new int[64];
        private int[] population = new int[64];
        private int[] neuron = new int[64];
        private double[] time = new double[64];
        private int size;

        void add(int i, EventRecord rec, SimulationGraph graph) {
            for (int p = 0; p < graph.populations().size(); p++) {
                var pop = graph.populations().get(p);
                for (int j = 0; j < pop.size(); j++) {
                    int global = pop.offset() + j;
                    for (int s = 0; s < rec.spikeCount(global); s++) {
                        grow();
                        sample[size] = i;
                        population[size] = p;
                        neuron[size] = j;
                        time[size++] = rec.spikeTime(global, s);
                    }
                }
            }
        }

        private void grow() {
            if (size == time.length) {
                int n = Math.max(64, 2 * size);
                sample = Arrays.copyOf(sample, n);
                population = Arrays.copyOf(population, n);
                neuron = Arrays.copyOf(neuron, n);
                time = Arrays.copyOf(time, n);
            }
        }

        List<ExportArray> arrays() {
            return List.of(ExportArray.vector("spikes.sample", "spike", Arrays.copyOf(sample, size)),
                    ExportArray.vector("spikes.population", "spike", Arrays.copyOf(population, size)),
                    ExportArray.vector("spikes.neuron", "spike", Arrays.copyOf(neuron, size)),
                    ExportArray.vector("spikes.time", "spike", Arrays.copyOf(time, size)));
        }
    }
}
