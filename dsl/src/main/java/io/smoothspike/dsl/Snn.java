package io.smoothspike.dsl;

import io.smoothspike.loss.Loss;
import io.smoothspike.model.NeuronModelType;
import io.smoothspike.model.NeuronModels;
import io.smoothspike.network.Network;
import io.smoothspike.spec.ConnectivitySpec;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.Losses;
import io.smoothspike.spec.ModelSpec;
import io.smoothspike.spec.ValueSpec;
import io.smoothspike.train.Trainer;
import io.smoothspike.train.TrainingResult;
import io.smoothspike.train.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point of the Java DSL: {@link #network(String)} starts a network, and the static helpers make the neuron
 * models, value fillers, connectivities and losses it takes. Import statically for short scripts:
 *
 * <pre>{@code
 * import static io.smoothspike.dsl.Snn.*;
 *
 * Network net = network("single")
 *         .trial(10, 25)
 *         .input("in", 2).spikeTimes(0, 1.0).spikeTimes(1, 9.0)
 *         .population("out", 1, qif(1))
 *         .connect("in", "out").weights(values(1.5, 2.0))
 *         .readout("out").spikes(2)
 *         .loss(spikeTimeLoss(new double[][] {{2.5, 7.5}}))
 *         .compile();
 * }</pre>
 *
 * Helpers copy the arrays they are given, so later changes to the caller's arrays do not leak into a network.
 */
public final class Snn {

    private Snn() {
    }

    /** Starts the description of a network called {@code name}. */
    public static NetworkBuilder network(String name) {
        return new NetworkBuilder(name);
    }

    // ---- neuron models ----

    /**
     * Any registered neuron model ({@link NeuronModels}) by name with named constants, e.g.
     * {@code model("qif", Map.of("tau", 1.0))}; constants left out take the model's defaults. An unknown name lists the
     * registered models; an unknown, missing or invalid constant lists the model's constants with their ranges.
     */
    public static ModelSpec model(String name, Map<String, ? extends Number> constants) {
        NeuronModelType type = NeuronModels.get(Check.notNull("model name", name));
        Map<String, Double> values = new LinkedHashMap<>();
        Check.notNull(name + " constants", constants).forEach((k, v) -> values.put(k,
                Check.notNull(name + " constant " + k, v).doubleValue()));
        type.create(values);
        return new ModelSpec(name, values);
    }

    /** Quadratic integrate-and-fire neuron with exponentially decaying synaptic current (τ_s = τ/2). */
    public static ModelSpec qif(double tau) {
        return model("qif", Map.of("tau", tau));
    }

    /** Theta neuron (QIF with constant drive, delta-pulse coupling); {@code drive} is the constant input current. */
    public static ModelSpec theta(double tau, double drive) {
        return model("theta", Map.of("tau", tau, "drive", drive));
    }

    /** Leaky integrate-and-fire neuron with the QIF's synaptic current and firing threshold {@code threshold}. */
    public static ModelSpec lif(double tau, double threshold) {
        return model("lif", Map.of("tau", tau, "threshold", threshold));
    }

    /** Oscillatory leaky integrate-and-fire neuron with constant drive and delta coupling. */
    public static ModelSpec oscillatoryLif(double tau, double drive, double threshold) {
        return model("oscillatory-lif", Map.of("tau", tau, "drive", drive, "threshold", threshold));
    }

    // ---- values (initial states, weights) ----

    /** Every value equal to {@code value}. */
    public static ValueSpec constant(double value) {
        return new ValueSpec.Constant(Check.finite("constant", value));
    }

    /** Explicit values, one per element (per neuron, or per synapse in pre-major order). */
    public static ValueSpec values(double... values) {
        return new ValueSpec.Values(Check.notNull("values", values).clone());
    }

    /** Uniform in [low, high), drawn from {@code seed}. */
    public static ValueSpec uniform(double low, double high, long seed) {
        if (!(Check.finite("uniform low", low) <= Check.finite("uniform high", high))) {
            throw new IllegalArgumentException("uniform needs low <= high, got [" + low + ", " + high + "]");
        }
        return new ValueSpec.Uniform(low, high, seed);
    }

    /** Normal with {@code mean} and standard deviation {@code std}, drawn from {@code seed}. */
    public static ValueSpec normal(double mean, double std, long seed) {
        if (!(Check.finite("normal std", std) >= 0)) {
            throw new IllegalArgumentException("normal std must be >= 0, got " + std);
        }
        return new ValueSpec.Normal(Check.finite("normal mean", mean), std, seed);
    }

    /** {@code U(−scale, scale) / sqrt(fan_in)}; the paper's initialiser is {@code fanInUniform(0.5, seed)}. */
    public static ValueSpec fanInUniform(double scale, long seed) {
        return fanInUniform(scale, 0, seed);
    }

    /** {@code (offset + U(−scale, scale)) / sqrt(fan_in)}. */
    public static ValueSpec fanInUniform(double scale, double offset, long seed) {
        return new ValueSpec.FanInUniform(Check.finite("fanInUniform scale", scale),
                Check.finite("fanInUniform offset", offset), seed);
    }

    /** An explicit weight matrix {@code values[pre][post]}. */
    public static ValueSpec matrix(double[][] values) {
        return new ValueSpec.Matrix(Check.copy("matrix", values));
    }

    /**
     * A random orthogonal weight matrix times {@code gain}, uniformly (Haar) distributed, drawn from {@code seed}:
     * WᵀW = gain²·I (W·Wᵀ for a projection with fewer presynaptic than postsynaptic neurons). Needs every synapse:
     * connect a population to itself with {@link #allToAll()}.
     */
    public static ValueSpec orthogonal(double gain, long seed) {
        return new ValueSpec.Orthogonal(Check.finite("orthogonal gain", gain), seed);
    }

    /**
     * The weights {@code values} draws (e.g. {@code normal(0, 0.1, 3)}), without the entries the connectivity leaves
     * out, scaled so that their largest eigenvalue modulus is {@code radius}; square projections only.
     */
    public static ValueSpec spectralRadius(double radius, ValueSpec values) {
        if (!(Check.finite("spectral radius", radius) >= 0)) {
            throw new IllegalArgumentException("spectral radius must be >= 0, got " + radius);
        }
        return new ValueSpec.SpectralRadius(radius, Check.notNull("spectralRadius values", values));
    }

    // ---- connectivity ----

    /** Every (pre, post) pair, self-connections included when a population projects onto itself. */
    public static ConnectivitySpec allToAll() {
        return new ConnectivitySpec.AllToAll(true);
    }

    /** Every (pre, post) pair except i → i when a population projects onto itself. */
    public static ConnectivitySpec allToAllNoSelf() {
        return new ConnectivitySpec.AllToAll(false);
    }

    /** Pre i to post i; the two sides need equal sizes. */
    public static ConnectivitySpec oneToOne() {
        return new ConnectivitySpec.OneToOne();
    }

    /** Each pair independently with probability {@code p}, drawn from {@code seed}, self-connections included. */
    public static ConnectivitySpec random(double p, long seed) {
        return new ConnectivitySpec.Random(probability(p), seed, true);
    }

    /** Like {@link #random(double, long)} but without i → i when a population projects onto itself. */
    public static ConnectivitySpec randomNoSelf(double p, long seed) {
        return new ConnectivitySpec.Random(probability(p), seed, false);
    }

    /** An explicit mask {@code mask[pre][post]}. */
    public static ConnectivitySpec mask(boolean[][] mask) {
        return new ConnectivitySpec.Mask(Check.copy("mask", mask));
    }

    private static double probability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("connection probability must lie in [0, 1], got " + p);
        }
        return p;
    }

    // ---- losses ----

    /** Mean squared error of the output times against {@code targets[readout neuron][k]} (docs/method.md §6.1). */
    public static LossDef spikeTimeLoss(double[][] targets) {
        return LossDef.of(new LossSpec.SpikeTime(Check.copy("spike-time targets", targets)));
    }

    /** The recurrent-network spike-train loss (docs/method.md §6.2) with the paper's final target at 1.1 · T. */
    public static LossDef spikeTrainLoss(double[][] targets) {
        return spikeTrainLoss(targets, 1.1);
    }

    /** The spike-train loss with the final target at {@code finalFactor} · T appended to every train. */
    public static LossDef spikeTrainLoss(double[][] targets, double finalFactor) {
        return LossDef.of(new LossSpec.SpikeTrain(Check.copy("spike-train targets", targets),
                Check.positive("spike-train final factor", finalFactor)));
    }

    /** First-spike cross-entropy of softmax(−t) at the label plus γ(exp(t_label/T) − 1); labels come with data. */
    public static LossDef crossEntropy(double gamma) {
        return LossDef.of(new LossSpec.CrossEntropy(Check.finite("cross-entropy gamma", gamma)));
    }

    /** The sum of {@code losses}, each with weight 1; nested sums are flattened. */
    public static LossDef sum(LossDef... losses) {
        Check.notNull("losses", losses);
        double[] w = new double[losses.length];
        java.util.Arrays.fill(w, 1);
        return LossDef.sum(w, losses);
    }

    /** {@code weight · loss}, a one-term sum; put it into {@link #sum} to weight the terms of a sum. */
    public static LossDef weighted(double weight, LossDef loss) {
        return LossDef.sum(new double[] {weight}, new LossDef[] {loss});
    }

    /**
     * A loss given in code, known by {@code name} in the saved description. The code is also registered under that
     * name ({@link Losses#register(String, Loss)}), so that a network saved with it loads again in this program; a
     * program that only loads registers it itself. A network compiled with it keeps this code.
     */
    public static LossDef customLoss(String name, Loss loss) {
        LossDef def = LossDef.custom(name, loss);
        Losses.register(name, loss);
        return def;
    }

    /**
     * A loss of a kind registered with {@link Losses#register(String, Class)} (a loss of one's own), or a built-in
     * one given by its description; combine it with {@link #sum} and {@link #weighted} like the others.
     */
    public static LossDef loss(LossSpec spec) {
        return LossDef.of(spec);
    }

    // ---- training ----

    /**
     * Trains the fixed task of {@code net} (give {@link TrainingSettings#trials(int)}) and returns what the run
     * produced; the network keeps the trained parameters. Metrics and checkpoints go to a new folder
     * {@code runs/<network name>-<yyyyMMdd-HHmmss>/} (below the folder named by the system property
     * {@code smoothspike.runs} instead of {@code runs} when it is set), announced as "writing FOLDER/" before the
     * progress on {@code System.out}. When the calling thread is interrupted (Ctrl-C in the REPL) training stops
     * after the current step. {@link #train(Network, TrainingSettings, Path)} writes to a folder of your choice,
     * {@link #trainInMemory} writes nothing; for data sets or resuming, call {@link Trainer#train} directly.
     */
    public static TrainingResult train(Network net, TrainingSettings settings) {
        Check.notNull("network", net);
        Check.notNull("training settings", settings);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String base = net.spec().name().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + stamp;
        Path root = Path.of(System.getProperty("smoothspike.runs", "runs"));
        Path out = root.resolve(base);
        for (int k = 2; Files.exists(out); k++) {
            out = root.resolve(base + "-" + k);
        }
        return Trainer.train(net, settings, null, out, null, System.out);
    }

    /** As {@link #train(Network, TrainingSettings)}, writing metrics and checkpoints to {@code out}. */
    public static TrainingResult train(Network net, TrainingSettings settings, Path out) {
        Check.notNull("network", net);
        Check.notNull("training settings", settings);
        if (out == null) {
            throw new IllegalArgumentException("the output folder must not be null; trainInMemory(net, settings) "
                    + "trains without writing files");
        }
        return Trainer.train(net, settings, null, out, null, System.out);
    }

    /**
     * As {@link #train(Network, TrainingSettings)} but writes no files at all: the metrics are only in the returned
     * result, and there is no checkpoint to resume from. Progress still goes to {@code System.out}.
     */
    public static TrainingResult trainInMemory(Network net, TrainingSettings settings) {
        Check.notNull("network", net);
        Check.notNull("training settings", settings);
        return Trainer.train(net, settings, null, null, null, System.out);
    }
}
