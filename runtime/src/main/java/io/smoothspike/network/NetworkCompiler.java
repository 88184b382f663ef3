package io.smoothspike.network;

import io.smoothspike.graph.DelayKind;
import io.smoothspike.graph.Population;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.grad.PseudoInputRule;
import io.smoothspike.grad.PseudoSettings;
import io.smoothspike.grad.ReadoutSpec;
import io.smoothspike.loss.Loss;
import io.smoothspike.model.NeuronModel;
import io.smoothspike.model.NeuronModelType;
import io.smoothspike.model.NeuronModels;
import io.smoothspike.model.UserCoordinates;
import io.smoothspike.spec.ConnectivitySpec;
import io.smoothspike.spec.DelaySpec;
import io.smoothspike.spec.InputSpec;
import io.smoothspike.spec.LossContext;
import io.smoothspike.spec.Losses;
import io.smoothspike.spec.NetworkSpec;
import io.smoothspike.spec.OutputSpec;
import io.smoothspike.spec.PopulationSpec;
import io.smoothspike.spec.ProjectionSpec;
import io.smoothspike.spec.SpecException;
import io.smoothspike.spec.TrialSpec;
import io.smoothspike.spec.ValueSpec;
import io.smoothspike.sim.TrialSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates a {@link NetworkSpec} completely and compiles it; every problem is a {@link SpecException}. */
final class NetworkCompiler {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** What compilation produces. */
    record Result(SimulationGraph graph, TrialSettings trial, PseudoSettings pseudo, List<InputGroup> inputs,
            ReadoutSpec readout, LossContext loss) {
    }

    private NetworkCompiler() {
    }

