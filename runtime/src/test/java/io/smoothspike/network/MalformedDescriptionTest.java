package io.smoothspike.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.loss.Loss;
import io.smoothspike.spec.ConnectivitySpec;
import io.smoothspike.spec.InputSpec;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.ModelSpec;
import io.smoothspike.spec.NetworkSpec;
import io.smoothspike.spec.OutputSpec;
import io.smoothspike.spec.PopulationSpec;
import io.smoothspike.spec.ProjectionSpec;
import io.smoothspike.spec.SpecException;
import io.smoothspike.spec.TrialSpec;
import io.smoothspike.spec.ValueSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed network descriptions: each case breaks exactly one thing of a small valid description and expects a
 * {@link SpecException} naming the offending element (its path) and what was expected.
 */
class MalformedDescriptionTest {

    /**
     * A mutable copy of the small valid base description: input "in" (3 explicit-spike channels), qif population "h"
     * (4 neurons), theta population "out" (2 neurons), projections in->h and h->out, read-out of "out" with one spike
     * per neuron and a first-spike cross-entropy loss.
     */
    static final class Base {
        String name = "base";
        TrialSpec trial = new TrialSpec(4.0, 100, 10.0, "auto");
        List<InputSpec> inputs = new ArrayList<>(List.of(input("in", 3,
                new InputSpec.Spikes(new double[][] {{0.1}, {0.2, 0.5}, {0.3}}), false)));
        List<PopulationSpec> populations = new ArrayList<>(List.of(
                population("h", 4, ModelSpec.qif(1.0), Map.of()),
                population("out", 2, ModelSpec.theta(1.0, 1.0), Map.of())));
        List<ProjectionSpec> projections = new ArrayList<>(List.of(
                new ProjectionSpec("in", "h", new ConnectivitySpec.AllToAll(true), new ValueSpec.Constant(1.5), true),
                new ProjectionSpec("h", "out", new ConnectivitySpec.AllToAll(true),
                        new ValueSpec.FanInUniform(0.5, 0.2, 7), true)));
        OutputSpec output = new OutputSpec("out", null, 1);
        LossSpec loss = new LossSpec.CrossEntropy(0.1);

        NetworkSpec build() {
            return new NetworkSpec(name, trial, inputs, populations, projections, output, loss);
        }

        int populationIndex(String n) {
            for (int k = 0; k < populations.size(); k++) {
                if (populations.get(k).name().equals(n)) {
                    return k;
                }
            }
            throw new AssertionError("no population " + n);
        }

        void replacePopulation(String n, PopulationSpec p) {
            populations.set(populationIndex(n), p);
        }

        void model(String n, ModelSpec m) {
            PopulationSpec p = populations.get(populationIndex(n));
            replacePopulation(n, new PopulationSpec(p.name(), p.size(), m, p.initial(), p.trainInitial(),
                    p.trainConstants()));
        }

        void size(String n, int size) {
            PopulationSpec p = populations.get(populationIndex(n));
            replacePopulation(n, new PopulationSpec(p.name(), size, p.model(), p.initial(), p.trainInitial(),
                    p.trainConstants()));
        }

        void initial(String n, String coordinate, ValueSpec v) {
            PopulationSpec p = populations.get(populationIndex(n));
            Map<String, ValueSpec> init = new LinkedHashMap<>(p.initial());
            init.put(coordinate, v);
            replacePopulation(n, new PopulationSpec(p.name(), p.size(), p.model(), init, p.trainInitial(),
                    p.trainConstants()));
        }

        void trainConstants(String n, String... constants) {
            PopulationSpec p = populations.get(populationIndex(n));
            replacePopulation(n, new PopulationSpec(p.name(), p.size(), p.model(), p.initial(), p.trainInitial(),
                    List.of(constants)));
        }

        /** Replaces the projection with the given label (from->to). */
        void projection(String label, ConnectivitySpec c, ValueSpec w) {
            for (int k = 0; k < projections.size(); k++) {
                ProjectionSpec p = projections.get(k);
                if (p.label().equals(label)) {
                    projections.set(k, new ProjectionSpec(p.from(), p.to(), c, w, p.trainable()));
                    return;
                }
            }
            throw new AssertionError("no projection " + label);
        }

