package io.smoothspike.train;

import com.fasterxml.jackson.databind.JsonNode;
import io.smoothspike.network.Network;
import io.smoothspike.network.NetworkFile;
import io.smoothspike.optim.Optimizer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The checkpoints of a run: writes {@code checkpoint.json} (settings, network, optimizer state, position, the
 * metrics log and the best model by validation if the run has a validation set) and restores a run from one,
 * refusing a checkpoint whose settings or network description differ.
 */
final class RunCheckpoints {

    private final Network net;
    private final TrainingSettings s;
    private final TrainingData data;
    private final BatchSource batches;
    private final EvaluationLog evaluations;
    private final Optimizer optimizer;
    /** The best model by the validation set, or null without one. */
    private final BestModel best;
    /** The output folder, or null: no checkpoints are written. */
    private final Path out;
    private final PrintStream log;
    /** The last checkpoint written or resumed from, with its position, for messages (null: none yet). */
    private String last;

    RunCheckpoints(Network net, TrainingSettings s, TrainingData data, BatchSource batches, EvaluationLog evaluations,
            Optimizer optimizer, BestModel best, Path out, PrintStream log) {
        this.net = net;
        this.s = s;
        this.data = data;
        this.batches = batches;
        this.evaluations = evaluations;
        this.optimizer = optimizer;
        this.best = best;
        this.out = out;
        this.log = log;
    }

    /** "Last good checkpoint: FILE (epoch e)", or "… none yet", for messages. */
    String lastGood() {
        return "Last good checkpoint: " + (last == null ? "none yet" : last);
    }

    /** Writes the checkpoint after {@code step} steps (nothing without an output folder). */
    void write(long step, double initialLoss, double largestMove) {
        if (out == null) {
            return;
        }
        Path file = out.resolve(Trainer.CHECKPOINT);
        try {
            new Checkpoint(settingsRecord(), NetworkFile.toTree(net), optimizer.state(), step, initialLoss,
                    evaluations.history(), evaluations.outputHistory(), largestMove,
                    best == null ? null : new Checkpoint.Best(best.step(), best.network())).write(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + file + ": " + e.getMessage(), e);
        }
        last = name(file, step);
    }

    /** The checkpoint file and the position it holds, for messages. */
    private String name(Path file, long step) {
        return file + (data != null ? " (epoch " + step / batches.stepsPerEpoch() + ")" : " (step " + step + ")");
    }

    /** The settings a resume must match: those shaping the trajectory, and the sizes of the data sets. */
    private Map<String, Object> settingsRecord() {
        Map<String, Object> m = s.trajectory();
        if (data != null) {
            m.put("training_samples", data.train().size());
            m.put("held_out_samples", evaluations.heldOutSize());
            if (data.validation() != null) {
                m.put("validation_samples", data.validation().size());
            }
        }
        return m;
    }

    /**
     * Restores the network's parameters, the optimizer's state and the metrics log from {@code file}; returns the
     * checkpoint for the position it holds.
     */
    Checkpoint resume(Path file) {
        Checkpoint cp = Checkpoint.read(file, data == null);
        List<String> differences = cp.settingsDifferences(settingsRecord());
        if (!differences.isEmpty()) {
            throw new TrainingException("cannot resume from " + file + ": the training settings differ from those "
                    + "that wrote it: " + String.join(", ", differences) + ". Resume with the settings that wrote "
                    + "it (for a script: the same -P parameters), or start a new run in another folder.", null);
        }
        if (cp.settings == null && log != null) {
            log.println("warning: " + file + " was written by an older SmoothSpike and records no training "
                    + "settings: resuming without checking that they match" + (data == null
                    ? "; largest_output_move_per_step counts from here" : ""));
        }
        Network saved = network(file, "network", cp.network);
        if (best != null) {
            cp.requireBest(file);
            network(file, "best.network", cp.best.network());
        }
        cp.requireStepWithin(file, batches.totalSteps());
        try {
            optimizer.restore(cp.optimizer);
        } catch (IllegalArgumentException e) {
            throw new TrainingException("corrupt checkpoint: " + file + ": \"optimizer\" does not fit the network's "
                    + "parameters: " + e.getMessage(), e);
        }
        for (String name : net.parameterNames()) {
            net.setParameter(name, saved.parameter(name));
        }
        evaluations.restore(cp.history, cp.outputHistory);
        if (best != null) {
            best.restore(cp.best.network(), cp.row(cp.best.step()));
        }
        last = name(file, cp.step);
        return cp;
    }

    /** The network of a checkpoint's {@code field}, which must be the network being trained (parameters aside). */
    private Network network(Path file, String field, JsonNode tree) {
        Network saved;
        try {
            saved = NetworkFile.fromTree(tree, file.toString(), Map.of());
        } catch (IllegalArgumentException e) {
            String problem = e.getMessage().replaceFirst("^" + java.util.regex.Pattern.quote(file + ": "), "");
            throw new TrainingException("corrupt checkpoint: " + file + ": \"" + field + "\": " + problem, e);
        }
        if (!NetworkFile.toJson(saved.spec()).equals(NetworkFile.toJson(net.spec()))) {
            throw new TrainingException(file + " belongs to a different network description; resume with the "
                    + "script and parameters that wrote it", null);
        }
        return saved;
    }
}
