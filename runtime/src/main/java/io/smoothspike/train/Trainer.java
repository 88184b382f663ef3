package io.smoothspike.train;

import io.smoothspike.data.Mnist;
import io.smoothspike.export.Provenance;
import io.smoothspike.network.Evaluation;
import io.smoothspike.network.Network;
import io.smoothspike.optim.LearningRateSchedule;
import io.smoothspike.optim.Optimizer;
import io.smoothspike.optim.Optimizers;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.SpikeCapExceededException;
import io.smoothspike.spec.LossSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Trains a {@link Network}'s trainable parameters by exact gradient descent: mini-batches over a data set (images or
 * spike times per trial, see {@link TrainingData}, whose trials carry class labels or target spike times; shuffled
 * per epoch from the seed) or repeated trials of a fixed task; batches are evaluated in parallel and give the same
 * result for any number of threads. After each step the parameters are clipped into their valid ranges (spike times
 * in [0, T], phases in [0, Θ], …).
 *
 * <p>Writes to the output folder as it goes: {@code metrics.csv} (one row per evaluation), {@code checkpoint.json}
 * (atomically: settings, network, optimizer state, position and metrics so far; random streams are derived from the
 * seed and the position, so a resumed run reaches the same parameters and writes the same metrics bit for bit) and
 * at the end {@code metrics.json} (non-finite numbers as null) and {@code model.json} (the network as the run ends,
 * as {@link Network#save} writes it; {@link Network#load} reads it, and the network of a checkpoint). With a
 * validation set it also keeps the best model by validation ({@link BestModel}), writes it at the end as
 * {@code model_best.json} and reports the test figures of both the best and the last model. Without an output folder
 * it writes no files at all.
 */
public final class Trainer {

    /** Checkpoint file name in the output folder. */
    public static final String CHECKPOINT = "checkpoint.json";
    /** The file in the output folder that holds the network at the end of a run, as {@link Network#save} writes it. */
    public static final String MODEL = "model.json";
    /** The file that holds the best model by the validation set, as {@link Network#save} writes it. */
    public static final String MODEL_BEST = "model_best.json";

    private final Network net;
    private final TrainingSettings s;
    private final TrainingData data;
    private final Path out;
    /** The metrics files in {@link #out}, or null without an output folder. */
    private final MetricsFiles metricsFiles;
    private final PrintStream log;
    private final BatchSource batches;
    private final TrainingStep stepper;
    private final EvaluationLog evaluations;
    private final RunCheckpoints checkpoints;
    /** The best model by the validation set, or null without one. */
    private final BestModel best;
    private long step;
    private double initialLoss = Double.NaN;
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
        String misfit = data == null ? null : data.train().misfit(net);
        if (misfit == null) {
            misfit = TargetFit.misfit(net, data == null ? null : data.train());
        }
        if (misfit != null) {
            throw new IllegalArgumentException(misfit);
        }
        this.net = net;
        this.s = s;
        this.data = data;
        this.out = out;
        this.metricsFiles = out == null ? null : new MetricsFiles(out);
        this.log = log;
        ParameterVector vector = new ParameterVector(net, s);
        this.batches = new BatchSource(net, s, data == null ? null : data.train());
        Optimizer optimizer = Optimizers.create(s.optimizer, vector.length(), s.hyper);
        LearningRateSchedule schedule = s.schedule.create(s.learningRate, batches.totalSteps());
        this.stepper = new TrainingStep(s, vector, optimizer, schedule,
                s.stepScan ? new StepSizeScan(net, vector, s.scanPoints, s.scanMaxMove) : null);
        this.evaluations = new EvaluationLog(net, s, data == null ? null : data.test(),
                data == null ? null : data.validation(), batches, schedule, metricsFiles, log);
        this.best = data == null || data.validation() == null ? null : new BestModel();
        this.checkpoints = new RunCheckpoints(net, s, data, batches, evaluations, optimizer, best, out, log);
    }

    /**
     * Trains {@code net} (which keeps the trained parameters) and returns what the run produced.
     *
     * @param data the data set (its trials carry labels or target times; a validation set is optional), or null for
     *     the network's fixed task
     * @param out the output folder for metrics and checkpoints (created if needed; announced on {@code log} as
     *     "writing OUT/"), or null to write no files at all (the result then holds all metrics, and there is no
     *     checkpoint to resume from)
     * @param resume a folder whose {@code checkpoint.json} to continue from, or null to start afresh; the checkpoint
     *     must have been written with the same network description and training settings (the thread count may
     *     differ), else a {@link TrainingException} names each setting that differs
     * @param log where progress goes, or null for none
     * @throws TrainingException on a non-finite loss or gradient, a spike-cap hit, or a checkpoint that is corrupt
     *     or does not fit
     */
    public static TrainingResult train(Network net, TrainingSettings settings, TrainingData data, Path out,
            Path resume, PrintStream log) {
        Trainer t = new Trainer(net, settings, data, out, log);
        t.removeStaleTemporaries();
        if (resume != null) {
            t.resume(resume.resolve(CHECKPOINT));
        }
        if (out != null && log != null) {
            log.println("writing " + out + java.io.File.separator);
        }
        return t.run();
    }

    /** Deletes temporary files that a killed write left in the output folder. */
    private void removeStaleTemporaries() {
        if (out == null) {
            return;
        }
        try {
            io.smoothspike.io.AtomicFiles.removeStale(out.resolve(CHECKPOINT));
            metricsFiles.removeStale();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + out + ": " + e.getMessage(), e);
        }
    }

    private int stepsPerEpoch() {
        return batches.stepsPerEpoch();
    }

    private long totalSteps() {
        return batches.totalSteps();
    }

    private int evaluateEvery() {
        return s.evaluateEvery > 0 ? s.evaluateEvery : (int) Math.max(1, totalSteps() / 100);
    }

    // ---- the loop ----

    private TrainingResult run() {
        long total = totalSteps();
        Progress progress = new Progress(log, total, step);
        if (evaluations.history().isEmpty()) {
            Map<String, Object> first = evaluations.evaluate(step, Double.NaN, lastGood());
            initialLoss = ((Number) first.get("loss")).doubleValue();
            offerBest(first);
            progress.line(EvaluationLog.describe(first));
        }
        boolean interrupted = false;
        int stops = 0;
        double epochLoss = 0;
        int epochBatches = 0;
        long epochStart = System.nanoTime();
        CompletableFuture<BatchEncoder.Batch> next = null;
        BatchGradients.Run gradients = BatchGradients.current().start(net);
        while (step < total) {
            if (Thread.currentThread().isInterrupted()) {
                interrupted = true;
                break;
            }
            BatchEncoder.Batch batch = null;
            Evaluation ev;
            try {
                batch = next != null ? BatchEncoder.await(next) : batches.batch(step);
                next = null;
                ev = gradients.lossAndGradient(batch, s.threads);
            } catch (IllegalStateException e) {
                if (Thread.currentThread().isInterrupted()) {
                    // interrupted while the batch was encoded or ran: the parameters are those of the last step
                    interrupted = true;
                    break;
                }
                throw e;
            } catch (SpikeCapExceededException e) {
                throw new TrainingException(where() + ": training trial " + offendingTrial(batch.inputs())
                        + " of the batch exceeded the spike cap K = " + e.cap() + " (" + e.getMessage() + "); "
                        + "training stopped. " + lastGood() + ". Raise the trial's spikeCap if such activity is "
                        + "wanted, or lower the learning rate.", e);
            }
            if (data != null && step + 1 < total) {
                next = batches.batchAsync(step + 1); // encoded while this step is applied and evaluated
            }
            String problem = stepper.take(ev, step);
            if (problem != null) {
                throw new TrainingException(where() + ": " + problem + "; training stopped. " + lastGood()
                        + ". Lower the learning rate or clip the gradient (clipNorm).", null);
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
                Map<String, Object> row = evaluations.evaluate(step, epochLoss / Math.max(1, epochBatches),
                        lastGood());
                epochLoss = 0;
                epochBatches = 0;
                offerBest(row);
                progress.line(EvaluationLog.describe(row));
                stops++;
                if (stops % s.checkpointEvery == 0 || step == total) {
                    checkpoints.write(step, initialLoss, data == null ? largestStepMove : Double.NaN);
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
        double finalLoss = ((Number) evaluations.last().get("loss")).doubleValue();
        return new TrainingResult(initialLoss, finalLoss, List.copyOf(evaluations.history()),
                List.copyOf(evaluations.outputHistory()), finalMetrics, interrupted);
    }

    /** Offers the parameters just evaluated in {@code row} to the best model, if the run keeps one. */
    private void offerBest(Map<String, Object> row) {
        if (best != null) {
            best.offer(net, row);
        }
    }

    /** Index within the batch of the first trial that exceeds the spike cap (forward passes only). */
    private String offendingTrial(List<InputSpikes> batch) {
        io.smoothspike.sim.EventSimulator sim = new io.smoothspike.sim.EventSimulator(net.graph());
        for (int k = 0; k < batch.size(); k++) {
            try {
                sim.run(batch.get(k), net.trial());
            } catch (SpikeCapExceededException e) {
                return batches.describe(step, k);
            }
        }
        return "?";
    }

    /** Updates the largest single-step move of any output time of the fixed task's first trial. */
    private void trackStepMove() {
        double[][] now;
        try {
            now = StepSizeScan.outputTimes(net);
        } catch (SpikeCapExceededException e) {
            return;
        }
        if (previousTimes != null) {
            largestStepMove = Math.max(largestStepMove, StepSizeScan.maxMove(previousTimes, now));
        }
        previousTimes = now;
    }

    private String lastGood() {
        return checkpoints.lastGood();
    }

    /** The optimizer step being taken (1-based). */
    private String where() {
        if (data != null) {
            return String.format(Locale.ROOT, "step %d (epoch %d)", step + 1, step / stepsPerEpoch() + 1);
        }
        return "step " + (step + 1);
    }

    // ---- resuming and the end of the run ----

    private void resume(Path file) {
        Checkpoint cp = checkpoints.resume(file);
        step = cp.step;
        initialLoss = cp.initialLoss;
        if (data == null) {
            // at a checkpoint the last evaluation's output times are those after the current step
            previousTimes = cp.outputHistory.get(cp.outputHistory.size() - 1);
            largestStepMove = Double.isNaN(cp.largestMove) ? 0 : cp.largestMove;
        }
        if (log != null) {
            log.println("resumed from " + file + " at step " + step);
        }
    }

    private Map<String, Object> finish(boolean interrupted) {
        Map<String, Object> last = evaluations.last();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("initial_loss", initialLoss);
        m.put("final_loss", last.get("loss"));
        m.put("settings", s.toMap());
        m.put("provenance", Provenance.toMap());
        m.put("steps", step);
        m.put("interrupted", interrupted);
        LossSpec loss = net.spec().loss();
        if (data == null) {
            double[][] targets = loss instanceof LossSpec.SpikeTime st ? st.targets()
                    : loss instanceof LossSpec.SpikeTrain tr ? tr.targets() : null;
            if (targets != null) {
                m.put("targets", targets);
            }
            List<double[][]> outputs = evaluations.outputHistory();
            m.put("final_output_times", outputs.get(outputs.size() - 1));
            m.put("largest_output_move_per_step", largestStepMove);
        } else {
            if (data.train().hasTargetTimes()) {
                m.put("test_timing_rmse", last.get("timing_rmse"));
                m.put("test_timing_within_tolerance", last.get("timing_within_tolerance"));
                m.put("timing_tolerance", evaluations.tolerance());
            } else {
                m.put("test_accuracy", last.get("accuracy"));
                m.put("test_accuracy_ordinary", last.get("accuracy_ordinary"));
            }
            m.put("activity", last.get("activity"));
            m.put("silent_fraction", last.get("silent_fraction"));
            m.put("test_loss", last.get("loss"));
            m.put("epochs", step / (double) stepsPerEpoch());
            m.put("seconds_per_epoch", secondsPerEpoch);
            if (data.test() instanceof TrialSet.Images images && images.images() instanceof Mnist mnist) {
                m.put("test_data", "mnist " + mnist.split().name().toLowerCase(Locale.ROOT)); // for exports
            }
        }
        if (best != null) {
            m.put("best_model", best.figures());
            m.put("last_model", BestModel.figures(last));
        }
        if (metricsFiles != null) {
            metricsFiles.writeJson(m);
            Path model = out.resolve(MODEL);
            try {
                net.save(model);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the model " + model + ": " + e.getMessage(), e);
            }
            if (best != null) {
                best.write(out);
            }
        }
        if (best != null && log != null) {
            log.println(best.summary(last) + (out == null ? "" : "; wrote " + out.resolve(MODEL_BEST)));
        }
        return m;
    }
}
