package io.smoothspike.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smoothspike.data.LabeledImages;
import io.smoothspike.network.Evaluation;
import io.smoothspike.network.Network;
import io.smoothspike.network.NetworkFile;
import io.smoothspike.optim.GradientClipping;
import io.smoothspike.optim.LearningRateSchedule;
import io.smoothspike.optim.Optimizer;
import io.smoothspike.optim.OptimizerState;
import io.smoothspike.optim.Optimizers;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.SpikeCapExceededException;
import io.smoothspike.spec.LossSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * Trains a {@link Network}'s trainable parameters by exact gradient descent: mini-batches over a labelled data set
 * (shuffled per epoch from the seed) or repeated trials of a fixed task; batches are evaluated in parallel and give
 * the same result for any number of threads. After each step the parameters are clipped into their valid ranges
 * (spike times in [0, T], phases in [0, Θ], …).
 *
 * <p>Writes to the output folder as it goes: {@code metrics.csv} (one row per evaluation), {@code checkpoint.json}
 * (atomically: network, optimizer state and position; random streams are derived from the seed and the position,
 * so a resumed run reaches the same parameters bit for bit) and at the end {@code metrics.json}.
 */
public final class Trainer {

    private static final ObjectMapper JSON = io.smoothspike.network.Json.MAPPER;
    /** Checkpoint file name in the output folder. */
    public static final String CHECKPOINT = "checkpoint.json";

    private final Network net;
    private final TrainingSettings s;
    private final TrainingData data;
    private final Path out;
    private final PrintStream log;
    private final List<String> names;
    private final int[] offsets;
    private final double[] low;
    private final double[] high;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final List<Map<String, Object>> history = new ArrayList<>();
    private final List<double[][]> outputHistory = new ArrayList<>();
    private final List<InputSpikes> testInputs = new ArrayList<>();
    private int[] testLabels;
    /** Encodes the training batches of a data set (null for fixed tasks). */
    private final BatchEncoder trainEncoder;
    /** The shuffled sample order of epoch {@code orderEpoch}. */
    private int[] order;
    private int orderEpoch = -1;
    private long step;
    private double initialLoss = Double.NaN;
    private String lastCheckpoint;
    private double secondsPerEpoch = Double.NaN;
    /** Fixed tasks: output times after the previous step, and the largest move of any of them in one step. */
    private double[][] previousTimes;
    private double largestStepMove;

