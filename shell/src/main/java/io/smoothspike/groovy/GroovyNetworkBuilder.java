package io.smoothspike.groovy;

import io.smoothspike.dsl.InputBuilder;
import io.smoothspike.dsl.LossDef;
import io.smoothspike.dsl.NetworkBuilder;
import io.smoothspike.dsl.PopulationBuilder;
import io.smoothspike.dsl.ProjectionBuilder;
import io.smoothspike.dsl.Snn;
import io.smoothspike.model.NeuronModels;
import io.smoothspike.spec.ConnectivitySpec;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.ModelSpec;
import io.smoothspike.spec.ValueSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The delegate of a {@code network(name) { … }} block in a Groovy script: the Java DSL's vocabulary with named
 * arguments. It records the script line of every element so that a description error points to its line.
 *
 * <pre>
 * network('demo') {
 *     trial duration: 10, spikeCap: 25
 *     input 'in', size: 2, spikes: [[1.0], [2.5]]
 *     population 'out', size: 1, model: qif(tau: 1)
 *     connect 'in', 'out', weights: matrix([[3.0], [2.0]])
 *     readout 'out', spikes: 2
 *     loss spikeTime([[2.5, 7.5]])
 * }
 * </pre>
 */
public final class GroovyNetworkBuilder {

    private final NetworkBuilder builder;
    private final Map<String, Integer> lines = new HashMap<>();

    GroovyNetworkBuilder(String name) {
        this.builder = Snn.network(name);
    }

    NetworkBuilder builder() {
        return builder;
    }

    /** Script line of a description element, by the path a SpecException names, or -1. */
    int lineOf(String path) {
        for (Map.Entry<String, Integer> e : lines.entrySet()) {
            if (path.equals(e.getKey()) || path.startsWith(e.getKey() + ".") || path.startsWith(e.getKey() + "[")) {
                return e.getValue();
            }
        }
        return -1;
    }

    private void here(String path) {
        lines.put(path, ScriptLines.callerLine());
    }

    /** {@code trial duration: T, spikeCap: K, alpha: α, pseudoRule: 'auto'|'layered'|'recurrent'}. */
    public void trial(Map<String, Object> args) {
        here("trial");
        NamedArgs a = new NamedArgs("trial", args, "duration", "spikeCap", "alpha", "pseudoRule");
        builder.trial(a.number("duration"));
        if (a.has("spikeCap")) {
            builder.spikeCap(a.integer("spikeCap"));
        }
        if (a.has("alpha") || a.has("pseudoRule")) {
            builder.pseudo(a.number("alpha", 10), a.has("pseudoRule") ? String.valueOf(a.raw("pseudoRule"))
                    : "auto");
        }
    }

    /**
     * {@code input 'name', size: n, spikes: [[t…] per channel] | poisson: [rate: r, seed: s, window: [a, b],
     * resample: false] | image: [bins: 1] | external: true, trainableTimes: false}.
     */
    public void input(Map<String, Object> args, String name) {
        here("inputs[" + name + "]");
        String what = "input '" + name + "'";
        NamedArgs a = new NamedArgs(what, args, "size", "spikes", "poisson", "image", "external", "trainableTimes");
        InputBuilder in = builder.input(name, a.integer("size"));
        int sources = (a.has("spikes") ? 1 : 0) + (a.has("poisson") ? 1 : 0) + (a.has("image") ? 1 : 0)
                + (a.flag("external", false) ? 1 : 0);
        if (sources != 1) {
            throw new IllegalArgumentException(what + ": give exactly one source: spikes, poisson, image or external");
        }
        if (a.has("spikes")) {
            in.spikes(NamedArgs.matrix(what + " spikes", a.raw("spikes")));
        } else if (a.has("poisson")) {
            NamedArgs p = new NamedArgs(what + " poisson", a.object("poisson", Map.class), "rate", "seed", "window",
                    "resample");
            in.poisson(p.number("rate"), p.seed("seed", 0));
            if (p.has("window")) {
                double[] w = NamedArgs.doubles(what + " window", p.raw("window"));
                if (w.length != 2) {
                    throw new IllegalArgumentException(what + ": window needs [start, end]");
                }
                in.window(w[0], w[1]);
            }
            in.resample(p.flag("resample", false));
        } else if (a.has("image")) {
            NamedArgs im = new NamedArgs(what + " image", a.object("image", Map.class), "bins");
            in.image(im.integer("bins", 1));
        } else {
            in.external();
        }
        if (a.flag("trainableTimes", false)) {
            in.trainableTimes();
        }
    }

