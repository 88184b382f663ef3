package io.smoothspike.grad;

import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.loss.FirstSpikeCrossEntropy;
import io.smoothspike.loss.SpikeTimeSquaredError;
import io.smoothspike.model.Qif;
import io.smoothspike.model.Theta;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.TrialSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test networks of the gradient tests, shaped like the paper's single neuron and MNIST network (docs/experiments.md
 * §2 and §4). The experiment settings themselves, for the CLI, are {@code io.smoothspike.paper.PaperTasks} in the
 * shell module, whose own tests check their gradients.
 */
final class TestTasks {

    /** Weight offset of {@link #mnistLike} that makes the hidden layers active (about 0.4 spikes per neuron). */
    static final double ACTIVE_BIAS = 0.135;

    private TestTasks() {
    }

    /**
     * One QIF neuron (τ = 1, T = 10, K = 25) with 22 one-spike inputs: inputs 0 and 1 of weights {@code w1},
     * {@code w2} at times 1 and 9, inputs 2…21 at uniform times in [0, T] with weights N(0, 1); targets 2.5 and 7.5.
     */
    static Task singleNeuron(double w1, double w2, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] w = new double[22][1];
        double[] times = new double[22];
        w[0][0] = w1;
        w[1][0] = w2;
        times[0] = 1.0;
        times[1] = 9.0;
        for (int k = 2; k < 22; k++) {
            times[k] = 10 * rng.nextDouble();
            w[k][0] = gaussian(rng);
        }
        SimulationGraph g = SimulationGraph.builder().inputs("input", 22).population("neuron", new Qif(1), 1)
                .connectDense("input", "neuron", w).build();
        ReadoutSpec readout = new ReadoutSpec(new int[] {0}, new int[] {2}, PseudoSettings.DEFAULT);
        return new Task("single-neuron", g, new TrialSettings(10, 25), readout,
                List.of(InputSpikes.onePerChannel(times)), new SpikeTimeSquaredError(new double[][] {{2.5, 7.5}}));
    }

    /**
     * A 784-100-100-10 theta network (τ = 6/π, I0 = 5/4, T = 2, K = 200, initial phases Θ/2, weights
     * {@code (U(−0.5, 0.5) + bias)/sqrt(fan_in)}) on {@code samples} random binary images (a pixel is bright with
     * probability 0.19 and spikes at T ln(1/0.99)) with random labels; first-spike cross-entropy with γ = 1e-2.
     */
    static Task mnistLike(double bias, int samples, long seed) {
        Theta theta = new Theta(6 / Math.PI, 1.25);
        TrialSettings trial = new TrialSettings(2, 200);
        SplittableRandom weights = new SplittableRandom(seed);
        int[] sizes = {784, 100, 100, 10};
        String[] names = {"pixels", "h1", "h2", "out"};
        SimulationGraph.Builder b = SimulationGraph.builder().inputs(names[0], sizes[0]);
        for (int l = 1; l < sizes.length; l++) {
            double[] init = new double[sizes[l]];
            Arrays.fill(init, theta.period() / 2);
            b.population(names[l], theta, sizes[l], init);
        }
        for (int l = 1; l < sizes.length; l++) {
            double scale = 1 / Math.sqrt(sizes[l - 1]);
            double[][] w = new double[sizes[l - 1]][sizes[l]];
            for (double[] row : w) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = (weights.nextDouble() - 0.5 + bias) * scale;
                }
            }
            b.connectDense(names[l - 1], names[l], w);
        }
        SimulationGraph g = b.build();
        SplittableRandom rng = new SplittableRandom(seed + 1);
        double inputTime = -trial.duration() * Math.log1p(-0.01);
        List<InputSpikes> inputs = new ArrayList<>();
        int[] labels = new int[samples];
        for (int k = 0; k < samples; k++) {
            double[] times = new double[784];
            for (int i = 0; i < times.length; i++) {
                times[i] = rng.nextDouble() < 0.19 ? inputTime : Double.NaN;
            }
            inputs.add(InputSpikes.onePerChannel(times));
            labels[k] = rng.nextInt(10);
        }
        return new Task("mnist-like", g, trial, ReadoutSpec.firstSpikes(g, 2, PseudoSettings.DEFAULT), inputs,
                new FirstSpikeCrossEntropy(labels, 10, 1e-2, trial.duration()));
    }

    /** A standard normal variate (Box–Muller). */
    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
