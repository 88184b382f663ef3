package io.smoothspike.cli;

import io.smoothspike.data.PoissonTrains;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.model.Qif;
import io.smoothspike.model.Theta;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.TrialSettings;
import java.util.SplittableRandom;

/**
 * The paper's network settings (PAPER-NOTES 5.3, 5.4) built directly on the simulation graph, for the demo and the
 * benchmarks. Experiment scripts describe the same networks with the DSL.
 */
final class BuiltInNetworks {

    /** Theta constants of the MNIST network: τ = 6/π, I0 = 5/4, so r = 1 and Θ = 6. */
    static final Theta MNIST_THETA = new Theta(6 / Math.PI, 1.25);
    /** Trial of the MNIST network: T = 2, K = 200. */
    static final TrialSettings MNIST_TRIAL = new TrialSettings(2, 200);
    /** Input spike time of a bright pixel: T ln(1/(1 − 0.01)). */
    static final double MNIST_INPUT_TIME = -2 * Math.log1p(-0.01);

    private BuiltInNetworks() {
    }

    /**
     * Recurrent QIF network of PAPER-NOTES 5.3: {@code n} neurons (τ = 1), each with its own excitatory (+5) and
     * inhibitory (−5) input channel (channels 2i and 2i+1), recurrent weights N(0, σ²) without self-connections,
     * initial states 0.
     */
    static SimulationGraph recurrentQif(int n, double connectionProbability, double sigma, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] in = new double[2 * n][n];
        for (int i = 0; i < n; i++) {
            in[2 * i][i] = 5;
            in[2 * i + 1][i] = -5;
        }
        boolean[][] inMask = new boolean[2 * n][n];
        for (int i = 0; i < n; i++) {
            inMask[2 * i][i] = true;
            inMask[2 * i + 1][i] = true;
        }
        double[][] w = new double[n][n];
        boolean[][] mask = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                mask[i][j] = i != j && rng.nextDouble() < connectionProbability;
                w[i][j] = mask[i][j] ? sigma * gaussian(rng) : 0;
            }
        }
        return SimulationGraph.builder()
                .inputs("poisson", 2 * n)
                .population("rnn", new Qif(1), n)
                .connectMasked("poisson", "rnn", in, inMask)
                .connectMasked("rnn", "rnn", w, mask)
                .build();
    }

    /** Poisson input of {@link #recurrentQif}: rate 1 per τ on every channel over [0, duration). */
    static InputSpikes recurrentQifInput(int n, double duration, long seed) {
        return PoissonTrains.inputs(2 * n, 1, duration, seed);
    }

    /**
     * The 784-100-100-10 theta network of PAPER-NOTES 5.4 with initial phases Θ/2 and weights
     * {@code (U(−0.5, 0.5) + bias)/sqrt(fan_in)}; bias 0 is the paper's (silent) initialisation.
     */
    static SimulationGraph mnistTheta(double bias, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] sizes = {784, 100, 100, 10};
        String[] names = {"pixels", "h1", "h2", "out"};
        SimulationGraph.Builder b = SimulationGraph.builder().inputs(names[0], sizes[0]);
        double halfPeriod = MNIST_THETA.period() / 2;
        for (int l = 1; l < sizes.length; l++) {
            double[] init = new double[sizes[l]];
            java.util.Arrays.fill(init, halfPeriod);
            b.population(names[l], MNIST_THETA, sizes[l], init);
        }
        for (int l = 1; l < sizes.length; l++) {
            double scale = 1 / Math.sqrt(sizes[l - 1]);
            double[][] w = new double[sizes[l - 1]][sizes[l]];
            for (double[] row : w) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = (rng.nextDouble() - 0.5 + bias) * scale;
                }
            }
            b.connectDense(names[l - 1], names[l], w);
        }
        return b.build();
    }

    /** A random binary 28×28 image as first-spike input: each pixel is bright with probability {@code p}. */
    static InputSpikes randomBinaryImage(double p, SplittableRandom rng) {
        double[] times = new double[784];
        for (int i = 0; i < times.length; i++) {
            times[i] = rng.nextDouble() < p ? MNIST_INPUT_TIME : Double.NaN;
        }
        return InputSpikes.onePerChannel(times);
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