    private Trainer(Network net, TrainingSettings s, TrainingData data, Path out, PrintStream log) {
        if (net.readout() == null || net.spec().loss() == null) {
            throw new IllegalArgumentException("training needs a network with a read-out and a loss");
        }
        if (data == null && s.epochs > 0) {
            throw new IllegalArgumentException("epochs are for data sets: give trials(n) for a fixed task, or a data"
                    + " set");
        }
        if (data != null && s.epochs == 0) {
            throw new IllegalArgumentException("a data set needs epochs(n)");
        }
        if (data == null && s.trials == 0) {
            throw new IllegalArgumentException("a fixed task needs trials(n)");
        }
        if (data != null && !net.needsData()) {
            throw new IllegalArgumentException("the network has no image input for the data set");
        }
        this.net = net;
        this.s = s;
        this.data = data;
        this.out = out;
        this.log = log;
        this.names = net.trainableParameterNames();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the network has no trainable parameters");
        }
        this.offsets = new int[names.size() + 1];
        for (int k = 0; k < names.size(); k++) {
            offsets[k + 1] = offsets[k] + net.parameterLength(names.get(k));
        }
        this.low = new double[names.size()];
        this.high = new double[names.size()];
        for (int k = 0; k < names.size(); k++) {
            double[] b = net.bounds(names.get(k));
            boolean weight = names.get(k).endsWith(".weight");
            low[k] = weight ? Math.max(b[0], s.weightLow) : b[0];
            high[k] = weight ? Math.min(b[1], s.weightHigh) : b[1];
        }
        this.optimizer = Optimizers.create(s.optimizer, offsets[names.size()], s.hyper);
        long total = totalSteps();
        this.schedule = switch (s.schedule) {
            case "exponential" -> LearningRateSchedule.exponentialDecay(s.learningRate, s.decaySteps);
            case "step" -> LearningRateSchedule.stepDecay(s.learningRate, s.decayFactor, (long) s.decaySteps);
            case "cosine" -> LearningRateSchedule.cosine(s.learningRate, total, s.minLearningRate);
            default -> LearningRateSchedule.constant(s.learningRate);
        };
        if (data != null) {
            LabeledImages test = s.testLimit > 0 ? data.test().first(Math.min(s.testLimit, data.test().size()))
                    : data.test();
            BatchEncoder.Batch encoded = new BatchEncoder(net, test, null, s.seed, s.threads)
                    .encode(k -> k, 0, test.size(), 0);
            testInputs.addAll(encoded.inputs());
            testLabels = encoded.labels();
            trainEncoder = new BatchEncoder(net, data.train(), s.augmentation, s.seed, s.threads);
        } else {
            testInputs.add(net.input(0));
            trainEncoder = null;
        }
    }

    /** Trains and writes metrics and checkpoints to {@code out}; {@code resume} continues from a checkpoint folder. */
    public static TrainingResult train(Network net, TrainingSettings settings, TrainingData data, Path out,
            Path resume, PrintStream log) {
        Trainer t = new Trainer(net, settings, data, out, log);
        if (resume != null) {
            t.resume(resume.resolve(CHECKPOINT));
        }
        return t.run();
    }

    private int stepsPerEpoch() {
        return (data.train().size() + s.batchSize - 1) / s.batchSize;
    }

    private long totalSteps() {
        return data != null ? (long) s.epochs * stepsPerEpoch() : Math.max(1, s.trials / s.batchSize);
    }

    private int evaluateEvery() {
        return s.evaluateEvery > 0 ? s.evaluateEvery : (int) Math.max(1, totalSteps() / 100);
    }

    // ---- the loop ----

    private TrainingResult run() {
        long total = totalSteps();
        Progress progress = new Progress(log, total, step);
        if (history.isEmpty()) {
            Map<String, Object> first = evaluate();
            initialLoss = ((Number) first.get("loss")).doubleValue();
            progress.line(describe(first));
        }
        boolean interrupted = false;
        int stops = 0;
        double epochLoss = 0;
        int epochBatches = 0;
        long epochStart = System.nanoTime();
        double[] params = new double[offsets[names.size()]];
        double[] grad = new double[params.length];
        CompletableFuture<BatchEncoder.Batch> next = null;
        while (step < total) {
            if (Thread.currentThread().isInterrupted()) {
                interrupted = true;
                break;
            }
            BatchEncoder.Batch batch = null;
            Evaluation ev;
            try {
                batch = next != null ? BatchEncoder.await(next) : encodeBatch(step);
                next = null;
                ev = net.lossAndGradient(batch.inputs(), batch.labels(), s.threads);
            } catch (IllegalStateException e) {
                if (Thread.currentThread().isInterrupted()) {
                    // interrupted while the batch was encoded or ran: the parameters are those of the last step
                    interrupted = true;
                    break;
                }
                throw e;
            } catch (SpikeCapExceededException e) {
                throw new TrainingException(where() + ": training trial " + offendingTrial(batch.inputs())
                        + " of the batch exceeded the spike cap K = " + e.cap() + " (" + e.getMessage() + "). Raise "
                        + "the trial's spikeCap if such activity is wanted, or lower the learning rate.", e);
            }
            if (data != null && step + 1 < total) {
                next = encodeBatchAsync(step + 1); // encoded while this step is applied and evaluated
            }
            gather(params);
            flatten(ev, grad);
            checkFinite(ev.loss(), grad);
            if (s.clipElementwise > 0) {
                GradientClipping.elementwise(grad, s.clipElementwise);
            }
            if (s.clipNorm > 0) {
                GradientClipping.globalNorm(grad, s.clipNorm);
            }
            double lr = schedule.rate(step);
            if (s.stepScan) {
                scanStep(params, grad, lr);
            } else {
                optimizer.step(params, grad, lr);
                clamp(params);
                scatter(params);
            }
            step++;
            if (data == null) {
                trackStepMove();
            }
            epochLoss += ev.loss();
            epochBatches++;
            progress.update(step, String.format(Locale.ROOT, "loss %.4g", ev.loss()));
            boolean epochEnd = data != null && step % stepsPerEpoch() == 0;
            boolean evaluate = data != null ? epochEnd : step % evaluateEvery() == 0 || step == total;
            if (evaluate) {
                if (epochEnd) {
                    secondsPerEpoch = (System.nanoTime() - epochStart) * 1e-9;
                }
                Map<String, Object> row = evaluate();
                row.put("train_loss", epochLoss / Math.max(1, epochBatches));
                epochLoss = 0;
                epochBatches = 0;
                progress.line(describe(row));
                stops++;
                if (stops % s.checkpointEvery == 0 || step == total) {
                    checkpoint();
                }
                if (epochEnd) {
                    epochStart = System.nanoTime();
                }
                if (s.stopAfterEpochs > 0 && stops >= s.stopAfterEpochs && step < total) {
                    interrupted = true;
                    break;
                }
            }
        }
        Map<String, Object> finalMetrics = finish(interrupted);
        double finalLoss = ((Number) history.get(history.size() - 1).get("loss")).doubleValue();
        return new TrainingResult(initialLoss, finalLoss, List.copyOf(history), List.copyOf(outputHistory),
                finalMetrics, interrupted);
    }

    /** Index within the batch of the first trial that exceeds the spike cap (forward passes only). */
    private String offendingTrial(List<InputSpikes> batch) {
        io.smoothspike.sim.EventSimulator sim = new io.smoothspike.sim.EventSimulator(net.graph());
        for (int k = 0; k < batch.size(); k++) {
            try {
                sim.run(batch.get(k), net.trial());
            } catch (SpikeCapExceededException e) {
                if (data == null) {
                    return "#" + k + " (trial " + (step * s.batchSize + k) + ")";
                }
                int perEpoch = stepsPerEpoch();
                int[] order = epochOrder((int) (step / perEpoch));
                return "#" + k + " (training sample " + order[(int) (step % perEpoch) * s.batchSize + k] + ")";
            }
        }
        return "?";
    }

    /** Updates the largest single-step move of any output time of the fixed task's first trial. */
    private void trackStepMove() {
        double[][] now;
        try {
            now = outputTimes();
        } catch (SpikeCapExceededException e) {
            return;
        }
        if (previousTimes != null) {
            largestStepMove = Math.max(largestStepMove, maxMove(previousTimes, now));
        }
        previousTimes = now;
    }

    /** The batch of step t (labels null for fixed tasks). */
    private BatchEncoder.Batch encodeBatch(long t) {
        if (data == null) {
            List<InputSpikes> inputs = new ArrayList<>();
            for (int j = 0; j < s.batchSize; j++) {
                inputs.add(net.input((int) (t * s.batchSize + j)));
            }
            return new BatchEncoder.Batch(inputs, null);
        }
        return BatchEncoder.await(encodeBatchAsync(t));
    }

    /** {@link #encodeBatch} of a data set's step t, on a background thread (the sample order is taken now). */
    private CompletableFuture<BatchEncoder.Batch> encodeBatchAsync(long t) {
        int perEpoch = stepsPerEpoch();
        int[] epochOrder = epochOrder((int) (t / perEpoch));
        int from = (int) (t % perEpoch) * s.batchSize;
        return trainEncoder.encodeAsync(k -> epochOrder[k], from, Math.min(epochOrder.length, from + s.batchSize), t);
    }

    /** The order in which epoch {@code epoch} visits the training samples, shuffled from the seed. */
    private int[] epochOrder(int epoch) {
        if (epoch != orderEpoch) {
            order = shuffle(data.train().size(), s.seed * 1_000_003L + epoch);
            orderEpoch = epoch;
        }
        return order;
    }

    private static int[] shuffle(int n, long seed) {
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int k = n - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            int tmp = order[k];
            order[k] = order[j];
            order[j] = tmp;
        }
        return order;
    }

    // ---- parameters ----

    private void gather(double[] params) {
        for (int k = 0; k < names.size(); k++) {
            double[] v = net.parameter(names.get(k));
            System.arraycopy(v, 0, params, offsets[k], v.length);
        }
    }

    private void scatter(double[] params) {
        for (int k = 0; k < names.size(); k++) {
            net.setParameter(names.get(k), java.util.Arrays.copyOfRange(params, offsets[k], offsets[k + 1]));
        }
    }

    private void clamp(double[] params) {
        for (int k = 0; k < names.size(); k++) {
            for (int i = offsets[k]; i < offsets[k + 1]; i++) {
                params[i] = Math.min(high[k], Math.max(low[k], params[i]));
            }
        }
    }

    private void flatten(Evaluation ev, double[] grad) {
        for (int k = 0; k < names.size(); k++) {
            double[] g = ev.gradient().get(names.get(k));
            System.arraycopy(g, 0, grad, offsets[k], g.length);
        }
    }

    private void checkFinite(double loss, double[] grad) {
        String problem = null;
        if (!Double.isFinite(loss)) {
            problem = "the loss is " + loss;
        } else {
            for (int k = 0; k < names.size() && problem == null; k++) {
                for (int i = offsets[k]; i < offsets[k + 1]; i++) {
                    if (!Double.isFinite(grad[i])) {
                        problem = "the gradient of '" + names.get(k) + "' [" + (i - offsets[k]) + "] is " + grad[i];
                        break;
                    }
                }
            }
        }
        if (problem != null) {
            throw new TrainingException(where() + ": " + problem + "; training stopped. Last good checkpoint: "
                    + (lastCheckpoint == null ? "none yet" : lastCheckpoint) + ". Lower the learning rate or clip "
                    + "the gradient (clipNorm).", null);
        }
    }

    private String where() {
        if (data != null) {
            return String.format(Locale.ROOT, "step %d (epoch %d)", step + 1, step / stepsPerEpoch() + 1);
        }
        return "step " + (step + 1);
    }

    // ---- the step-size scan of PAPER-NOTES 5.3 ----

    private void scanStep(double[] params, double[] grad, double lr) {
        double[] start = params.clone();
        optimizer.step(params, grad, lr);
        double[] direction = new double[params.length];
        for (int i = 0; i < params.length; i++) {
            direction[i] = params[i] - start[i];
        }
        double[][] before = outputTimes();
        double bestLoss = Double.POSITIVE_INFINITY;
        double bestFactor = 0;
        double[] trial = new double[params.length];
        for (int k = 0; k < s.scanPoints; k++) {
            double factor = Math.pow(10, -5 + 7.0 * k / Math.max(1, s.scanPoints - 1));
            for (int i = 0; i < params.length; i++) {
                trial[i] = start[i] + factor * direction[i];
            }
            clamp(trial);
            scatter(trial);
            double[][] after;
            double loss;
            try {
                loss = meanLoss();
                after = outputTimes();
            } catch (SpikeCapExceededException e) {
                continue;
            }
            if (maxMove(before, after) <= s.scanMaxMove && loss < bestLoss) {
                bestLoss = loss;
                bestFactor = factor;
            }
        }
        for (int i = 0; i < params.length; i++) {
            trial[i] = start[i] + bestFactor * direction[i];
        }
        clamp(trial);
        scatter(trial);
    }

    private double meanLoss() {
        io.smoothspike.grad.TrialEvaluator ev = new io.smoothspike.grad.TrialEvaluator(net.graph(), net.trial(),
                net.readout());
        return ev.loss(net.input(0), 0, net.loss(null));
    }

    /** Output times of the fixed task's first trial, with the current (possibly trained) input times. */
    private double[][] outputTimes() {
        return net.simulate(net.input(0)).outputTimes();
    }

    private static double maxMove(double[][] a, double[][] b) {
        double m = 0;
        for (int r = 0; r < a.length; r++) {
            for (int j = 0; j < a[r].length; j++) {
                m = Math.max(m, Math.abs(a[r][j] - b[r][j]));
            }
        }
        return m;
    }

    // ---- evaluation, metrics, checkpoints ----

    private Map<String, Object> evaluate() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", step);
        if (data != null) {
            row.put("epoch", step / (double) stepsPerEpoch());
        } else {
            row.put("trials", step * s.batchSize);
        }
        row.put("learning_rate", schedule.rate(step));
        if (data == null) {
            testInputs.set(0, net.input(0));
        }
        Map<String, Object> m = HeldOutMetrics.evaluate(net, testInputs, testLabels, s.threads);
        row.putAll(m);
        if (data == null) {
            double[][] times;
            try {
                times = outputTimes();
            } catch (SpikeCapExceededException e) {
                throw new TrainingException(where() + ": the evaluation trial exceeded the spike cap K = " + e.cap()
                        + " (" + e.getMessage() + "). Raise the trial's spikeCap if such activity is wanted.", e);
            }
            outputHistory.add(times);
            for (int r = 0; r < times.length; r++) {
                for (int j = 0; j < times[r].length; j++) {
                    row.put("t" + r + "_" + j, times[r][j]);
                }
            }
        }
        history.add(row);
        writeCsv();
        int hits = ((Number) m.get("spike_cap_hits")).intValue();
        if (hits > 0 && log != null) {
            log.println("warning: " + hits + " held-out trials exceeded the spike cap K = " + net.trial().spikeCap()
                    + " (samples " + m.get("spike_cap_samples") + "); raise spikeCap if this activity is wanted");
        }
        return row;
    }

    private static String describe(Map<String, Object> row) {
        StringBuilder sb = new StringBuilder();
        for (String k : List.of("step", "epoch", "trials", "loss", "accuracy", "accuracy_ordinary", "activity",
                "silent_fraction")) {
            Object v = row.get(k);
            if (v != null) {
                sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ')
                        .append(v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : v);
            }
        }
        return sb.toString();
    }

    private void writeCsv() {
        if (out == null) {
            return;
        }
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        for (Map<String, Object> r : history) {
            columns.addAll(r.keySet());
        }
        columns.remove("spike_cap_samples");
        StringBuilder sb = new StringBuilder(String.join(",", columns)).append('\n');
        for (Map<String, Object> r : history) {
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                Object v = r.get(c);
                cells.add(v == null ? "" : String.valueOf(v));
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        writeText("metrics.csv", sb.toString());
    }

    private void writeText(String file, String text) {
        try {
            io.smoothspike.io.AtomicFiles.writeString(out.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve(file) + ": " + e.getMessage(), e);
        }
    }

    private void checkpoint() {
        if (out == null) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "smoothspike-checkpoint");
        root.put("version", 1);
        root.set("network", NetworkFile.toTree(net));
        OptimizerState st = optimizer.state();
        ObjectNode opt = root.putObject("optimizer");
        opt.put("type", st.type());
        opt.put("steps", st.steps());
        opt.set("buffers", JSON.valueToTree(st.buffers()));
        root.put("step", step);
        root.put("initial_loss", initialLoss);
        root.set("history", JSON.valueToTree(history));
        root.set("output_history", JSON.valueToTree(outputHistory));
        Path file = out.resolve(CHECKPOINT);
        try {
            NetworkFile.writeAtomically(file, root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + file + ": " + e.getMessage(), e);
        }
        lastCheckpoint = file + (data != null ? " (epoch " + step / stepsPerEpoch() + ")" : " (step " + step + ")");
    }

    private void resume(Path file) {
        try {
            JsonNode root = NetworkFile.readTree(file);
            if (!"smoothspike-checkpoint".equals(root.path("format").asText()) || root.path("version").asInt() != 1) {
                throw new TrainingException(file + " is not a SmoothSpike checkpoint (version 1)", null);
            }
            Network saved = NetworkFile.fromTree(root.get("network"), file.toString(), Map.of());
            if (!NetworkFile.toJson(saved.spec()).equals(NetworkFile.toJson(net.spec()))) {
                throw new TrainingException(file + " belongs to a different network description; resume with the "
                        + "script and parameters that wrote it", null);
            }
            for (String name : net.parameterNames()) {
                net.setParameter(name, saved.parameter(name));
            }
            JsonNode opt = root.get("optimizer");
            optimizer.restore(new OptimizerState(opt.get("type").asText(), opt.get("steps").asLong(),
                    JSON.treeToValue(opt.get("buffers"), double[][].class)));
            step = root.get("step").asLong();
            initialLoss = root.get("initial_loss").asDouble();
            for (JsonNode r : (ArrayNode) root.get("history")) {
                history.add(JSON.convertValue(r, LinkedHashMap.class));
            }
            for (JsonNode r : (ArrayNode) root.get("output_history")) {
                outputHistory.add(JSON.treeToValue(r, double[][].class));
            }
            lastCheckpoint = file.toString();
            if (log != null) {
                log.println("resumed from " + file + " at step " + step);
            }
        } catch (IOException e) {
            throw new TrainingException("cannot resume from " + file + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Object> finish(boolean interrupted) {
        Map<String, Object> last = history.get(history.size() - 1);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("initial_loss", initialLoss);
        m.put("final_loss", last.get("loss"));
        m.put("settings", s.toMap());
        m.put("steps", step);
        m.put("interrupted", interrupted);
        LossSpec loss = net.spec().loss();
        if (data == null) {
            double[][] targets = loss instanceof LossSpec.SpikeTime st ? st.targets()
                    : loss instanceof LossSpec.SpikeTrain tr ? tr.targets() : null;
            if (targets != null) {
                m.put("targets", targets);
            }
            m.put("final_output_times", outputHistory.get(outputHistory.size() - 1));
            m.put("largest_output_move_per_step", largestStepMove);
        } else {
            m.put("test_accuracy", last.get("accuracy"));
            m.put("test_accuracy_ordinary", last.get("accuracy_ordinary"));
            m.put("activity", last.get("activity"));
            m.put("silent_fraction", last.get("silent_fraction"));
            m.put("test_loss", last.get("loss"));
            m.put("epochs", step / (double) stepsPerEpoch());
            m.put("seconds_per_epoch", secondsPerEpoch);
        }
        if (out != null) {
            try {
                writeText("metrics.json", JSON.writeValueAsString(m) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return m;
    }
}