    static Result compile(NetworkSpec spec, Map<String, Loss> customLosses) {
        if (spec == null) {
            throw new SpecException("network", "description is missing");
        }
        TrialSpec ts = spec.trial();
        if (ts == null) {
            throw new SpecException("trial", "trial settings are missing (duration T at least)");
        }
        if (!(ts.duration() > 0) || Double.isInfinite(ts.duration())) {
            throw new SpecException("trial.duration", "T must be a positive finite number, got " + ts.duration());
        }
        if (ts.spikeCap() <= 0) {
            throw new SpecException("trial.spikeCap", "K must be a positive integer, got " + ts.spikeCap());
        }
        if (!(ts.alpha() > 0) || Double.isInfinite(ts.alpha())) {
            throw new SpecException("trial.alpha", "pseudo-current sharpness must be positive and finite, got "
                    + ts.alpha());
        }
        PseudoInputRule rule = rule(ts.pseudoRule());
        TrialSettings trial = new TrialSettings(ts.duration(), ts.spikeCap());

        Set<String> names = new HashSet<>();
        List<InputGroup> inputs = new ArrayList<>();
        int channels = 0;
        for (int k = 0; k < spec.inputs().size(); k++) {
            InputSpec in = spec.inputs().get(k);
            String where = "inputs[" + (in == null ? k : in.name()) + "]";
            if (in == null) {
                throw new SpecException(where, "input group is missing");
            }
            name(where, in.name(), names);
            if (in.size() <= 0) {
                throw new SpecException(where, "size must be a positive integer, got " + in.size());
            }
            if ((long) channels + in.size() > MemoryBudget.MAX_ARRAY) {
                throw new SpecException(where, "the input groups have " + ((long) channels + in.size())
                        + " channels in all, more than " + MemoryBudget.MAX_ARRAY);
            }
            validateSource(where, in, ts.duration());
            inputs.add(new InputGroup(in, channels));
            channels += in.size();
        }

        if (spec.populations().isEmpty()) {
            throw new SpecException("populations", "a network needs at least one population");
        }
        String inputName = inputs.size() == 1 ? inputs.get(0).name() : "inputs";
        SimulationGraph.Builder b = SimulationGraph.builder().inputs(inputName, channels);
        Map<String, Integer> popIndex = new LinkedHashMap<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        MemoryBudget memory = new MemoryBudget(Runtime.getRuntime().maxMemory());
        for (int k = 0; k < spec.populations().size(); k++) {
            PopulationSpec p = spec.populations().get(k);
            String where = "populations[" + (p == null ? k : p.name()) + "]";
            if (p == null) {
                throw new SpecException(where, "population is missing");
            }
            name(where, p.name(), names);
            if (p.size() <= 0) {
                throw new SpecException(where, "size must be a positive integer (an empty population cannot "
                        + "spike), got " + p.size());
            }
            if (p.model() == null) {
                throw new SpecException(where, "neuron model is missing");
            }
            NeuronModel model = p.model().toModel(where + ".model");
            NeuronModelType type = NeuronModels.get(model.id());
            memory.population(where, p.size(), model.stateSize());
            double[] init = initialState(where, p, model, type.coordinates());
            for (String c : p.trainConstants()) {
                if (!type.trainableConstants().contains(c)) {
                    throw new SpecException(where + ".trainConstants", "the " + model.id() + " model has no "
                            + (type.constantNames().contains(c) ? "trainable " : "") + "constant '" + c
                            + "'; trainable: " + type.trainableConstants());
                }
            }
            try {
                b.population(p.name(), model, p.size(), init);
            } catch (IllegalArgumentException e) {
                throw new SpecException(where, e.getMessage());
            }
            popIndex.put(p.name(), k);
            sizes.put(p.name(), p.size());
        }

        Set<String> seen = new HashSet<>();
        for (int k = 0; k < spec.projections().size(); k++) {
            ProjectionSpec pr = spec.projections().get(k);
            if (pr == null) {
                throw new SpecException("projections[" + k + "]", "projection is missing");
            }
            String where = "projections[" + pr.label() + "]";
            InputGroup srcInput = inputs.stream().filter(g -> g.name().equals(pr.from())).findFirst().orElse(null);
            if (srcInput == null && !popIndex.containsKey(pr.from())) {
                throw new SpecException(where, "unknown source '" + pr.from() + "'; known inputs "
                        + inputs.stream().map(InputGroup::name).toList() + " and populations " + popIndex.keySet());
            }
            if (inputs.stream().anyMatch(g -> g.name().equals(pr.to()))) {
                throw new SpecException(where, "'" + pr.to() + "' is an input group; connections can only go into "
                        + "populations");
            }
            if (!popIndex.containsKey(pr.to())) {
                throw new SpecException(where, "unknown target population '" + pr.to() + "'; known: "
                        + popIndex.keySet());
            }
            if (!seen.add(pr.label())) {
                throw new SpecException(where, "duplicate projection; combine them into one");
            }
            int pre = srcInput != null ? srcInput.size() : sizes.get(pr.from());
            int post = sizes.get(pr.to());
            ConnectivitySpec conn = pr.connectivity() == null ? new ConnectivitySpec.AllToAll(!pr.from()
                    .equals(pr.to())) : pr.connectivity();
            // with several input groups, a projection from one of them spans the rows of all channels
            memory.projection(where, conn.label(), srcInput != null && inputs.size() > 1 ? channels : pre, post);
            boolean[][] mask = conn.mask(pre, post, pr.from().equals(pr.to()), where + ".connectivity");
            ValueSpec wspec = pr.weights() == null ? new ValueSpec.Constant(0) : pr.weights();
            double[] w = wspec.weights(pre, post, mask, where + ".weights");
            double[][] matrix = new double[pre][post];
            for (int i = 0; i < pre; i++) {
                System.arraycopy(w, i * post, matrix[i], 0, post);
            }
            if (srcInput != null && inputs.size() > 1) {
                // rows of the other input groups carry no synapses
                double[][] full = new double[channels][post];
                boolean[][] fullMask = new boolean[channels][post];
                for (int i = 0; i < pre; i++) {
                    full[srcInput.offset() + i] = matrix[i];
                    for (int j = 0; j < post; j++) {
                        fullMask[srcInput.offset() + i][j] = mask == null || mask[i][j];
                    }
                }
                b.connectMasked(inputName, pr.to(), full, fullMask);
            } else {
                String from = srcInput != null ? inputName : pr.from();
                if (mask == null) {
                    b.connectDense(from, pr.to(), matrix);
                } else {
                    b.connectMasked(from, pr.to(), matrix, mask);
                }
            }
            if (pr.delays() != null) {
                delays(b, pr.delays(), pre, post, mask, where + ".delays",
                        srcInput != null && inputs.size() > 1 ? srcInput : null, channels);
            }
        }
        SimulationGraph graph = b.build();
        ReadoutSpec readout = readout(spec, graph, popIndex, new PseudoSettings(ts.alpha(), rule));
        if (readout != null) {
            try {
                readout.create(graph);
            } catch (IllegalArgumentException e) {
                throw new SpecException("trial.pseudoRule", e.getMessage());
            }
        }
        LossContext loss = loss(spec, readout, ts.duration(), customLosses);
        return new Result(graph, trial, new PseudoSettings(ts.alpha(), rule), List.copyOf(inputs), readout, loss);
    }