    /**
     * {@code population 'name', size: n, model: qif(tau: 1), V0: …, I0: …, trainInitial: false,
     * trainConstants: ['tau']}: the initial state is given per user coordinate of the model with a {@code 0} appended
     * ({@code V0}, {@code I0} for qif and lif, {@code phase0} for theta and oscillatory-lif), as numbers or value specs
     * ({@code uniform(…)}, …).
     */
    public void population(Map<String, Object> args, String name) {
        here("populations[" + name + "]");
        String what = "population '" + name + "'";
        Object m = args.get("model");
        if (m == null) {
            throw new IllegalArgumentException(what + ": 'model' is required, e.g. model: qif(tau: 1)");
        }
        if (!(m instanceof ModelSpec model)) {
            throw new IllegalArgumentException(what + ": 'model' must be a neuron model such as qif(tau: 1) or "
                    + "model('name', …), got " + m);
        }
        List<String> coordinates = NeuronModels.get(model.type()).coordinates().names();
        List<String> known = new ArrayList<>(List.of("size", "model", "trainInitial", "trainConstants"));
        coordinates.forEach(c -> known.add(c + "0"));
        NamedArgs a = new NamedArgs(what, args, known.toArray(String[]::new));
        PopulationBuilder p = builder.population(name, a.integer("size"), model);
        for (String c : coordinates) {
            if (a.has(c + "0")) {
                p.initial(c, value(what + " " + c + "0", a.raw(c + "0")));
            }
        }
        if (a.flag("trainInitial", false)) {
            p.trainInitial();
        }
        if (a.has("trainConstants")) {
            List<?> names = a.object("trainConstants", List.class);
            p.trainConstants(names.stream().map(String::valueOf).toArray(String[]::new));
        }
    }

    /** {@code connect 'from', 'to'} with all-to-all zero weights. */
    public void connect(String from, String to) {
        connect(Map.of(), from, to);
    }

    /**
     * {@code connect 'from', 'to', weights: fanInUniform(scale: 0.5, seed: 1) | number | [[…]],
     * connectivity: allToAll() | oneToOne() | random(p: 0.1, seed: 1) | mask([[…]]), trainable: true,
     * delays: uniform(0, 1, seed: 3) | normal(…) | number | [d…] | [[…]], delayPer: 'synapse' | 'neuron' |
     * 'projection', trainDelays: false, maxDelay: d}.
     */
    public void connect(Map<String, Object> args, String from, String to) {
        here("projections[" + from + "->" + to + "]");
        String what = "connect '" + from + "' -> '" + to + "'";
        NamedArgs a = new NamedArgs(what, args, "weights", "connectivity", "trainable", "delays", "delayPer",
                "trainDelays", "maxDelay");
        ProjectionBuilder p = builder.connect(from, to);
        if (a.has("connectivity")) {
            p.connectivity(a.object("connectivity", ConnectivitySpec.class));
        }
        if (a.has("weights")) {
            p.weights(perSynapse(what + " weights", a.raw("weights")));
        }
        if (!a.flag("trainable", true)) {
            p.frozen();
        }
        delays(what, a, p);
    }

    /** The delay arguments of {@code connect}; without {@code delays}, the others are refused. */
    private static void delays(String what, NamedArgs a, ProjectionBuilder p) {
        if (!a.has("delays")) {
            for (String key : List.of("delayPer", "trainDelays", "maxDelay")) {
                if (a.has(key)) {
                    throw new IllegalArgumentException(what + ": '" + key + "' needs delays, e.g. delays: "
                            + "uniform(0, 1, seed: 3)");
                }
            }
            return;
        }
        Object d = a.raw("delays");
        p.delays(d instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof List<?>
                ? perSynapse(what + " delays", d) : value(what + " delays", d));
        if (a.has("delayPer")) {
            p.delayPer(String.valueOf(a.raw("delayPer")));
        }
        if (a.flag("trainDelays", false)) {
            p.trainDelays();
        }
        if (a.has("maxDelay")) {
            p.maxDelay(a.number("maxDelay"));
        }
    }

    /** Values of a projection's synapses: a {@code [pre][post]} matrix as a list of lists, or a value spec. */
    private static ValueSpec perSynapse(String what, Object v) {
        return v instanceof List<?> ? Snn.matrix(NamedArgs.matrix(what, v)) : value(what, v);
    }

    /** {@code readout 'population'}: every neuron, first spikes. */
    public void readout(String population) {
        readout(Map.of(), population);
    }

    /** {@code readout 'population', neurons: [0, 1], spikes: n}. */
    public void readout(Map<String, Object> args, String population) {
        here("output");
        String what = "readout '" + population + "'";
        NamedArgs a = new NamedArgs(what, args, "neurons", "spikes");
        var r = a.has("neurons") ? builder.readout(population, NamedArgs.integers(what + ": 'neurons'",
                a.raw("neurons"))) : builder.readout(population);
        r.spikes(a.integer("spikes", 1));
    }

    /** {@code loss spikeTime(…) | spikeTrain(…) | crossEntropy(…) | targetTime() | sum(…) | custom(…)}. */
    public void loss(LossDef loss) {
        here("loss");
        builder.loss(loss);
    }

    /** {@code loss new MyLoss(…)}: a loss of a kind registered with {@code registerLoss}. */
    public void loss(LossSpec loss) {
        loss(Snn.loss(loss));
    }

    private static ValueSpec value(String what, Object v) {
        if (v instanceof ValueSpec s) {
            return s;
        }
        if (v instanceof Number n) {
            return Snn.constant(n.doubleValue());
        }
        if (v instanceof List<?>) {
            return Snn.values(NamedArgs.doubles(what, v));
        }
        throw new IllegalArgumentException(what + " must be a number, a list of numbers or a value spec, got " + v);
    }
}
