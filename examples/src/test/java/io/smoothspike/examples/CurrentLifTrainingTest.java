package io.smoothspike.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.grad.PseudoSettings;
import io.smoothspike.grad.ReadoutSpec;
import io.smoothspike.grad.TrialEvaluator;
import io.smoothspike.graph.Projection;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.loss.FirstSpikeCrossEntropy;
import io.smoothspike.loss.Loss;
import io.smoothspike.optim.Adam;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.TrialGradient;
import io.smoothspike.sim.TrialSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A small first-spike classifier of {@link CurrentLif} neurons learns with exact gradients and Adam: which of two
 * channel pairs fires first decides the class. The read-out starts silent, so the first steps learn through
 * pseudospikes. The loop is written by hand on the simulation graph, to check the model below the network layer;
 * {@code CustomModelAndLossExampleTest} trains it through the registry and the library's trainer.
 */
class CurrentLifTrainingTest {

    private static final double DURATION = 3;
    private static final int TRIALS = 8;

    /** Trial k has class k % 2: its class's two channels fire early (about 0.3), the other two late (about 1.5). */
    private static List<InputSpikes> trials(SplittableRandom rnd) {
        List<InputSpikes> out = new ArrayList<>();
        for (int k = 0; k < TRIALS; k++) {
            double[] times = new double[4];
            for (int c = 0; c < 4; c++) {
                boolean early = c / 2 == k % 2;
                times[c] = (early ? 0.3 : 1.5) + rnd.nextDouble(0, 0.2);
            }
            out.add(InputSpikes.onePerChannel(times));
        }
        return out;
    }

    private static double[][] weights(SplittableRandom rnd, int rows, int cols, double scale) {
        double[][] w = new double[rows][cols];
        for (double[] row : w) {
            for (int c = 0; c < cols; c++) {
                row[c] = scale * rnd.nextDouble(-0.2, 1);
            }
        }
        return w;
    }

    /** Mean loss over the trials; the mean gradient goes into {@code grad} (null: forward only). */
    private static double meanLoss(TrialEvaluator ev, List<InputSpikes> trials, Loss loss, TrialGradient grad) {
        double sum = 0;
        if (grad != null) {
            grad.clear();
        }
        for (int k = 0; k < trials.size(); k++) {
            sum += grad == null ? ev.loss(trials.get(k), k, loss) : ev.accumulate(trials.get(k), k, loss, grad);
        }
        return sum / trials.size();
    }

    @Test
    void firstSpikeClassifierLearnsFromSilence() {
        SplittableRandom rnd = new SplittableRandom(3);
        SimulationGraph g = SimulationGraph.builder().inputs("in", 4)
                .population("hidden", new CurrentLif(1, 1), 6)
                .population("out", new CurrentLif(1, 1), 2)
                .connectDense("in", "hidden", weights(rnd, 4, 6, 3))
                .connectDense("hidden", "out", weights(rnd, 6, 2, 0.2)).build();
        List<InputSpikes> trials = trials(rnd);
        int[] labels = new int[TRIALS];
        for (int k = 0; k < TRIALS; k++) {
            labels[k] = k % 2;
        }
        Loss loss = new FirstSpikeCrossEntropy(labels, 2, 0.1, DURATION);
        ReadoutSpec readout = ReadoutSpec.firstSpikes(g, 1, PseudoSettings.DEFAULT);
        TrialEvaluator ev = new TrialEvaluator(g, new TrialSettings(DURATION, 100), readout);
        ev.loss(trials.get(0), 0, loss);
        assertEquals(0, ev.record().spikeCount(6) + ev.record().spikeCount(7), "the read-out starts silent");

        List<Projection> projections = g.projections();
        List<Adam> optimizers = new ArrayList<>();
        for (Projection p : projections) {
            optimizers.add(new Adam(p.weights().length));
        }
        TrialGradient grad = new TrialGradient(g);
        double initial = meanLoss(ev, trials, loss, null);
        for (int step = 0; step < 60; step++) {
            meanLoss(ev, trials, loss, grad);
            for (int p = 0; p < projections.size(); p++) {
                double[] dw = grad.weights(p).clone();
                for (int k = 0; k < dw.length; k++) {
                    dw[k] /= TRIALS;
                }
                optimizers.get(p).step(projections.get(p).weights(), dw, 0.1);
            }
        }
        double trained = meanLoss(ev, trials, loss, null);
        assertTrue(trained < 0.5 * initial, "loss " + initial + " -> " + trained);
        for (int k = 0; k < TRIALS; k++) {
            ev.loss(trials.get(k), k, loss);
            assertEquals(labels[k], FirstSpikeCrossEntropy.predict(ev.times()), "trial " + k + " classified");
            assertTrue(ev.record().spikeCount(6 + labels[k]) > 0, "trial " + k + ": the correct neuron fires");
        }
    }
}