    /**
     * Gives the projection just connected the delays {@code d} describes; a projection from one of several input
     * groups ({@code group} not null) spans all {@code channels}, and its delays per neuron those of the group's rows
     * (the other rows have no synapses; their delays are 0 and never used).
     */
    private static void delays(SimulationGraph.Builder b, DelaySpec d, int pre, int post, boolean[][] mask,
            String where, InputGroup group, int channels) {
        DelayKind kind = d.kind(where);
        double[] values = d.initial(pre, post, mask, where);
        if (group != null && kind == DelayKind.AXONAL) {
            double[] all = new double[channels];
            System.arraycopy(values, 0, all, group.offset(), values.length);
            values = all;
        }
        try {
            b.delays(kind, values);
        } catch (IllegalArgumentException e) {
            throw new SpecException(where, e.getMessage());
        }
    }

    private static PseudoInputRule rule(String r) {
        String v = r == null ? "auto" : r.toLowerCase(Locale.ROOT);
        switch (v) {
            case "auto":
                return PseudoInputRule.AUTO;
            case "layered":
                return PseudoInputRule.LAYERED;
            case "recurrent":
                return PseudoInputRule.RECURRENT;
            default:
                throw new SpecException("trial.pseudoRule", "unknown pseudo-input rule '" + r
                        + "'; known: auto, layered, recurrent");
        }
    }

