package io.smoothspike.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.smoothspike.loss.FirstSpikeCrossEntropy;
import io.smoothspike.loss.Loss;
import io.smoothspike.loss.SpikeTimeSquaredError;
import io.smoothspike.loss.SpikeTrainLoss;
import io.smoothspike.loss.TargetTimeSquaredError;
import io.smoothspike.loss.TrialTargets;
import io.smoothspike.loss.WeightedSum;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The description of a loss of the output times (docs/method.md §6): it validates itself against the read-out and
 * builds the {@link Loss}. Saved as {@code {"kind": name, …its record components}}, where the name is the one it is
 * registered under in {@link Losses}. A loss of one's own is a record implementing this interface plus one
 * {@link Losses#register(String, Class)}; a loss given only as code is a {@link Custom} one.
 */
@JsonPropertyOrder({"kind"})
public interface LossSpec {

    /**
     * Checks this description against the read-out in {@code context}; a problem is a {@link SpecException} at
     * {@code where} (e.g. {@code loss.terms[1]}).
     */
    void validate(String where, LossContext context);

    /**
     * The loss of a batch whose trial k carries label {@code labels[k]} ({@code labels} is null when the data has
     * none). Called only after {@link #validate} passed.
     */
    Loss build(LossContext context, int[] labels);

    /**
     * The loss of a batch whose trials carry {@code targets} (by sample id); the network calls this one. By default
     * the loss of their labels ({@link #build(LossContext, int[])}); a loss of target times overrides it.
     */
    default Loss build(LossContext context, TrialTargets targets) {
        return build(context, targets.labels());
    }

    /**
     * What this loss reads from each trial of a data set: class labels (the default, as
     * {@link #build(LossContext, int[])} receives them), target times, or nothing (its targets are its own).
     * Training refuses a data set whose trials carry another kind.
     */
    default TrialTargets.Kind reads() {
        return TrialTargets.Kind.LABELS;
    }

    /** The name this description's type is registered under, written as the {@code kind} of its JSON form. */
    @JsonProperty("kind")
    default String kind() {
        return Losses.kindOf(getClass());
    }

    /** Mean squared error of output times against {@code targets[readout neuron][k]}. */
    record SpikeTime(double[][] targets) implements LossSpec {

        @Override
        public void validate(String where, LossContext c) {
            LossTargets.check(where, targets, c.readoutNeurons());
            for (int r = 0; r < targets.length; r++) {
                if (targets[r].length > c.outputSpikes() || targets[r].length == 0) {
                    throw new SpecException(where, "read-out neuron " + r + " has " + c.outputSpikes() + " output "
                            + "spikes but " + targets[r].length + " targets (between 1 and the output spikes)");
                }
            }
        }

        @Override
        public Loss build(LossContext c, int[] labels) {
            return new SpikeTimeSquaredError(targets);
        }

        @Override
        public TrialTargets.Kind reads() {
            return TrialTargets.Kind.NONE;
        }
    }

    /**
     * The recurrent-network loss against target trains {@code targets[neuron]}, to which a final target at
     * {@code finalFactor · T} is appended (1.1 in the paper).
     */
    record SpikeTrain(double[][] targets, double finalFactor) implements LossSpec {

        @Override
        public void validate(String where, LossContext c) {
            LossTargets.check(where, targets, c.readoutNeurons());
            if (!(finalFactor > 1) || Double.isInfinite(finalFactor)) {
                throw new SpecException(where, "the final target factor must exceed 1 (it lies past T), got "
                        + finalFactor);
            }
            for (int r = 0; r < targets.length; r++) {
                if (targets[r].length + 1 > c.outputSpikes()) {
                    throw new SpecException(where, "read-out neuron " + r + " has " + c.outputSpikes() + " output "
                            + "spikes; its " + targets[r].length + " targets plus the final one need at least "
                            + (targets[r].length + 1));
                }
                for (double t : targets[r]) {
                    if (t > c.duration()) {
                        throw new SpecException(where, "target " + t + " of read-out neuron " + r + " lies past T = "
                                + c.duration() + "; a spike train's targets lie in [0, T]");
                    }
                }
            }
        }

        @Override
        public Loss build(LossContext c, int[] labels) {
            double[][] t = new double[targets.length][];
            for (int r = 0; r < t.length; r++) {
                t[r] = Arrays.copyOf(targets[r], targets[r].length + 1);
                t[r][t[r].length - 1] = finalFactor * c.duration();
            }
            return new SpikeTrainLoss(t);
        }

        @Override
        public TrialTargets.Kind reads() {
            return TrialTargets.Kind.NONE;
        }
    }

    /** First-spike cross-entropy plus γ(exp(t_label/T) − 1); labels come with the data. Predicts the earliest. */
    record CrossEntropy(double gamma) implements LossSpec {

        @Override
        public void validate(String where, LossContext c) {
            if (c.outputSpikes() != 1) {
                throw new SpecException(where, "first-spike cross-entropy needs 1 output spike per read-out neuron, "
                        + "got " + c.outputSpikes());
            }
            if (!(gamma >= 0) || Double.isInfinite(gamma)) {
                throw new SpecException(where, "gamma must be finite and >= 0, got " + gamma);
            }
        }

        @Override
        public Loss build(LossContext c, int[] labels) {
            if (labels == null) {
                throw new IllegalArgumentException("the cross-entropy loss needs the labels of the trials");
            }
            return new FirstSpikeCrossEntropy(labels, c.readoutNeurons(), gamma, c.duration());
        }
    }

    /**
     * Squared error of each read-out neuron's first output time against its target time in the trial; the targets
     * come with the data ({@link TrialTargets#times}), one per read-out neuron and trial.
     */
    record TargetTime() implements LossSpec {

        @Override
        public void validate(String where, LossContext c) {
            // any read-out fits: the targets, checked when a batch is built, aim at each neuron's first output time
        }

        @Override
        public Loss build(LossContext c, int[] labels) {
            return build(c, TrialTargets.ofLabels(labels));
        }

        @Override
        public Loss build(LossContext c, TrialTargets targets) {
            if (targets.times() == null) {
                throw new IllegalArgumentException("the targetTime loss reads each trial's target spike times from "
                        + "the data: train it on a data source of target times (DataSource.ofTargetTimes in Java, "
                        + "source(trials: …, targets: …) in a script)");
            }
            return new TargetTimeSquaredError(targets.times(), c.readoutNeurons());
        }

        @Override
        public TrialTargets.Kind reads() {
            return TrialTargets.Kind.TIMES;
        }
    }

    /** Σ weight_k · loss_k. */
    record Sum(List<Term> terms) implements LossSpec {

        @Override
        public void validate(String where, LossContext c) {
            if (terms == null || terms.isEmpty()) {
                throw new SpecException(where, "a sum of losses needs at least one term");
            }
            for (int k = 0; k < terms.size(); k++) {
                Term t = terms.get(k);
                if (t == null || t.loss() == null || !Double.isFinite(t.weight())) {
                    throw new SpecException(where + ".terms[" + k + "]", "needs a finite weight and a loss");
                }
                Losses.validate(where + ".terms[" + k + "]", t.loss(), c);
            }
            if (terms.stream().map(t -> t.loss().reads()).distinct().filter(r -> r != TrialTargets.Kind.NONE)
                    .count() > 1) {
                throw new SpecException(where, "a sum cannot mix a loss of class labels with a loss of target times: "
                        + "the trials of a data set carry one or the other");
            }
        }

        @Override
        public Loss build(LossContext c, int[] labels) {
            return build(c, TrialTargets.ofLabels(labels));
        }

        @Override
        public Loss build(LossContext c, TrialTargets targets) {
            List<Loss> parts = new ArrayList<>();
            double[] w = new double[terms.size()];
            for (int k = 0; k < w.length; k++) {
                parts.add(terms.get(k).loss().build(c, targets));
                w[k] = terms.get(k).weight();
            }
            return new WeightedSum(parts, w);
        }

        /** What its terms read: labels or target times if one does, else nothing. */
        @Override
        public TrialTargets.Kind reads() {
            return terms.stream().map(t -> t.loss().reads()).filter(r -> r != TrialTargets.Kind.NONE).findFirst()
                    .orElse(TrialTargets.Kind.NONE);
        }
    }

    /** One weighted term of a {@link Sum}. */
    record Term(double weight, LossSpec loss) {
    }

    /**
     * A loss given only as code (Java lambda or Groovy closure); only its name is saved, and its code must be
     * registered under that name ({@link Losses#register(String, Loss)}) before a network using it compiles or loads.
     */
    record Custom(String name) implements LossSpec {

        @Override
        public void validate(String where, LossContext c) {
            if (name == null || !c.customLosses().containsKey(name)) {
                throw new SpecException(where, Losses.unregisteredCustom(name, c.customLosses().keySet()));
            }
        }

        @Override
        public Loss build(LossContext c, int[] labels) {
            return c.customLosses().get(name);
        }

        /** Its code sees only the output times. */
        @Override
        public TrialTargets.Kind reads() {
            return TrialTargets.Kind.NONE;
        }
    }
}
