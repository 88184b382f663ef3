package io.smoothspike.paper;

import io.smoothspike.data.PoissonTrains;
import io.smoothspike.grad.PseudoSettings;
import io.smoothspike.grad.ReadoutSpec;
import io.smoothspike.grad.Task;
import io.smoothspike.graph.DelayKind;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.loss.FirstSpikeCrossEntropy;
import io.smoothspike.loss.SpikeTimeSquaredError;
import io.smoothspike.loss.SpikeTrainLoss;
import io.smoothspike.model.Qif;
import io.smoothspike.model.Theta;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.TrialSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The paper's experiment settings (docs/experiments.md §2–4) built directly on the simulation graph: used by the demo,
 * the benchmarks, the built-in gradient checks and the tests. Experiment scripts describe the same networks with the
 * DSL.
 */
public final class PaperTasks {

    /** Theta constants of the MNIST network: τ = 6/π, I0 = 5/4, so r = 1 and Θ = 6. */
    public static final Theta MNIST_THETA = new Theta(6 / Math.PI, 1.25);
    /** Trial of the MNIST network: T = 2, K = 200. */
    public static final TrialSettings MNIST_TRIAL = new TrialSettings(2, 200);
    /** Input spike time of a bright pixel: T ln(1/(1 − 0.01)). */
    public static final double MNIST_INPUT_TIME = -2 * Math.log1p(-0.01);
    /** Weight offset of {@link #mnistTheta} that makes the hidden layers active (about 0.4 spikes per neuron). */
    public static final double MNIST_ACTIVE_BIAS = 0.135;
    /** Largest per-synapse delay of the delayed MNIST-shaped cases of the benchmarks and gradcheck (T/4). */
    public static final double MNIST_MAX_DELAY = 0.5;

    private PaperTasks() {
    }