    private static void name(String where, String name, Set<String> names) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new SpecException(where, "name must be a letter or '_' followed by letters, digits or '_', got "
                    + (name == null ? "none" : "'" + name + "'"));
        }
        if (!names.add(name)) {
            throw new SpecException(where, "duplicate name '" + name + "': inputs and populations need distinct "
                    + "names");
        }
    }

    private static void validateSource(String where, InputSpec in, double duration) {
        InputSpec.Source s = in.source();
        if (s == null) {
            throw new SpecException(where, "input source is missing (spikes, poisson, image or external)");
        }
        if (in.trainTimes() && !(s instanceof InputSpec.Spikes)) {
            throw new SpecException(where, "only explicit spike times can be trainable");
        }
        if (s instanceof InputSpec.Spikes sp) {
            if (sp.times() == null || sp.times().length != in.size()) {
                throw new SpecException(where + ".spikes", "needs one spike list per channel (" + in.size()
                        + "), got " + (sp.times() == null ? "none" : sp.times().length));
            }
            for (int c = 0; c < in.size(); c++) {
                double[] t = sp.times()[c];
                if (t == null) {
                    throw new SpecException(where + ".spikes", "channel " + c + " has no spike list (use [] for none)");
                }
                for (double v : t) {
                    if (!(v >= 0) || Double.isInfinite(v)) {
                        throw new SpecException(where + ".spikes", "channel " + c + ": spike times must be finite "
                                + "and >= 0, got " + v);
                    }
                }
            }
        } else if (s instanceof InputSpec.Poisson p) {
            if (!(p.rate() >= 0) || Double.isInfinite(p.rate())) {
                throw new SpecException(where + ".poisson", "rate must be finite and >= 0, got " + p.rate());
            }
            if (!(p.start() >= 0) || !(p.end() > p.start()) || Double.isInfinite(p.end())) {
                throw new SpecException(where + ".poisson", "window must satisfy 0 <= start < end < infinity, got ["
                        + p.start() + ", " + p.end() + "]");
            }
        } else if (s instanceof InputSpec.Image im) {
            if (im.bins() < 1 || im.bins() > 99) {
                throw new SpecException(where + ".image", "bins must lie in [1, 99], got " + im.bins());
            }
        }
    }

    private static double[] initialState(String where, PopulationSpec p, NeuronModel model, UserCoordinates user) {
        List<String> coords = user.names();
        for (String c : p.initial().keySet()) {
            if (!coords.contains(c)) {
                throw new SpecException(where + ".initial", "unknown initial-state coordinate '" + c + "' for the "
                        + model.id() + " model; known: " + coords);
            }
        }
        int n = p.size();
        double[][] values = new double[coords.size()][];
        for (int c = 0; c < coords.size(); c++) {
            ValueSpec v = p.initial().get(coords.get(c));
            values[c] = v == null ? null : v.generate(n, 0, 0, 0, where + ".initial." + coords.get(c));
        }
        int d = model.stateSize();
        double[] state = new double[n * d];
        Double[] one = new Double[coords.size()];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < one.length; c++) {
                one[c] = values[c] == null ? null : values[c][i];
            }
            double[] s;
            try {
                s = user.toState(model, one);
            } catch (IllegalArgumentException e) {
                throw new SpecException(where + ".initial", "neuron " + i + ": " + e.getMessage());
            }
            System.arraycopy(s, 0, state, i * d, d);
        }
        // range checks (e.g. theta phase in [0, Θ]) happen when a kernel loads the state
        try {
            model.newKernel(n).initialize(state);
        } catch (IllegalArgumentException e) {
            throw new SpecException(where + ".initial", e.getMessage());
        }
        return state;
    }

    private static ReadoutSpec readout(NetworkSpec spec, SimulationGraph graph, Map<String, Integer> popIndex,
            PseudoSettings pseudo) {
        OutputSpec out = spec.output();
        if (out == null) {
            return null;
        }
        String where = "output";
        Integer p = popIndex.get(out.population());
        if (p == null) {
            throw new SpecException(where, "unknown read-out population '" + out.population() + "'; known: "
                    + popIndex.keySet());
        }
        Population pop = graph.populations().get(p);
        if (out.spikes() < 1) {
            throw new SpecException(where, "each read-out neuron needs at least 1 output spike, got " + out.spikes());
        }
        int[] local = out.neurons();
        if (local == null) {
            local = java.util.stream.IntStream.range(0, pop.size()).toArray();
        }
        if (local.length == 0) {
            throw new SpecException(where, "no read-out neurons listed");
        }
        Set<Integer> seen = new HashSet<>();
        int[] global = new int[local.length];
        int[] counts = new int[local.length];
        for (int r = 0; r < local.length; r++) {
            if (local[r] < 0 || local[r] >= pop.size()) {
                throw new SpecException(where, "neuron " + local[r] + " is outside population '" + pop.name()
                        + "' of size " + pop.size());
            }
            if (!seen.add(local[r])) {
                throw new SpecException(where, "neuron " + local[r] + " is listed twice");
            }
            global[r] = pop.offset() + local[r];
            counts[r] = out.spikes();
        }
        return new ReadoutSpec(global, counts, pseudo);
    }

    /** The context the loss is validated against and built for (null without a read-out); validates the loss. */
    private static LossContext loss(NetworkSpec spec, ReadoutSpec readout, double duration,
            Map<String, Loss> custom) {
        if (readout == null) {
            if (spec.loss() != null) {
                throw new SpecException("loss", "a loss needs a read-out (output) to act on");
            }
            return null;
        }
        LossContext context = new LossContext(readout.neurons().length, readout.counts()[0], duration, custom);
        if (spec.loss() != null) {
            Losses.validate("loss", spec.loss(), context);
        }
        return context;
    }
}