        void source(InputSpec.Source s, boolean trainTimes) {
            InputSpec in = inputs.get(0);
            inputs.set(0, new InputSpec(in.name(), in.size(), s, trainTimes));
        }
    }

    static InputSpec input(String name, int size, InputSpec.Source s, boolean trainTimes) {
        return new InputSpec(name, size, s, trainTimes);
    }

    static PopulationSpec population(String name, int size, ModelSpec model, Map<String, ValueSpec> initial) {
        return new PopulationSpec(name, size, model, initial, false, List.of());
    }

    /** One malformed description: what to break, the expected path and fragments the message must contain. */
    record Case(Consumer<Base> breakIt, String path, List<String> fragments) {
    }

    private static Arguments c(String title, Consumer<Base> breakIt, String path, String... fragments) {
        return Arguments.of(Named.of(title, new Case(breakIt, path, List.of(fragments))));
    }

    static double[][] matrix(int rows, int cols, double v) {
        double[][] m = new double[rows][cols];
        for (double[] r : m) {
            Arrays.fill(r, v);
        }
        return m;
    }

    static boolean[][] mask(int rows, int cols) {
        boolean[][] m = new boolean[rows][cols];
        for (boolean[] r : m) {
            Arrays.fill(r, true);
        }
        return m;
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                // ---- trial ----
                c("missing trial", b -> b.trial = null, "trial", "trial settings are missing", "duration T"),
                c("T = 0", b -> b.trial = new TrialSpec(0, 100, 10, "auto"), "trial.duration",
                        "T must be a positive finite number", "got 0.0"),
                c("T < 0", b -> b.trial = new TrialSpec(-2.5, 100, 10, "auto"), "trial.duration",
                        "T must be a positive finite number", "got -2.5"),
                c("T NaN", b -> b.trial = new TrialSpec(Double.NaN, 100, 10, "auto"), "trial.duration",
                        "T must be a positive finite number", "got NaN"),
                c("T infinite", b -> b.trial = new TrialSpec(Double.POSITIVE_INFINITY, 100, 10, "auto"),
                        "trial.duration", "T must be a positive finite number", "got Infinity"),
                c("K = 0", b -> b.trial = new TrialSpec(4, 0, 10, "auto"), "trial.spikeCap",
                        "K must be a positive integer", "got 0"),
                c("K < 0", b -> b.trial = new TrialSpec(4, -3, 10, "auto"), "trial.spikeCap",
                        "K must be a positive integer", "got -3"),
                c("alpha = 0", b -> b.trial = new TrialSpec(4, 100, 0, "auto"), "trial.alpha",
                        "must be positive and finite", "got 0.0"),
                c("alpha < 0", b -> b.trial = new TrialSpec(4, 100, -1, "auto"), "trial.alpha",
                        "must be positive and finite", "got -1.0"),
                c("alpha NaN", b -> b.trial = new TrialSpec(4, 100, Double.NaN, "auto"), "trial.alpha",
                        "must be positive and finite", "got NaN"),
                c("unknown pseudo rule", b -> b.trial = new TrialSpec(4, 100, 10, "sideways"), "trial.pseudoRule",
                        "unknown pseudo-input rule 'sideways'", "auto, layered, recurrent"),

                // ---- names ----
                c("duplicate population names", b -> b.populations.add(population("h", 2, ModelSpec.qif(1),
                        Map.of())), "populations[h]", "duplicate name 'h'", "distinct names"),
                c("population named like the input group", b -> b.populations.add(population("in", 2,
                        ModelSpec.qif(1), Map.of())), "populations[in]", "duplicate name 'in'", "distinct names"),
                c("duplicate input group names", b -> b.inputs.add(input("in", 1,
                        new InputSpec.Spikes(new double[][] {{}}), false)), "inputs[in]", "duplicate name 'in'"),
                c("population name with '-'", b -> b.replacePopulation("h", population("h-1", 4, ModelSpec.qif(1),
                        Map.of())), "populations[h-1]", "name must be a letter or '_'", "got 'h-1'"),
                c("input name starting with a digit", b -> b.inputs.set(0, input("1in", 3,
                        new InputSpec.Spikes(new double[][] {{}, {}, {}}), false)), "inputs[1in]",
                        "name must be a letter or '_'", "got '1in'"),
                c("population name with a space", b -> b.replacePopulation("out", population("out put", 2,
                        ModelSpec.theta(1, 1), Map.of())), "populations[out put]", "got 'out put'"),
                c("population without a name", b -> b.replacePopulation("out", population(null, 2,
                        ModelSpec.theta(1, 1), Map.of())), "populations[null]", "name must be", "got none"),

                // ---- populations and models ----
                c("no populations", b -> {
                    b.populations.clear();
                    b.projections.clear();
                    b.output = null;
                    b.loss = null;
                }, "populations", "at least one population"),
                c("empty population", b -> b.size("h", 0), "populations[h]", "size must be a positive integer",
                        "got 0"),
                c("negative population size", b -> b.size("out", -2), "populations[out]",
                        "size must be a positive integer", "got -2"),
                c("empty input group", b -> b.inputs.set(0, input("in", 0, new InputSpec.Spikes(new double[0][]),
                        false)), "inputs[in]", "size must be a positive integer", "got 0"),
                c("missing model", b -> b.model("h", null), "populations[h]", "neuron model is missing"),
                c("NaN tau", b -> b.model("h", ModelSpec.qif(Double.NaN)), "populations[h].model", "tau",
                        "positive finite", "got NaN"),
                c("negative tau", b -> b.model("out", ModelSpec.theta(-1, 1)), "populations[out].model", "tau",
                        "positive finite", "got -1.0"),
                c("missing tau", b -> b.model("h", new ModelSpec("qif", Map.of())), "populations[h].model",
                        "tau of the qif model is missing"),
                c("theta drive = 1/4", b -> b.model("out", ModelSpec.theta(1, 0.25)), "populations[out].model",
                        "I0 (constant drive)", "greater than 1/4", "got 0.25"),
                c("theta drive < 1/4", b -> b.model("out", ModelSpec.theta(1, 0.1)), "populations[out].model",
                        "I0 (constant drive)", "greater than 1/4", "got 0.1"),
                c("theta drive missing", b -> b.model("out", new ModelSpec("theta", Map.of("tau", 1.0))),
                        "populations[out].model", "drive of the theta model is missing"),
                c("oscillatory-lif drive <= threshold", b -> b.model("out", ModelSpec.oscillatoryLif(1, 0.8, 1.0)),
                        "populations[out].model", "I0 (constant drive)", "threshold V_th = 1.0", "got 0.8"),
                c("oscillatory-lif drive = default threshold", b -> b.model("out",
                        new ModelSpec("oscillatory-lif", Map.of("tau", 1.0, "drive", 1.0))),
                        "populations[out].model", "threshold V_th = 1.0", "got 1.0", "drive > threshold"),
                c("lif threshold = 0", b -> b.model("h", ModelSpec.lif(1, 0)), "populations[h].model",
                        "threshold V_th must be a positive finite number", "got 0.0"),
                c("lif threshold < 0", b -> b.model("h", ModelSpec.lif(1, -0.5)), "populations[h].model",
                        "threshold V_th must be a positive finite number", "got -0.5"),
                c("unknown model type", b -> b.model("h", new ModelSpec("izhikevich", Map.of("tau", 1.0))),
                        "populations[h].model", "unknown neuron model 'izhikevich'",
                        "qif, theta, lif, oscillatory-lif", "NeuronModels.register(MyModel.TYPE)"),
                c("drive on qif", b -> b.model("h", new ModelSpec("qif", Map.of("tau", 1.0, "drive", 2.0))),
                        "populations[h].model", "the qif model has no constant 'drive'",
                        "the qif model's constants: tau > 0"),
                c("threshold on theta", b -> b.model("out", new ModelSpec("theta",
                        Map.of("tau", 1.0, "drive", 1.0, "threshold", 0.5))),
                        "populations[out].model", "the theta model has no constant 'threshold'",
                        "tau > 0, drive > 0.25"),
                c("drive on lif", b -> b.model("h", new ModelSpec("lif",
                        Map.of("tau", 1.0, "drive", 3.0, "threshold", 1.0))), "populations[h].model",
                        "the lif model has no constant 'drive'", "threshold > 0 (default 1.0)"),
                c("unknown trainable constant", b -> b.trainConstants("h", "tau", "drive"),
                        "populations[h].trainConstants", "the qif model has no constant 'drive'", "[tau]"),
                c("unknown initial coordinate", b -> b.initial("h", "phase", new ValueSpec.Constant(0.1)),
                        "populations[h].initial", "unknown initial-state coordinate 'phase'", "qif", "[V, I]"),
                c("initial values of the wrong length", b -> b.initial("h", "V",
                        new ValueSpec.Values(new double[] {0.1, 0.2, 0.3})), "populations[h].initial.V",
                        "needs 4 values, got 3"),
                c("initial value NaN", b -> b.initial("h", "I", new ValueSpec.Values(new double[] {0, 0, Double.NaN,
                        0})), "populations[h].initial.I", "value 2 must be a finite number", "got NaN"),
                c("theta initial phase above the period", b -> b.initial("out", "phase",
                        new ValueSpec.Values(new double[] {0.5, 100.0})), "populations[out].initial",
                        "phase must lie in [0, Theta]", "got 100.0"),
                c("theta initial phase negative", b -> b.initial("out", "phase",
                        new ValueSpec.Constant(-0.25)), "populations[out].initial", "phase must lie in [0, Theta]",
                        "got -0.25"),
                c("matrix for an initial state", b -> b.initial("h", "V", new ValueSpec.Matrix(matrix(2, 2, 0))),
                        "populations[h].initial.V", "a matrix is only allowed for weights"),
                c("fan-in initialiser for an initial state", b -> b.initial("h", "V",
                        new ValueSpec.FanInUniform(0.5, 0, 1)), "populations[h].initial.V",
                        "fan-in scaled initialisation needs a positive fan-in"),

                // ---- inputs ----
                c("explicit spike lists fewer than channels", b -> b.source(new InputSpec.Spikes(
                        new double[][] {{0.1}, {0.2}}), false), "inputs[in].spikes",
                        "one spike list per channel (3)", "got 2"),
                c("explicit spike lists more than channels", b -> b.source(new InputSpec.Spikes(
                        new double[][] {{}, {}, {}, {1}}), false), "inputs[in].spikes",
                        "one spike list per channel (3)", "got 4"),
                c("explicit spike list missing for a channel", b -> b.source(new InputSpec.Spikes(
                        new double[][] {{0.1}, null, {}}), false), "inputs[in].spikes", "channel 1 has no spike list"),
                c("negative spike time", b -> b.source(new InputSpec.Spikes(new double[][] {{0.1}, {}, {-0.5}}),
                        false), "inputs[in].spikes", "channel 2", "finite and >= 0", "got -0.5"),
                c("NaN spike time", b -> b.source(new InputSpec.Spikes(new double[][] {{Double.NaN}, {}, {}}),
                        false), "inputs[in].spikes", "channel 0", "finite and >= 0", "got NaN"),
                c("missing source", b -> b.source(null, false), "inputs[in]", "input source is missing"),
                c("Poisson negative rate", b -> b.source(new InputSpec.Poisson(-5, 0, 2, 1, false), false),
                        "inputs[in].poisson", "rate must be finite and >= 0", "got -5.0"),
                c("Poisson window reversed", b -> b.source(new InputSpec.Poisson(5, 2, 1, 1, false), false),
                        "inputs[in].poisson", "0 <= start < end < infinity", "got [2.0, 1.0]"),
                c("Poisson window negative start", b -> b.source(new InputSpec.Poisson(5, -1, 1, 1, false), false),
                        "inputs[in].poisson", "0 <= start < end < infinity", "got [-1.0, 1.0]"),
                c("Poisson window infinite", b -> b.source(new InputSpec.Poisson(5, 0, Double.POSITIVE_INFINITY, 1,
                        false), false), "inputs[in].poisson", "0 <= start < end < infinity", "got [0.0, Infinity]"),
                c("image bins 0", b -> b.source(new InputSpec.Image(0), false), "inputs[in].image",
                        "bins must lie in [1, 99]", "got 0"),
                c("image bins 100", b -> b.source(new InputSpec.Image(100), false), "inputs[in].image",
                        "bins must lie in [1, 99]", "got 100"),
                c("trainable times on a Poisson source", b -> b.source(new InputSpec.Poisson(5, 0, 2, 1, false),
                        true), "inputs[in]", "only explicit spike times can be trainable"),
                c("trainable times on an external source", b -> b.source(new InputSpec.External(), true),
                        "inputs[in]", "only explicit spike times can be trainable"),

                // ---- projections ----
                c("unknown source population", b -> b.projections.set(0, new ProjectionSpec("nope", "h", null,
                        null, true)), "projections[nope->h]", "unknown source 'nope'", "[in]", "[h, out]"),
                c("unknown target population", b -> b.projections.set(1, new ProjectionSpec("h", "ghost", null,
                        null, true)), "projections[h->ghost]", "unknown target population 'ghost'", "[h, out]"),
                c("connection into an input group", b -> b.projections.add(new ProjectionSpec("h", "in", null,
                        null, true)), "projections[h->in]", "'in' is an input group",
                        "connections can only go into populations"),
                c("duplicate projection", b -> b.projections.add(new ProjectionSpec("in", "h", null,
                        new ValueSpec.Constant(0.5), true)), "projections[in->h]", "duplicate projection"),
                c("weight matrix with too few rows", b -> b.projection("in->h", null,
                        new ValueSpec.Matrix(matrix(2, 4, 1))), "projections[in->h].weights",
                        "matrix needs 3 rows, got 2"),
                c("weight matrix with a short row", b -> {
                    double[][] m = matrix(3, 4, 1);
                    m[1] = new double[] {1, 1, 1};
                    b.projection("in->h", null, new ValueSpec.Matrix(m));
                }, "projections[in->h].weights", "matrix row 1 needs 4 entries, got 3"),
                c("weight matrix with a long row", b -> b.projection("h->out", null,
                        new ValueSpec.Matrix(matrix(4, 3, 1))), "projections[h->out].weights",
                        "matrix row 0 needs 2 entries, got 3"),
                c("NaN entry in a weight matrix", b -> {
                    double[][] m = matrix(3, 4, 1);
                    m[1][2] = Double.NaN;
                    b.projection("in->h", null, new ValueSpec.Matrix(m));
                }, "projections[in->h].weights", "entry [1][2] must be a finite number", "got NaN"),
                c("NaN constant weight", b -> b.projection("in->h", null, new ValueSpec.Constant(Double.NaN)),
                        "projections[in->h].weights", "constant must be a finite number", "got NaN"),
                c("infinite explicit weight", b -> {
                    double[] v = new double[12];
                    v[5] = Double.NEGATIVE_INFINITY;
                    b.projection("in->h", null, new ValueSpec.Values(v));
                }, "projections[in->h].weights", "value 5 must be a finite number", "got -Infinity"),
                c("explicit weights of the wrong count", b -> b.projection("h->out", null,
                        new ValueSpec.Values(new double[7])), "projections[h->out].weights", "needs 8 values, got 7"),
                c("uniform weights low > high", b -> b.projection("in->h", null, new ValueSpec.Uniform(1, 0.5, 3)),
                        "projections[in->h].weights", "low <= high", "got [1.0, 0.5]"),
                c("normal weights negative std", b -> b.projection("in->h", null, new ValueSpec.Normal(0, -1, 3)),
                        "projections[in->h].weights", "std must be finite and >= 0", "got -1.0"),
                c("mask with too few rows", b -> b.projection("in->h", new ConnectivitySpec.Mask(mask(2, 4)),
                        new ValueSpec.Constant(1)), "projections[in->h].connectivity", "mask needs 3 rows, got 2"),
                c("mask with a short row", b -> {
                    boolean[][] m = mask(3, 4);
                    m[2] = new boolean[] {true};
                    b.projection("in->h", new ConnectivitySpec.Mask(m), new ValueSpec.Constant(1));
                }, "projections[in->h].connectivity", "mask row 2 needs 4 entries, got 1"),
                c("random connectivity p > 1", b -> b.projection("in->h", new ConnectivitySpec.Random(1.5, 1, true),
                        new ValueSpec.Constant(1)), "projections[in->h].connectivity",
                        "connection probability must lie in [0, 1]", "got 1.5"),
                c("random connectivity p < 0", b -> b.projection("h->out", new ConnectivitySpec.Random(-0.1, 1,
                        true), new ValueSpec.Constant(1)), "projections[h->out].connectivity",
                        "connection probability must lie in [0, 1]", "got -0.1"),
                c("random connectivity p NaN", b -> b.projection("h->out", new ConnectivitySpec.Random(Double.NaN,
                        1, true), new ValueSpec.Constant(1)), "projections[h->out].connectivity",
                        "connection probability must lie in [0, 1]", "got NaN"),
                c("one-to-one with unequal sizes", b -> b.projection("in->h", new ConnectivitySpec.OneToOne(),
                        new ValueSpec.Constant(1)), "projections[in->h].connectivity",
                        "one-to-one connectivity needs equal sizes", "got 3 and 4"),

                // ---- read-out ----
                c("read-out population unknown", b -> b.output = new OutputSpec("nobody", null, 1), "output",
                        "unknown read-out population 'nobody'", "[h, out]"),
                c("read-out of an input group", b -> b.output = new OutputSpec("in", null, 1), "output",
                        "unknown read-out population 'in'", "[h, out]"),
                c("read-out neuron out of range", b -> b.output = new OutputSpec("out", new int[] {0, 2}, 1),
                        "output", "neuron 2 is outside population 'out' of size 2"),
                c("read-out neuron negative", b -> b.output = new OutputSpec("out", new int[] {-1}, 1), "output",
                        "neuron -1 is outside population 'out' of size 2"),
                c("read-out neuron listed twice", b -> b.output = new OutputSpec("out", new int[] {1, 1}, 1),
                        "output", "neuron 1 is listed twice"),
                c("read-out neuron list empty", b -> b.output = new OutputSpec("out", new int[0], 1), "output",
                        "no read-out neurons listed"),
                c("read-out spikes 0", b -> b.output = new OutputSpec("out", null, 0), "output",
                        "at least 1 output spike", "got 0"),

                // ---- loss ----
                c("loss without output", b -> b.output = null, "loss", "a loss needs a read-out (output)"),
                c("spike-time targets fewer than read-out neurons", b -> b.loss = new LossSpec.SpikeTime(
                        new double[][] {{1.0}}), "loss", "one target list per read-out neuron (2)", "got 1"),
                c("spike-time targets more than spikes per neuron", b -> b.loss = new LossSpec.SpikeTime(
                        new double[][] {{1.0}, {1.5, 2.0}}), "loss",
                        "read-out neuron 1 has 1 output spikes but 2 targets",
                        "between 1 and the output spikes"),
                c("spike-time targets empty for a neuron", b -> {
                    b.output = new OutputSpec("out", null, 2);
                    b.loss = new LossSpec.SpikeTime(new double[][] {{}, {1.5}});
                }, "loss", "read-out neuron 0 has 2 output spikes but 0 targets", "between 1 and the output spikes"),
                c("spike-train targets plus final one more than spikes", b -> b.loss = new LossSpec.SpikeTrain(
                        new double[][] {{0.5}, {}}, 1.1), "loss", "read-out neuron 0 has 1 output spikes",
                        "its 1 targets plus the final one need at least 2"),
                c("spike-time target NaN", b -> b.loss = new LossSpec.SpikeTime(new double[][] {{1.0},
                        {Double.NaN}}), "loss", "target times must be finite", "got NaN"),
                c("spike-train final factor <= 1", b -> b.loss = new LossSpec.SpikeTrain(new double[][] {{}, {}},
                        1.0), "loss", "final target factor must exceed 1", "got 1.0"),
                c("spike-train target past T", b -> {
                    b.output = new OutputSpec("out", null, 2);
                    b.loss = new LossSpec.SpikeTrain(new double[][] {{1.0}, {4.5}}, 1.1);
                }, "loss", "target 4.5 of read-out neuron 1 lies past T = 4.0"),
                c("cross-entropy with 2 spikes per neuron", b -> b.output = new OutputSpec("out", null, 2), "loss",
                        "first-spike cross-entropy needs 1 output spike per read-out neuron", "got 2"),
                c("cross-entropy negative gamma", b -> b.loss = new LossSpec.CrossEntropy(-1), "loss",
                        "gamma must be finite and >= 0", "got -1.0"),
                c("custom loss not supplied", b -> b.loss = new LossSpec.Custom("myLoss"), "loss",
                        "custom loss 'myLoss' is not registered", "Losses.register(\"myLoss\", loss)"),
                c("sum of no losses", b -> b.loss = new LossSpec.Sum(List.of()), "loss",
                        "a sum of losses needs at least one term"),
                c("sum term with a NaN weight", b -> b.loss = new LossSpec.Sum(List.of(
                        new LossSpec.Term(1, new LossSpec.CrossEntropy(0)),
                        new LossSpec.Term(Double.NaN, new LossSpec.CrossEntropy(0)))), "loss.terms[1]",
                        "needs a finite weight and a loss"),
                c("sum term with a broken loss", b -> b.loss = new LossSpec.Sum(List.of(
                        new LossSpec.Term(1, new LossSpec.CrossEntropy(0)),
                        new LossSpec.Term(0.5, new LossSpec.Custom("absent")))), "loss.terms[1]",
                        "custom loss 'absent' is not registered"));
    }

    private static Network baseNetwork;
    private static String baseJson;

    @BeforeAll
    static void baseIsValid() {
        baseNetwork = Network.compile(new Base().build());
        baseJson = NetworkFile.toJson(new Base().build());
        assertTrue(baseNetwork.simulate().record().spikeCount() > 0, "the base network spikes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedDescriptionIsRejectedWithASpecificMessage(Case c) {
        Base b = new Base();
        c.breakIt().accept(b);
        NetworkSpec spec = b.build();
        String before = NetworkFile.toJson(spec);
        SpecException e = assertThrows(SpecException.class, () -> Network.compile(spec));
        assertEquals(c.path(), e.path(), "path of: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(c.path() + ": "), e.getMessage());
        for (String f : c.fragments()) {
            assertTrue(e.getMessage().contains(f), "message should contain '" + f + "': " + e.getMessage());
        }
        // compile is pure: the broken description is unchanged and the valid base still compiles identically
        assertEquals(before, NetworkFile.toJson(spec), "a failed compile must not modify the description");
        assertBaseStillCompiles();
    }

    private static void assertBaseStillCompiles() {
        Network again = Network.compile(new Base().build());
        assertEquals(baseNetwork.parameterNames(), again.parameterNames());
        for (String p : baseNetwork.parameterNames()) {
            assertArrayEquals(baseNetwork.parameter(p), again.parameter(p), 0.0, p);
        }
        assertEquals(baseJson, NetworkFile.toJson(new Base().build()));
        assertEquals(baseNetwork.simulate().record().spikeCount(), again.simulate().record().spikeCount());
    }

    @Test
    void atLeastThirtyFiveCasesWithDistinctTitles() {
        List<String> titles = malformed().map(a -> ((Named<?>) a.get()[0]).getName()).toList();
        assertTrue(titles.size() >= 35, "cases: " + titles.size());
        assertEquals(titles.size(), titles.stream().distinct().count(), "distinct titles");
    }

    @Test
    void missingDescriptionIsRejected() {
        SpecException e = assertThrows(SpecException.class, () -> Network.compile(null));
        assertEquals("network", e.path());
        assertTrue(e.getMessage().contains("description is missing"), e.getMessage());
        assertBaseStillCompiles();
    }

    @Test
    void missingPopulationEntryIsRejected() {
        String json = NetworkFile.toJson(new Base().build()).replaceFirst("\"populations\" : \\[",
                "\"populations\" : [ null,");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Network.compile(NetworkFile.specFromJson(json)));
        assertTrue(e.getMessage().contains("populations[0]"), e.getMessage());
        assertTrue(e.getMessage().contains("population is missing"), e.getMessage());
    }

    @Test
    void layeredRuleWithACycleIsRejectedAtCompile() {
        Base b = new Base();
        b.trial = new TrialSpec(4.0, 100, 10.0, "layered");
        b.projections.add(new ProjectionSpec("h", "h", new ConnectivitySpec.AllToAll(false),
                new ValueSpec.Constant(0.01), true));
        NetworkSpec spec = b.build();
        SpecException e = assertThrows(SpecException.class, () -> Network.compile(spec));
        assertEquals("trial.pseudoRule", e.path());
        assertTrue(e.getMessage().contains("layered"), e.getMessage());
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        assertTrue(e.getMessage().contains("recurrent"), e.getMessage());
    }

    @Test
    void settingAConstantThatInvalidatesTheInitialStateIsRejected() {
        Network net = Network.compile(new Base().build());
        net.setParameter("out.phase0", new double[] {3.0, 3.5}); // period 3.63 for tau = 1, drive = 1
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.setParameter("out.tau", new double[] {0.1})); // period 0.363
        assertTrue(e.getMessage().contains("out.tau"), e.getMessage());
        assertTrue(e.getMessage().contains("phase must lie in [0, Theta]"), e.getMessage());
        assertEquals(1.0, net.parameter("out.tau")[0]);
        net.simulate();
    }

    @Test
    void labelOutOfRangeIsRejectedByTheLoss() {
        Network net = Network.compile(new Base().build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.loss(new int[] {0, 5}));
        assertTrue(e.getMessage().contains("label 5 of sample 1"), e.getMessage());
        assertTrue(e.getMessage().contains("outside [0, 2)"), e.getMessage());
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
                () -> net.loss(new int[] {-1}));
        assertTrue(neg.getMessage().contains("label -1 of sample 0"), neg.getMessage());
        assertTrue(neg.getMessage().contains("outside [0, 2)"), neg.getMessage());
        // the same network still gives a loss for valid labels
        net.loss(new int[] {0, 1});
    }

    @Test
    void crossEntropyWithoutLabelsIsRejected() {
        Network net = Network.compile(new Base().build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.loss(null));
        assertTrue(e.getMessage().contains("needs the labels"), e.getMessage());
    }

    @Test
    void customLossIsAcceptedWhenSupplied() {
        Base b = new Base();
        b.loss = new LossSpec.Custom("myLoss");
        Loss custom = (sample, times, grad) -> 0;
        Network net = Network.compile(b.build(), Map.of("myLoss", custom));
        assertTrue(net.loss(null) == custom);
        SpecException e = assertThrows(SpecException.class,
                () -> Network.compile(b.build(), Map.of("otherLoss", custom)));
        assertTrue(e.getMessage().contains("custom loss 'myLoss' is not registered"), e.getMessage());
        assertTrue(e.getMessage().contains("otherLoss"), "lists the known custom losses: " + e.getMessage());
    }

    @Test
    void parameterSettersRejectBadValuesWithoutChangingTheNetwork() {
        Network net = Network.compile(new Base().build());
        double[] w = net.parameter("in->h.weight");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> net.setParameter("in->x.weight", new double[12]));
        assertTrue(unknown.getMessage().contains("unknown parameter 'in->x.weight'"), unknown.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> net.setParameter("in->h.weight", new double[11]));
        assertTrue(length.getMessage().contains("has 12 values, got 11"), length.getMessage());
        double[] nan = w.clone();
        nan[3] = Double.NaN;
        IllegalArgumentException notFinite = assertThrows(IllegalArgumentException.class,
                () -> net.setParameter("in->h.weight", nan));
        assertTrue(notFinite.getMessage().contains("value 3 is not finite"), notFinite.getMessage());
        IllegalArgumentException phase = assertThrows(IllegalArgumentException.class,
                () -> net.setParameter("out.phase0", new double[] {0.1, 1000}));
        assertTrue(phase.getMessage().contains("out.phase0"), phase.getMessage());
        assertTrue(phase.getMessage().contains("phase must lie in [0, Theta]"), phase.getMessage());
        IllegalArgumentException time = assertThrows(IllegalArgumentException.class,
                () -> net.setParameter("in.time", new double[] {0.1, -0.2, 0.5, 0.3}));
        assertTrue(time.getMessage().contains("in.time"), time.getMessage());
        assertTrue(time.getMessage().contains(">= 0"), time.getMessage());
        IllegalArgumentException tau = assertThrows(IllegalArgumentException.class,
                () -> net.setParameter("h.tau", new double[] {-1}));
        assertTrue(tau.getMessage().contains("h.tau"), tau.getMessage());
        assertTrue(tau.getMessage().contains("tau must be a positive finite number"), tau.getMessage());
        assertArrayEquals(w, net.parameter("in->h.weight"), 0.0);
        assertArrayEquals(new double[] {0.1, 0.2, 0.5, 0.3}, net.parameter("in.time"), 0.0);
        assertEquals(1.0, net.parameter("h.tau")[0]);
        assertArrayEquals(baseNetwork.parameter("out.phase0"), net.parameter("out.phase0"), 0.0);
    }
}
