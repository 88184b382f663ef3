package io.smoothspike.groovy;

import groovy.lang.Closure;
import groovy.lang.Script;
import io.smoothspike.data.DataSource;
import io.smoothspike.data.IdxDataSet;
import io.smoothspike.data.IdxImages;
import io.smoothspike.data.LabeledImages;
import io.smoothspike.data.Mnist;
import io.smoothspike.train.Trainer;
import io.smoothspike.train.TrainingData;
import io.smoothspike.train.TrainingResult;
import io.smoothspike.train.TrainingSettings;
import io.smoothspike.dsl.LossDef;
import io.smoothspike.export.ExportFormat;
import io.smoothspike.export.ExportSamples;
import io.smoothspike.export.Exporter;
import io.smoothspike.export.MetricsHistory;
import io.smoothspike.dsl.Snn;
import io.smoothspike.loss.Loss;
import io.smoothspike.model.NeuronModelType;
import io.smoothspike.model.NeuronModels;
import io.smoothspike.network.Network;
import io.smoothspike.spec.ConnectivitySpec;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.Losses;
import io.smoothspike.spec.ModelSpec;
import io.smoothspike.spec.SpecException;
import io.smoothspike.spec.ValueSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base class of SmoothSpike experiment scripts: the vocabulary available at the top level of a {@code .groovy}
 * script run by {@code smoothspike run}. A script declares its parameters with defaults ({@code params(…)}),
 * describes networks ({@code network(name) { … }}), and writes its results to {@link #getOut()}.
 */
public abstract class SmoothSpikeScript extends Script {

    /** Binding name of the runner's context. */
    static final String CONTEXT = "smoothspikeContext";

    private ScriptContext context() {
        return (ScriptContext) getBinding().getVariable(CONTEXT);
    }

    /**
     * Declares the script's parameters with their defaults and returns their values: a {@code -Pname=value} on the
     * command line overrides a default, converted to the default's type.
     */
    public Map<String, Object> params(Map<String, Object> defaults) {
        ScriptContext c = context();
        c.paramsCalled = true;
        Map<String, Object> values = new LinkedHashMap<>(defaults);
        for (Map.Entry<String, Object> d : c.includeDefaults.entrySet()) {
            if (!defaults.containsKey(d.getKey())) {
                throw new IllegalArgumentException("include sets parameter '" + d.getKey() + "', but "
                        + c.fileName() + " declares " + defaults.keySet());
            }
            values.put(d.getKey(), d.getValue());
        }
        for (Map.Entry<String, String> o : c.overrides.entrySet()) {
            if (!defaults.containsKey(o.getKey())) {
                throw new IllegalArgumentException("unknown parameter -P" + o.getKey() + "; this script declares "
                        + defaults.keySet());
            }
            values.put(o.getKey(), convert(o.getKey(), o.getValue(), defaults.get(o.getKey())));
        }
        return values;
    }

    private static Object convert(String name, String text, Object def) {
        try {
            if (def instanceof Integer) {
                return Integer.parseInt(text);
            }
            if (def instanceof Long) {
                return Long.parseLong(text);
            }
            if (def instanceof Number) {
                return Double.parseDouble(text);
            }
            if (def instanceof Boolean) {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new NumberFormatException();
                }
                return Boolean.parseBoolean(text);
            }
            return text;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-P" + name + "=" + text + ": expected a value like the default "
                    + def + " (" + def.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Runs another script file, named relative to this one, in this script's context: same parameters, data folder
     * and output folder. {@code include('mnist.groovy', data: 'fashion-mnist')} changes the defaults of the
     * included file's {@code params(…)} ({@code -P} overrides still win). Returns the file's value; errors name its
     * lines.
     */
    public Object include(Map<String, Object> defaults, String file) {
        ScriptContext c = context();
        Path path = c.currentFile.resolveSibling(file);
        String source;
        try {
            source = Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("include: cannot read " + path + ": " + e.getMessage(), e);
        }
        Path outer = c.currentFile;
        Map<String, Object> outerDefaults = c.includeDefaults;
        c.currentFile = path;
        c.includeDefaults = Map.copyOf(defaults);
        try {
            return ScriptRunner.runIn(getBinding(), source, path.getFileName().toString());
        } finally {
            c.currentFile = outer;
            c.includeDefaults = outerDefaults;
        }
    }

    /** {@code include('common.groovy')}: runs another script file with its own defaults. */
    public Object include(String file) {
        return include(Map.of(), file);
    }

    /** Describes and compiles a network; description errors point to the offending script line. */
    public Network network(String name, Closure<?> body) {
        GroovyNetworkBuilder b = new GroovyNetworkBuilder(name);
        body.setDelegate(b);
        body.setResolveStrategy(Closure.DELEGATE_FIRST);
        body.call();
        Network net;
        try {
            net = b.builder().compile();
        } catch (SpecException e) {
            int line = b.lineOf(e.path());
            throw new ScriptError(context().fileName(), line > 0 ? line : ScriptLines.callerLine(), e.getMessage(), e);
        }
        ScriptContext c = context();
        c.networks.add(net);
        if (c.lastDataset != null) {
            c.datasets.put(net, c.lastDataset);
        }
        if (c.mode == ScriptContext.Mode.FIRST_NETWORK) {
            throw new StopScript();
        }
        return net;
    }

    // ---- models ----

    /**
     * Any registered neuron model by name with named constants: {@code model('qif', tau: 1)}; constants left out take
     * the model's defaults.
     */
    public ModelSpec model(Map<String, Object> constants, String name) {
        Map<String, Number> values = new LinkedHashMap<>();
        constants.forEach((k, v) -> {
            if (!(v instanceof Number n)) {
                throw new IllegalArgumentException("model '" + name + "': constant '" + k + "' must be a number, got "
                        + v);
            }
            values.put(k, n);
        });
        return Snn.model(name, values);
    }

    /** A model with all constants at their defaults: {@code model('my-model')}. */
    public ModelSpec model(String name) {
        return Snn.model(name, Map.of());
    }

    /**
     * Registers a neuron model type, e.g. one a class defined in this script declares:
     * {@code register(MyNeuron.TYPE)}; then {@code model('my-neuron', …)} uses it. Same as
     * {@link NeuronModels#register} from Java.
     */
    public void register(NeuronModelType type) {
        NeuronModels.register(type);
    }

    /** {@code qif(tau: 1)}. */
    public ModelSpec qif(Map<String, Object> args) {
        return model(args, "qif");
    }

    /** {@code theta(tau: 6/π, drive: 1.25)}. */
    public ModelSpec theta(Map<String, Object> args) {
        return model(args, "theta");
    }

    /** {@code lif(tau: 1, threshold: 1)}. */
    public ModelSpec lif(Map<String, Object> args) {
        return model(args, "lif");
    }

    /** {@code oscillatoryLif(tau: 1, drive: 1.5, threshold: 1)}. */
    public ModelSpec oscillatoryLif(Map<String, Object> args) {
        return model(args, "oscillatory-lif");
    }

    // ---- values ----

    public ValueSpec constant(double value) {
        return Snn.constant(value);
    }

    public ValueSpec values(List<?> values) {
        return Snn.values(NamedArgs.doubles("values", values));
    }

    /** {@code uniform(low: -1, high: 1, seed: 1)}; {@code spectralRadius: 0.9} scales a square weight matrix. */
    public ValueSpec uniform(Map<String, Object> args) {
        NamedArgs a = new NamedArgs("uniform", args, "low", "high", "seed", "spectralRadius");
        return scaled(a, Snn.uniform(a.number("low"), a.number("high"), a.seed("seed", 0)));
    }

    /** {@code uniform(0, 1, seed: 3, spectralRadius: 0.9)}: low and high by position. */
    public ValueSpec uniform(Map<String, Object> args, double low, double high) {
        NamedArgs a = new NamedArgs("uniform", args, "seed", "spectralRadius");
        return scaled(a, Snn.uniform(low, high, a.seed("seed", 0)));
    }

    /** {@code uniform(0, 1)}: seed 0. */
    public ValueSpec uniform(double low, double high) {
        return uniform(Map.of(), low, high);
    }

    /** {@code normal(mean: 0, std: 1, seed: 1)}; {@code spectralRadius: 0.9} scales a square weight matrix. */
    public ValueSpec normal(Map<String, Object> args) {
        NamedArgs a = new NamedArgs("normal", args, "mean", "std", "seed", "spectralRadius");
        return scaled(a, Snn.normal(a.number("mean", 0), a.number("std"), a.seed("seed", 0)));
    }

    /** {@code normal(0, 0.1, seed: 3, spectralRadius: 0.9)}: mean and standard deviation by position. */
    public ValueSpec normal(Map<String, Object> args, double mean, double std) {
        NamedArgs a = new NamedArgs("normal", args, "seed", "spectralRadius");
        return scaled(a, Snn.normal(mean, std, a.seed("seed", 0)));
    }

    /** {@code normal(0, 0.1)}: seed 0. */
    public ValueSpec normal(double mean, double std) {
        return normal(Map.of(), mean, std);
    }

    /** {@code values} scaled to the argument {@code spectralRadius}, or as they are without it. */
    private static ValueSpec scaled(NamedArgs a, ValueSpec values) {
        return a.has("spectralRadius") ? Snn.spectralRadius(a.number("spectralRadius"), values) : values;
    }

    /** {@code orthogonal(gain: 1, seed: 3)}: a random orthogonal weight matrix times gain (default 1). */
    public ValueSpec orthogonal(Map<String, Object> args) {
        NamedArgs a = new NamedArgs("orthogonal", args, "gain", "seed");
        return Snn.orthogonal(a.number("gain", 1), a.seed("seed", 0));
    }

    /** {@code fanInUniform(scale: 0.5, offset: 0, seed: 1)}: (offset + U(−scale, scale))/√fan-in. */
    public ValueSpec fanInUniform(Map<String, Object> args) {
        NamedArgs a = new NamedArgs("fanInUniform", args, "scale", "offset", "seed");
        return Snn.fanInUniform(a.number("scale"), a.number("offset", 0), a.seed("seed", 0));
    }

    /** An explicit weight matrix {@code [[w_pre0_post0, …], …]}. */
    public ValueSpec matrix(List<?> rows) {
        return Snn.matrix(NamedArgs.matrix("matrix", rows));
    }

    // ---- connectivity ----

    /** Every pair, as {@link Snn#allToAll()}. */
    public ConnectivitySpec allToAll() {
        return Snn.allToAll();
    }

    /** {@code allToAll(self: false)} drops self-connections within one population. */
    public ConnectivitySpec allToAll(Map<String, Object> args) {
        return new NamedArgs("allToAll", args, "self").flag("self", true) ? Snn.allToAll() : Snn.allToAllNoSelf();
    }

    public ConnectivitySpec oneToOne() {
        return Snn.oneToOne();
    }

    /** {@code random(p: 0.1, seed: 1, self: true)}; {@code self: false} drops self-connections. */
    public ConnectivitySpec random(Map<String, Object> args) {
        NamedArgs a = new NamedArgs("random", args, "p", "seed", "self");
        return a.flag("self", true) ? Snn.random(a.number("p"), a.seed("seed", 0))
                : Snn.randomNoSelf(a.number("p"), a.seed("seed", 0));
    }

    /** An explicit mask {@code [[true, false, …], …]}. */
    public ConnectivitySpec mask(List<?> rows) {
        return Snn.mask(NamedArgs.booleans("mask", rows));
    }

    // ---- losses ----

    /** Squared error of the output times against {@code targets[readout neuron]}. */
    public LossDef spikeTime(List<?> targets) {
        return Snn.spikeTimeLoss(NamedArgs.matrix("spikeTime targets", targets));
    }

    /** The recurrent spike-train loss; a final target at 1.1·T is appended to each train. */
    public LossDef spikeTrain(List<?> targets) {
        return Snn.spikeTrainLoss(NamedArgs.matrix("spikeTrain targets", targets));
    }

    /** First-spike cross-entropy plus γ(exp(t_label/T) − 1): {@code crossEntropy(gamma: 0.01)}. */
    public LossDef crossEntropy(Map<String, Object> args) {
        return Snn.crossEntropy(new NamedArgs("crossEntropy", args, "gamma").number("gamma", 0));
    }

    /**
     * Squared error of each read-out neuron's first output time against the trial's target time, for a data source
     * of target times ({@code source(trials: …, targets: …)}).
     */
    public LossDef targetTime() {
        return Snn.loss(new LossSpec.TargetTime());
    }

    /** Sum of losses. */
    public LossDef sum(LossDef... terms) {
        return Snn.sum(terms);
    }

    /** A weighted loss term for {@link #sum}. */
    public LossDef weighted(double weight, LossDef loss) {
        return Snn.weighted(weight, loss);
    }

    /**
     * A user loss: the closure receives the output times {@code double[][]} and an equally shaped gradient array to
     * fill with ∂L/∂times, and returns the loss. It is saved by name and registered under it (see
     * {@link Snn#customLoss}); a script that loads a network using it runs {@code custom(name) {…}} first.
     */
    public LossDef custom(String name, Closure<?> lossAndGradient) {
        return Snn.customLoss(name, closureLoss(name, lossAndGradient));
    }

    /**
     * A user loss that predicts a class: {@code custom('mine', predict: { times -> class }) { times, grad -> … }};
     * metrics report accuracy with it.
     */
    public LossDef custom(Map<String, Object> args, String name, Closure<?> lossAndGradient) {
        Closure<?> predict = new NamedArgs("custom", args, "predict").object("predict", Closure.class);
        Loss loss = closureLoss(name, lossAndGradient);
        if (predict != null) {
            loss = Loss.predicting(loss, times -> {
                Object c = predict.call((Object) times);
                if (!(c instanceof Integer k)) {
                    throw new IllegalArgumentException("the prediction of custom loss '" + name + "' must return a "
                            + "class number (an integer), returned " + c);
                }
                return k;
            });
        }
        return Snn.customLoss(name, loss);
    }

    private static Loss closureLoss(String name, Closure<?> lossAndGradient) {
        return (sample, times, grad) -> {
            Object v = lossAndGradient.call(times, grad);
            if (!(v instanceof Number n)) {
                throw new IllegalArgumentException("custom loss '" + name + "' must return a number, returned " + v);
            }
            return n.doubleValue();
        };
    }

    /**
     * Registers a loss kind of one's own: {@code type} (e.g. a record defined in the script) implements
     * {@link LossSpec}, is saved as {@code {"kind": kind, …}} and used as {@code loss new MyLoss(…)}.
     */
    public void registerLoss(String kind, Class<? extends LossSpec> type) {
        Losses.register(kind, type);
    }

    // ---- data ----

    /**
     * The MNIST data set: {@code mnist(split: 'train')} or {@code 'test'}, read from --data, SMOOTHSPIKE_DATA or the
     * user cache ({@code ./smoothspike data mnist} fills it) and checked against its SHA-256 sums. The networks
     * defined after it read their images from it.
     */
    public Mnist mnist(Map<String, Object> args) {
        Mnist.Split s = split("mnist", new NamedArgs("mnist", args, "split"));
        try {
            return loaded(Mnist.load(Mnist.locate(context().dataDir), s));
        } catch (IOException e) {
            throw new UncheckedIOException("mnist: " + e.getMessage(), e);
        }
    }

    /**
     * The Fashion-MNIST data set (28x28, 10 classes): {@code fashionMnist(split: 'train')} or {@code 'test'}, read
     * from --data DIR (or its subfolder {@code fashion-mnist}), {@code $SMOOTHSPIKE_DATA/fashion-mnist} or the user
     * cache ({@code ./smoothspike data fashion-mnist} fills it) and checked against its SHA-256 sums.
     */
    public IdxImages fashionMnist(Map<String, Object> args) {
        Mnist.Split s = split("fashionMnist", new NamedArgs("fashionMnist", args, "split"));
        IdxDataSet set = IdxDataSet.FASHION_MNIST;
        try {
            return loaded(set.load(set.locate(context().dataDir), s));
        } catch (IOException e) {
            throw new UncheckedIOException("fashionMnist: " + e.getMessage(), e);
        }
    }

    /**
     * Labelled images of one's own from IDX files, of any image size and number of classes, without a checksum:
     * {@code idx(dir: 'data/kmnist', split: 'train')} (the split's files in MNIST's names, raw or {@code .gz}, or
     * the one file named with the split and {@code images} / {@code labels}) or
     * {@code idx(images: 'a-images.idx3.gz', labels: 'a-labels.idx1.gz')}. Relative paths start from the working
     * directory. {@code pixelCount()} and {@code classes()} of the result size the network's input and read-out.
     */
    public IdxImages idx(Map<String, Object> args) {
        NamedArgs a = new NamedArgs("idx", args, "dir", "split", "images", "labels");
        try {
            if (a.has("dir")) {
                if (a.has("images") || a.has("labels")) {
                    throw new IllegalArgumentException("idx: give dir: (and split:) or images: and labels:, not "
                            + "both");
                }
                return loaded(IdxImages.read(Path.of(String.valueOf(a.raw("dir"))), split("idx", a)));
            }
            if (!a.has("images") || !a.has("labels")) {
                throw new IllegalArgumentException("idx: needs dir: 'folder' (with split: 'train' or 'test'), or "
                        + "images: and labels: files");
            }
            Path images = Path.of(String.valueOf(a.raw("images")));
            return loaded(IdxImages.read(images, Path.of(String.valueOf(a.raw("labels"))), images.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("idx: " + e.getMessage(), e);
        }
    }

    /** The {@code split:} argument, {@code 'train'} by default. */
    private static Mnist.Split split(String word, NamedArgs a) {
        String split = String.valueOf(a.has("split") ? a.raw("split") : "train");
        return switch (split) {
            case "train" -> Mnist.Split.TRAIN;
            case "test" -> Mnist.Split.TEST;
            default -> throw new IllegalArgumentException(word + ": split must be 'train' or 'test', got '" + split
                    + "'");
        };
    }

    /** Records {@code data} as the set the networks defined next read (for gradient checks). */
    private <T> T loaded(T data) {
        context().lastDataset = data;
        return data;
    }

    /**
     * A data set of exact input spike times held in memory, for networks with an {@code external} input:
     * {@code source(trials: [[[0.1, 0.7], [0.3]], …], labels: [0, …])} (per trial a list of channels, each a list of
     * spike times or one number) or {@code source(size: n, trial: { i -> channels }, label: { i -> class })}; for a
     * timing task {@code targets: [[t0, t1, …], …]} or {@code target: { i -> [t0, t1, …] }} instead (one target spike
     * time per read-out neuron, trained with {@code loss targetTime()});
     * {@code augment: { times, random -> times' }} varies the training trials in every step. The networks defined
     * after it read their trials from it (for {@code gradcheck}).
     */
    public DataSource source(Map<String, Object> args) {
        return remember(GroovySources.source(args));
    }

    /**
     * A data source from CSV files: {@code csvSpikes(spikes: 'spikes.csv', labels: 'labels.csv')} (header
     * {@code sample,channel,time}, one spike per row; {@code sample,label}, one row per trial), or
     * {@code targets: 'targets.csv'} ({@code sample,neuron,time}) for target times; options as for {@link #shd}.
     */
    public DataSource csvSpikes(Map<String, Object> args) {
        return remember(GroovySources.csvSpikes(args));
    }

    /** A data source from a NumPy archive of arrays samples, channels, times and labels (or targets). */
    public DataSource npz(Object file) {
        return npz(Map.of(), file);
    }

    /** {@code npz('spikes.npz', pool: 2)}, options as for {@link #shd}. */
    public DataSource npz(Map<String, Object> args, Object file) {
        return remember(GroovySources.npz(args, file));
    }

    /** A data source from an HDF5 file in the layout of the Spiking Heidelberg Digits. */
    public DataSource shd(Object file) {
        return shd(Map.of(), file);
    }

    /**
     * {@code shd('shd_train.h5', channels: 700, pool: 10, timeScale: 2, limit: 1000)}: 700 channels merged into 70,
     * times doubled, the first 1000 trials. Paths are relative to the working directory.
     */
    public DataSource shd(Map<String, Object> args, Object file) {
        return remember(GroovySources.shd(args, file));
    }

    /** The networks defined after a data set read their trials from it (for {@code gradcheck}). */
    private DataSource remember(DataSource source) {
        context().lastDataset = source;
        return source;
    }

    /**
     * The Yin-Yang data set (Kriener et al. 2021) as exact input spike times, generated as the published generator
     * does: {@code yinyang(split: 'train')} ('validation', 'test'), or {@code yinyang(seed: 7, size: 300)};
     * {@code early: 0.15, late: 1.5} place the spikes of the features x, y, 1 − x, 1 − y (one channel each) and
     * {@code bias: 0.05} the spike of a fifth, reference channel ({@code bias: false}: none). Labels 0 yin, 1 yang,
     * 2 dot. The networks defined after it read their trials from it (for {@code gradcheck}).
     */
    public DataSource yinyang(Map<String, Object> args) {
        DataSource source = GroovyYinYang.source(args);
        context().lastDataset = source;
        return source;
    }

    /**
     * The interval task ({@code SpikeIntervals}, docs/experiments.md): the class is the gap between the spikes of
     * channels A and B. {@code spikeIntervals(split: 'train')} ('validation', 'test'), or
     * {@code spikeIntervals(seed: 7, size: 300)}; {@code classes: 4, shortestGap: 2, gapStep: 2, onsetSpread: 8,
     * jitter: 0.2, distractors: 0} shape the task. The networks defined after it read their trials from it (for
     * {@code gradcheck}).
     */
    public DataSource spikeIntervals(Map<String, Object> args) {
        return remember(GroovySpikeIntervals.source(args));
    }

    // ---- training ----

    /**
     * Trains a network: {@code train(net, trials: 3000, optimizer: 'sgd', lr: 0.1, clip: 0.02)} for a fixed task, or
     * {@code train(net, data: trainSet, test: testSet, epochs: 100, batch: 1000, optimizer: 'adabelief', lr: 4e-3,
     * decayEpochs: 100, flip: 0.02)} for an image set, or {@code data: source(…), test: source(…)} for exact input
     * spike times; {@code validation: source(…)} (or an image set) keeps the best model by it
     * ({@code model_best.json}), {@code timingTolerance} sets the tolerance of {@code timing_within_tolerance}. Other
     * arguments: {@code optimizerOptions: [b2: 0.99]},
     * {@code decaySteps}, {@code stepDecay: [factor, steps]}, {@code cosine: minLr}, {@code clipNorm},
     * {@code weightBounds: [low, high]}, {@code evaluateEvery}, {@code checkpointEvery},
     * {@code scan: [points: 50, maxMove: 0.5]}, {@code seed}, {@code threads}, {@code testLimit},
     * {@code trainLimit}. Metrics and checkpoints go to {@link #getOut()}; {@code --resume} continues a run.
     */
    public TrainingResult train(Map<String, Object> args, Network net) {
        NamedArgs a = new NamedArgs("train", args, "trials", "epochs", "batch", "optimizer", "optimizerOptions",
                "lr", "decaySteps", "decayEpochs", "stepDecay", "cosine", "clip", "clipNorm", "weightBounds",
                "evaluateEvery", "checkpointEvery", "scan", "seed", "threads", "testLimit", "trainLimit", "data",
                "test", "validation", "timingTolerance", "flip", "stopAfter");
        TrainingSettings s = new TrainingSettings();
        TrainingData data = null;
        if (a.has("data")) {
            data = trainingData(a);
            s.epochs(a.integer("epochs", 1));
        } else {
            if (a.has("validation")) {
                throw new IllegalArgumentException("train: validation: is for data sets; give data: and test: too");
            }
            s.trials(a.integer("trials"));
        }
        s.batchSize(a.integer("batch", 1));
        Map<String, Double> hyper = new java.util.LinkedHashMap<>();
        if (a.has("optimizerOptions")) {
            Map<?, ?> o = a.object("optimizerOptions", Map.class);
            for (Map.Entry<?, ?> e : o.entrySet()) {
                if (!(e.getValue() instanceof Number n)) {
                    throw new IllegalArgumentException("train: optimizer option '" + e.getKey() + "' must be a number");
                }
                hyper.put(String.valueOf(e.getKey()), n.doubleValue());
            }
        }
        s.optimizer(a.has("optimizer") ? String.valueOf(a.raw("optimizer")) : "adam", hyper);
        s.learningRate(a.number("lr", 1e-3));
        if (a.has("decaySteps")) {
            s.exponentialDecay(a.number("decaySteps"));
        }
        if (a.has("decayEpochs")) {
            if (data == null) {
                throw new IllegalArgumentException("train: decayEpochs needs a data set; use decaySteps");
            }
            int perEpoch = (data.train().size() + s.batchSize() - 1) / s.batchSize();
            s.exponentialDecay(a.number("decayEpochs") * perEpoch);
        }
        if (a.has("stepDecay")) {
            double[] sd = NamedArgs.doubles("train stepDecay", a.raw("stepDecay"));
            if (sd.length != 2) {
                throw new IllegalArgumentException("train: stepDecay needs [factor, steps]");
            }
            s.stepDecay(sd[0], sd[1]);
        }
        if (a.has("cosine")) {
            s.cosine(a.number("cosine"));
        }
        if (a.has("clip")) {
            s.clipElementwise(a.number("clip"));
        }
        if (a.has("clipNorm")) {
            s.clipNorm(a.number("clipNorm"));
        }
        if (a.has("weightBounds")) {
            double[] b = NamedArgs.doubles("train weightBounds", a.raw("weightBounds"));
            if (b.length != 2) {
                throw new IllegalArgumentException("train: weightBounds needs [low, high]");
            }
            s.weightBounds(b[0], b[1]);
        }
        if (a.has("flip")) {
            s.pixelFlip(a.number("flip"));
        }
        if (a.has("evaluateEvery")) {
            s.evaluateEvery(a.integer("evaluateEvery"));
        }
        if (a.has("checkpointEvery")) {
            s.checkpointEvery(a.integer("checkpointEvery"));
        }
        if (a.has("scan")) {
            NamedArgs sc = new NamedArgs("train scan", a.object("scan", Map.class), "points", "maxMove");
            s.stepScan(sc.integer("points", 50), sc.number("maxMove", 0.5));
        }
        s.seed(a.seed("seed", 1));
        if (a.has("threads")) {
            s.threads(a.integer("threads"));
        }
        s.testLimit(a.integer("testLimit", 0));
        if (a.has("timingTolerance")) {
            s.timingTolerance(a.number("timingTolerance"));
        }
        s.stopAfter(a.integer("stopAfter", 0));
        ScriptContext c = context();
        TrainingResult result = Trainer.train(net, s, data, c.out, c.resume, System.out);
        c.trainings.put(net, result);
        return result;
    }

    /**
     * The {@code data:}, {@code test:} and (optional) {@code validation:} sets of {@code train}: images, or data
     * sources of spike times.
     */
    private static TrainingData trainingData(NamedArgs a) {
        Object train = a.raw("data");
        Object test = a.raw("test");
        Object validation = a.raw("validation");
        int limit = a.integer("trainLimit", 0);
        if (test == null) {
            throw new IllegalArgumentException("train: a data set needs a held-out set: test: mnist(split: 'test') "
                    + "or test: source(…)");
        }
        if (train instanceof LabeledImages images && test instanceof LabeledImages testImages) {
            return new TrainingData(limit > 0 ? images.first(Math.min(limit, images.size())) : images, testImages,
                    validationSet(a, LabeledImages.class));
        }
        if (train instanceof DataSource trials && test instanceof DataSource testTrials) {
            return new TrainingData(limit > 0 ? trials.first(Math.min(limit, trials.size())) : trials, testTrials,
                    validationSet(a, DataSource.class));
        }
        throw mixedSets(a);
    }

    /** The {@code validation:} set of {@code train}, of the kind of its other sets, or null. */
    private static <T> T validationSet(NamedArgs a, Class<T> kind) {
        Object v = a.raw("validation");
        if (v == null || kind.isInstance(v)) {
            return kind.cast(v);
        }
        throw mixedSets(a);
    }

    private static IllegalArgumentException mixedSets(NamedArgs a) {
        Object validation = a.raw("validation");
        if (validation == null) {
            return new IllegalArgumentException("train: data: and test: must both be image sets (mnist(…), idx(…)) or "
                    + "both data sources (source(…), csvSpikes(…), …), got " + kind(a.raw("data")) + " and "
                    + kind(a.raw("test")));
        }
        return new IllegalArgumentException("train: data:, test: and validation: must all be image sets (mnist(…), "
                + "idx(…)) or all data sources (source(…), …), got " + kind(a.raw("data")) + ", " + kind(a.raw("test"))
                + " and " + kind(validation));
    }

    private static String kind(Object v) {
        return v instanceof LabeledImages ? "an image set" : v instanceof DataSource ? "a data source"
                : v == null ? "nothing" : "a " + v.getClass().getSimpleName();
    }

    // ---- outputs ----

    /** The folder this run writes to. */
    public Path getOut() {
        return context().out;
    }

    /** Writes {@code text} to a file in {@link #getOut()}, atomically; returns its path. */
    public Path write(String file, Object text) {
        Path target = getOut().resolve(file);
        try {
            io.smoothspike.io.AtomicFiles.writeString(target, String.valueOf(text));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** {@link #export(Map, Network, String)} with the defaults. */
    public Path export(Network net, String file) {
        return export(Map.of(), net, file);
    }

    /**
     * Exports a network for NumPy, pandas, MATLAB or R, as {@code smoothspike export} does: {@code export(net,
     * 'net.npz', samples: 100)} writes its parameters, its output times, predictions and spikes on samples (of
     * {@code data:}; by default its own inputs, or for a network that reads data the data set defined last before
     * it) and the metrics
     * history of its last {@code train} in this script. {@code format:} npz, csv or json (default: from the file
     * name); the file is relative to {@link #getOut()} and replaced if it exists. Returns its path.
     */
    public Path export(Map<String, Object> args, Network net, String file) {
        NamedArgs a = new NamedArgs("export", args, "samples", "data", "format");
        ScriptContext c = context();
        Path target = getOut().resolve(file);
        Object data = a.has("data") ? a.raw("data") : net.needsData() ? c.datasets.get(net) : null;
        Exporter exporter = Exporter.of(net).samples(ExportSamples.of(net, data,
                a.integer("samples", data == null ? 1 : 100)));
        TrainingResult training = c.trainings.get(net);
        if (training != null) {
            exporter.metrics(MetricsHistory.of(training.history())).run(training.finalMetrics());
        }
        ExportFormat format = a.has("format") ? ExportFormat.of(String.valueOf(a.raw("format")))
                : ExportFormat.ofFile(target);
        try {
            return exporter.build().write(target, format, true);
        } catch (IOException e) {
            throw new UncheckedIOException("export: cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Prints a progress line. */
    public void log(Object message) {
        System.out.println(message);
    }
}