    /**
     * docs/experiments.md §2: one QIF neuron (τ = 1, T = 10, K = 25), 22 inputs of one spike each. Inputs 0 and 1 have
     * weights {@code w1}, {@code w2} (0 in the paper: the neuron starts silent) at times 1 and 9; inputs 2…21 have
     * fixed times uniform in [0, T] and weights N(0, 1). Targets 2.5 and 7.5, squared-error loss.
     */
    public static Task singleNeuron(double w1, double w2, long seed) {
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
     * docs/experiments.md §3 network: {@code n} QIF neurons (τ = 1), each with its excitatory (+5) and inhibitory (−5)
     * Poisson channel (2i, 2i+1; rate 1), recurrent weights N(0, σ²) on a random fraction {@code p} of the pairs
     * without self-connections, initial states 0.
     */
    public static SimulationGraph recurrentQif(int n, double p, double sigma, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] in = new double[2 * n][n];
        boolean[][] inMask = new boolean[2 * n][n];
        for (int i = 0; i < n; i++) {
            in[2 * i][i] = 5;
            in[2 * i + 1][i] = -5;
            inMask[2 * i][i] = true;
            inMask[2 * i + 1][i] = true;
        }
        double[][] w = new double[n][n];
        boolean[][] mask = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                mask[i][j] = i != j && rng.nextDouble() < p;
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

    /** Poisson input of {@link #recurrentQif}: rate 1 on every channel over [0, duration). */
    public static InputSpikes recurrentQifInput(int n, double duration, long seed) {
        return PoissonTrains.inputs(2 * n, 1, duration, seed);
    }

    /**
     * docs/experiments.md §3 task: 10 neurons, T = 10, K = 500; neurons 0, 1 learn Poisson target trains of rates 1 and
     * 1/2 (intervals ≥ 1) plus a final target at 1.1·T; recurrent weights N(0, σ²) (0 in the paper) and random
     * initial states of spread {@code stateSpread} (V0 ~ U(−s, s), I0 ~ N(0, s²); 0 in the paper).
     */
    public static Task recurrent(double sigma, double stateSpread, long seed) {
        int n = 10;
        double duration = 10;
        SimulationGraph g = recurrentQif(n, 1.0, sigma, seed);
        SplittableRandom rng = new SplittableRandom(seed + 1);
        double[] init = g.populations().get(0).initialState();
        for (int i = 0; i < n; i++) {
            init[2 * i] = Math.atan(stateSpread * (2 * rng.nextDouble() - 1));
            init[2 * i + 1] = stateSpread * gaussian(rng);
        }
        double[][] targets = new double[2][];
        double[] rates = {1, 0.5};
        for (int r = 0; r < 2; r++) {
            double[] train = PoissonTrains.train(rates[r], duration, 1, seed + 2 + r);
            targets[r] = Arrays.copyOf(train, train.length + 1);
            targets[r][train.length] = 1.1 * duration;
        }
        ReadoutSpec readout = new ReadoutSpec(new int[] {0, 1}, new int[] {targets[0].length, targets[1].length},
                PseudoSettings.DEFAULT);
        return new Task("recurrent", g, new TrialSettings(duration, 500), readout,
                List.of(recurrentQifInput(n, duration, seed + 4)), new SpikeTrainLoss(targets));
    }

    /**
     * The 784-100-100-10 theta network of docs/experiments.md §4 with initial phases Θ/2 and weights
     * {@code (U(−0.5, 0.5) + bias)/sqrt(fan_in)}; bias 0 is the paper's silent initialisation.
     */
    public static SimulationGraph mnistTheta(double bias, long seed) {
        return mnistTheta(bias, seed, 0);
    }

    /**
     * {@link #mnistTheta(double, long)} (the same weights) with per-synapse delays U(0, maxDelay) drawn from their
     * own generator; no delays for {@code maxDelay} 0.
     */
    public static SimulationGraph mnistTheta(double bias, long seed, double maxDelay) {
        SplittableRandom rng = new SplittableRandom(seed);
        SplittableRandom delays = new SplittableRandom(~seed);
        int[] sizes = {784, 100, 100, 10};
        String[] names = {"pixels", "h1", "h2", "out"};
        SimulationGraph.Builder b = SimulationGraph.builder().inputs(names[0], sizes[0]);
        double halfPeriod = MNIST_THETA.period() / 2;
        for (int l = 1; l < sizes.length; l++) {
            double[] init = new double[sizes[l]];
            Arrays.fill(init, halfPeriod);
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
            if (maxDelay > 0) {
                b.delays(DelayKind.SYNAPSE, delays.doubles((long) sizes[l - 1] * sizes[l], 0, maxDelay).toArray());
            }
        }
        return b.build();
    }

    /** A random binary 28×28 image as first-spike input: each pixel is bright with probability {@code p}. */
    public static InputSpikes randomBinaryImage(double p, SplittableRandom rng) {
        double[] times = new double[784];
        for (int i = 0; i < times.length; i++) {
            times[i] = rng.nextDouble() < p ? MNIST_INPUT_TIME : Double.NaN;
        }
        return InputSpikes.onePerChannel(times);
    }

    /**
     * The MNIST network on {@code samples} random MNIST-like binary images with random labels, first-spike
     * cross-entropy with γ = 1e-2.
     */
    public static Task mnistLike(double bias, int samples, long seed) {
        return mnistLike(bias, samples, seed, 0);
    }

    /** {@link #mnistLike(double, int, long)} on {@link #mnistTheta(double, long, double)}: delays up to maxDelay. */
    public static Task mnistLike(double bias, int samples, long seed, double maxDelay) {
        SimulationGraph g = mnistTheta(bias, seed, maxDelay);
        SplittableRandom rng = new SplittableRandom(seed + 1);
        List<InputSpikes> inputs = new ArrayList<>();
        int[] labels = new int[samples];
        for (int k = 0; k < samples; k++) {
            inputs.add(randomBinaryImage(0.19, rng));
            labels[k] = rng.nextInt(10);
        }
        ReadoutSpec readout = ReadoutSpec.firstSpikes(g, 2, PseudoSettings.DEFAULT);
        String name = (bias == 0 ? "mnist-theta-silent" : "mnist-theta-active") + (maxDelay > 0 ? "-delays" : "");
        return new Task(name, g, MNIST_TRIAL, readout, inputs,
                new FirstSpikeCrossEntropy(labels, 10, 1e-2, MNIST_TRIAL.duration()));
    }

    /** A standard normal variate (Box–Muller). */
    public static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
