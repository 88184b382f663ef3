package io.smoothspike.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to train: the task's size (trials of a fixed task, or epochs over a data set), the batch, the optimizer and
 * its learning-rate schedule, gradient clipping, augmentation, evaluation and checkpoint intervals, the step-size
 * scan, the tolerance of the timing metrics, the seed and the number of threads. Fluent setters validate their arguments; {@link #toMap()} renders the
 * settings for {@code metrics.json}, and the checkpoint records those that shape the run (all but the thread count,
 * the checkpoint interval and {@link #stopAfter}) so that a resume with other settings is refused.
 */
public final class TrainingSettings {

    int trials = 0;
    int epochs = 0;
    int batchSize = 1;
    String optimizer = "adam";
    final Map<String, Double> hyper = new LinkedHashMap<>();
    double learningRate = 1e-3;
    SchedulePlan schedule = new SchedulePlan.Constant();
    double clipElementwise = 0;
    double clipNorm = 0;
    double weightLow = Double.NEGATIVE_INFINITY;
    double weightHigh = Double.POSITIVE_INFINITY;
    double flipProbability = 0;
    Augmentation augmentation;
    int evaluateEvery = 0;
    int checkpointEvery = 1;
    boolean stepScan = false;
    double scanMaxMove = 0.5;
    int scanPoints = 50;
    long seed = 1;
    int threads = Runtime.getRuntime().availableProcessors();
    int testLimit = 0;
    /** The tolerance of the timing errors; NaN: 1 % of the trial duration. */
    double timingTolerance = Double.NaN;
    int stopAfterEpochs = 0;

    /** A fixed task repeated for {@code trials} trials ({@code trials / batchSize} steps). */
    public TrainingSettings trials(int n) {
        positive("trials", n);
        this.trials = n;
        return this;
    }

    /** Passes over a data set. */
    public TrainingSettings epochs(int n) {
        positive("epochs", n);
        this.epochs = n;
        return this;
    }

    /** Trials per optimizer step. */
    public int batchSize() {
        return batchSize;
    }

    public TrainingSettings batchSize(int n) {
        positive("batch size", n);
        this.batchSize = n;
        return this;
    }

    /** {@code sgd}, {@code adam} or {@code adabelief}, with named hyper-parameters (e.g. b2, momentum). */
    public TrainingSettings optimizer(String name, Map<String, Double> hyperParameters) {
        this.optimizer = name;
        this.hyper.clear();
        this.hyper.putAll(hyperParameters);
        return this;
    }

    public TrainingSettings optimizer(String name) {
        return optimizer(name, Map.of());
    }

    public TrainingSettings learningRate(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + lr);
        }
        this.learningRate = lr;
        return this;
    }

    /** Learning rate decays by 1/e every {@code steps} optimizer steps, continuously. */
    public TrainingSettings exponentialDecay(double steps) {
        if (!(steps > 0)) {
            throw new IllegalArgumentException("decay steps must be positive, got " + steps);
        }
        this.schedule = new SchedulePlan.Exponential(steps);
        return this;
    }

    /** Learning rate multiplied by {@code factor} every {@code steps} steps. */
    public TrainingSettings stepDecay(double factor, double steps) {
        if (!(factor > 0 && factor <= 1) || !(steps > 0)) {
            throw new IllegalArgumentException("step decay needs a factor in (0, 1] and positive steps, got "
                    + factor + ", " + steps);
        }
        this.schedule = new SchedulePlan.Step(factor, steps);
        return this;
    }

    /** Cosine decay to {@code minLearningRate} over the whole run. */
    public TrainingSettings cosine(double minLr) {
        if (!(minLr >= 0)) {
            throw new IllegalArgumentException("minimal learning rate must be >= 0, got " + minLr);
        }
        this.schedule = new SchedulePlan.Cosine(minLr);
        return this;
    }

    /** Clip each gradient component to ±bound before the optimizer. */
    public TrainingSettings clipElementwise(double bound) {
        positive("element-wise clipping bound", bound);
        this.clipElementwise = bound;
        return this;
    }

    /** Scale the gradient down to L2 norm {@code maxNorm} where it is larger. */
    public TrainingSettings clipNorm(double maxNorm) {
        positive("gradient norm bound", maxNorm);
        this.clipNorm = maxNorm;
        return this;
    }

    /** Keep weights in [low, high] after each step. */
    public TrainingSettings weightBounds(double low, double high) {
        if (!(low < high)) {
            throw new IllegalArgumentException("weight bounds need low < high, got [" + low + ", " + high + "]");
        }
        this.weightLow = low;
        this.weightHigh = high;
        return this;
    }

    /**
     * Flip each (binarised) pixel with this probability in every batch (docs/experiments.md §4.1: 0.02), from a stream
     * per image derived from the seed, the step and the image's position in the batch.
     */
    public TrainingSettings pixelFlip(double probability) {
        this.augmentation = probability == 0 ? null : Augmentation.pixelFlip(probability);
        this.flipProbability = probability;
        return this;
    }

    /**
     * A user augmentation of training images (replaces {@link #pixelFlip}); it is called on several threads at once,
     * each image with its own random stream (see {@link Augmentation}).
     */
    public TrainingSettings augmentation(Augmentation a) {
        this.augmentation = a;
        this.flipProbability = Double.NaN;
        return this;
    }

    /** Evaluate every n steps (fixed tasks; data sets are evaluated after every epoch). */
    public TrainingSettings evaluateEvery(int n) {
        positive("evaluation interval", n);
        this.evaluateEvery = n;
        return this;
    }

    /** Checkpoint every n epochs (data sets) or evaluations (fixed tasks). */
    public TrainingSettings checkpointEvery(int n) {
        positive("checkpoint interval", n);
        this.checkpointEvery = n;
        return this;
    }

    /**
     * The step-size scan of docs/experiments.md §3.2: try {@code points} factors 10^[−5…2] of the optimizer's step and
     * keep the best loss among those that move no output spike by more than {@code maxMove}.
     */
    public TrainingSettings stepScan(int points, double maxMove) {
        positive("scan points", points);
        positive("largest spike move", maxMove);
        this.stepScan = true;
        this.scanPoints = points;
        this.scanMaxMove = maxMove;
        return this;
    }

    public TrainingSettings seed(long s) {
        this.seed = s;
        return this;
    }

    public TrainingSettings threads(int n) {
        positive("threads", n);
        this.threads = n;
        return this;
    }

    /** Evaluate on the first n held-out samples only (0 = all). */
    public TrainingSettings testLimit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("test limit must be >= 0, got " + n);
        }
        this.testLimit = n;
        return this;
    }

    /**
     * How close to its target an output time must be to count in {@code timing_within_tolerance}, the fraction
     * reported for data sets with target spike times (default: 1 % of the trial duration T).
     */
    public TrainingSettings timingTolerance(double tolerance) {
        positive("timing tolerance", tolerance);
        this.timingTolerance = tolerance;
        return this;
    }

    /** The timing tolerance of a network whose trials last {@code duration}: the one set, or 1 % of it. */
    double toleranceFor(double duration) {
        return Double.isNaN(timingTolerance) ? 0.01 * duration : timingTolerance;
    }

    /** Stop (as if interrupted) after this many epochs or evaluations; for testing resumption. 0 = never. */
    public TrainingSettings stopAfter(int n) {
        this.stopAfterEpochs = n;
        return this;
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be positive, got " + v);
        }
    }

    /**
     * The settings as a map, for metrics.json ({@code evaluate_every} and {@code test_limit} 0 mean the defaults:
     * about 100 evaluations, the whole held-out set; {@code timing_tolerance} appears only when set).
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (trials > 0) {
            m.put("trials", trials);
        }
        if (epochs > 0) {
            m.put("epochs", epochs);
        }
        m.put("batch_size", batchSize);
        m.put("optimizer", optimizer);
        m.put("optimizer_hyper_parameters", new LinkedHashMap<>(hyper));
        m.put("learning_rate", learningRate);
        m.put("schedule", schedule.name());
        schedule.record(m);
        m.put("clip_elementwise", clipElementwise);
        m.put("clip_norm", clipNorm);
        if (Double.isFinite(weightLow) || Double.isFinite(weightHigh)) {
            m.put("weight_bounds", new double[] {weightLow, weightHigh});
        }
        m.put("augmentation", augmentation == null ? "none" : Double.isNaN(flipProbability) ? "custom"
                : "pixel flip " + flipProbability);
        m.put("evaluate_every", evaluateEvery);
        m.put("test_limit", testLimit);
        if (!Double.isNaN(timingTolerance)) {
            m.put("timing_tolerance", timingTolerance);
        }
        m.put("step_scan", stepScan);
        if (stepScan) {
            m.put("scan_points", scanPoints);
            m.put("scan_max_move", scanMaxMove);
        }
        m.put("seed", seed);
        m.put("threads", threads);
        return m;
    }

    /** The settings that shape the run's trajectory and metrics: {@link #toMap()} without the thread count. */
    Map<String, Object> trajectory() {
        Map<String, Object> m = toMap();
        m.remove("threads");
        return m;
    }
}
