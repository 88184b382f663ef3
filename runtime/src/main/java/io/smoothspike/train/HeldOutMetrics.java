package io.smoothspike.train;

import io.smoothspike.grad.TrialEvaluator;
import io.smoothspike.graph.Population;
import io.smoothspike.loss.Loss;
import io.smoothspike.loss.Prediction;
import io.smoothspike.loss.TrialTargets;
import io.smoothspike.network.Network;
import io.smoothspike.sim.EventRecord;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.SpikeCapExceededException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Metrics of a network on a set of trials, from forward passes in parallel: loss with pseudospikes, accuracy with
 * and without pseudospikes (labelled sets whose loss defines a {@link Loss#prediction}), the timing errors of sets
 * with target times ({@link TimingErrors}), activity (ordinary spikes
 * per hidden neuron per sample), the fraction of hidden neurons silent on the whole set, mean and extremes of the
 * output times, and spike-cap hits. Hidden neurons are those outside the read-out population. Results do not depend
 * on the number of threads.
 */
final class HeldOutMetrics {

    private HeldOutMetrics() {
    }

    /** The metrics of {@code inputs} with {@code targets}; {@code tolerance}: of the timing errors. */
    static Map<String, Object> evaluate(Network net, List<InputSpikes> inputs, TrialTargets targets,
            double tolerance, int threads) {
        int n = inputs.size();
        Loss loss = net.lossFor(targets);
        int[] labels = targets.labels();
        Prediction prediction = labels == null ? null : loss.prediction().orElse(null);
        TimingErrors timing = targets.times() == null ? null : new TimingErrors(targets.times(), tolerance);
        int readPop = net.graph().populationOf(net.readout().neurons()[0]);
        List<Population> hidden = new ArrayList<>();
        for (int p = 0; p < net.graph().populations().size(); p++) {
            if (p != readPop) {
                hidden.add(net.graph().populations().get(p));
            }
        }
        int hiddenCount = hidden.stream().mapToInt(Population::size).sum();
        double[] sampleLoss = new double[n];
        int[] correct = new int[n];
        int[] correctOrdinary = new int[n];
        double[] timeSum = new double[n];
        double[] timeMin = new double[n];
        double[] timeMax = new double[n];
        boolean[] capHit = new boolean[n];
        long[][] spikes = new long[threads][hiddenCount];
        int workerCount = Math.min(threads, n);
        AtomicInteger next = new AtomicInteger();
        Workers.run(workerCount, "evaluation", worker -> {
            TrialEvaluator ev = new TrialEvaluator(net.graph(), net.trial(), net.readout());
            double[][] ordinary = ev.readout().newTimes();
            // samples taken in turn, so that a slow part of the set does not leave the other threads idle
            for (int k = next.getAndIncrement(); k < n; k = next.getAndIncrement()) {
                try {
                    sampleLoss[k] = ev.loss(inputs.get(k), k, loss);
                } catch (SpikeCapExceededException e) {
                    capHit[k] = true;
                    continue;
                }
                double[][] times = ev.times();
                EventRecord rec = ev.record();
                ev.readout().ordinaryTimes(rec, ordinary);
                if (prediction != null) {
                    correct[k] = prediction.predict(times) == labels[k] ? 1 : 0;
                    correctOrdinary[k] = prediction.predict(ordinary) == labels[k] ? 1 : 0;
                }
                if (timing != null) {
                    timing.record(k, times);
                }
                double sum = 0;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                int count = 0;
                for (double[] row : times) {
                    for (double t : row) {
                        sum += t;
                        min = Math.min(min, t);
                        max = Math.max(max, t);
                        count++;
                    }
                }
                timeSum[k] = sum / count;
                timeMin[k] = min;
                timeMax[k] = max;
                int h = 0;
                for (Population pop : hidden) {
                    for (int i = 0; i < pop.size(); i++) {
                        spikes[worker][h++] += rec.spikeCount(pop.offset() + i);
                    }
                }
            }
        });
        int valid = 0;
        double lossSum = 0;
        double timeMean = 0;
        double tMin = Double.POSITIVE_INFINITY;
        double tMax = Double.NEGATIVE_INFINITY;
        int right = 0;
        int rightOrdinary = 0;
        List<Integer> hits = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (capHit[k]) {
                hits.add(k);
                continue;
            }
            valid++;
            lossSum += sampleLoss[k];
            timeMean += timeSum[k];
            tMin = Math.min(tMin, timeMin[k]);
            tMax = Math.max(tMax, timeMax[k]);
            right += correct[k];
            rightOrdinary += correctOrdinary[k];
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss", valid == 0 ? Double.NaN : lossSum / valid);
        if (prediction != null) {
            m.put("accuracy", right / (double) n);
            m.put("accuracy_ordinary", rightOrdinary / (double) n);
        }
        if (timing != null) {
            timing.report(m, capHit);
        }
        if (hiddenCount > 0) {
            long total = 0;
            int silent = 0;
            for (int h = 0; h < hiddenCount; h++) {
                long s = 0;
                for (long[] perThread : spikes) {
                    s += perThread[h];
                }
                total += s;
                silent += s == 0 ? 1 : 0;
            }
            m.put("activity", total / ((double) hiddenCount * Math.max(1, valid)));
            m.put("silent_fraction", silent / (double) hiddenCount);
        }
        m.put("output_time_mean", valid == 0 ? Double.NaN : timeMean / valid);
        m.put("output_time_min", tMin);
        m.put("output_time_max", tMax);
        m.put("spike_cap_hits", hits.size());
        if (!hits.isEmpty()) {
            m.put("spike_cap_samples", hits.subList(0, Math.min(10, hits.size())));
        }
        return m;
    }
}
