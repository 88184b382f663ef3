package io.smoothspike.dsl;

import io.smoothspike.loss.Loss;
import io.smoothspike.network.Network;
import io.smoothspike.spec.InputSpec;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.ModelSpec;
import io.smoothspike.spec.NetworkSpec;
import io.smoothspike.spec.OutputSpec;
import io.smoothspike.spec.PopulationSpec;
import io.smoothspike.spec.ProjectionSpec;
import io.smoothspike.spec.SpecException;
import io.smoothspike.spec.TrialSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes a network step by step: trial settings, input groups, populations, projections, read-out and loss;
 * {@link #spec()} gives the immutable {@link NetworkSpec}, {@link #compile()} the runnable {@link Network}. Start
 * with {@link Snn#network(String)}. Parts are given once (a second {@code trial}, {@code loss}, same-named input or
 * population fails at once); names may be referred to before they are declared. The builder checks what it can see
 * (sizes, names, references); {@link Network#compile} checks the rest.
 */
public final class NetworkBuilder {

    private static final List<String> RULES = List.of("auto", "layered", "recurrent");

    private final String name;
    private Double duration;
    private Integer spikeCap;
    private Double alpha;
    private String rule;
    private final Map<String, InputBuilder> inputs = new LinkedHashMap<>();
    private final Map<String, PopulationBuilder> populations = new LinkedHashMap<>();
    private final Map<String, ProjectionBuilder> projections = new LinkedHashMap<>();
    private ReadoutBuilder readout;
    private LossSpec loss;
    private final Map<String, Loss> customLosses = new LinkedHashMap<>();

    NetworkBuilder(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("network name must not be " + (name == null ? "null" : "empty"));
        }
        this.name = name;
    }

    /** The trial duration T; the spike cap K defaults to 1000 (see {@link #spikeCap}). */
    public NetworkBuilder trial(double duration) {
        Check.once(this.duration != null, "trial duration");
        this.duration = Check.positive("trial duration", duration);
        return this;
    }

    /** The trial duration T and the cap K on network spikes per trial. */
    public NetworkBuilder trial(double duration, int spikeCap) {
        trial(duration);
        return spikeCap(spikeCap);
    }

    /** The cap K on network spikes per trial (default 1000). */
    public NetworkBuilder spikeCap(int spikeCap) {
        Check.once(this.spikeCap != null, "spike cap");
        this.spikeCap = Check.positive("spike cap", spikeCap);
        return this;
    }

    /**
     * The pseudodynamics: sharpness {@code alpha} of the softplus (default 10) and the pseudo-input rule,
     * {@code "auto"} (default), {@code "layered"} or {@code "recurrent"}.
     */
    public NetworkBuilder pseudo(double alpha, String rule) {
        Check.once(this.alpha != null, "pseudo settings");
        Check.positive("pseudo alpha", alpha);
        if (!RULES.contains(rule)) {
            throw new IllegalArgumentException("pseudo rule must be one of " + RULES + ", got "
                    + (rule == null ? "null" : "'" + rule + "'"));
        }
        this.alpha = alpha;
        this.rule = rule;
        return this;
    }

    /** Declares an input group of {@code size} channels; give its source on the returned builder. */
    public InputBuilder input(String name, int size) {
        Check.name("input", name);
        Check.positive("size of input '" + name + "'", size);
        unused(name);
        InputBuilder b = new InputBuilder(this, name, size);
        inputs.put(name, b);
        return b;
    }

    /** Declares a population of {@code size} neurons of {@code model} (see the model helpers of {@link Snn}). */
    public PopulationBuilder population(String name, int size, ModelSpec model) {
        Check.name("population", name);
        Check.positive("size of population '" + name + "'", size);
        Check.notNull("model of population '" + name + "'", model);
        unused(name);
        PopulationBuilder b = new PopulationBuilder(this, name, size, model);
        populations.put(name, b);
        return b;
    }

    /** Connects an input group or population to a population; each pair is connected once. */
    public ProjectionBuilder connect(String from, String to) {
        Check.name("projection source", from);
        Check.name("projection target", to);
        String label = from + "->" + to;
        if (projections.containsKey(label)) {
            throw new IllegalArgumentException("projection " + label + " is already defined");
        }
        ProjectionBuilder b = new ProjectionBuilder(this, from, to);
        projections.put(label, b);
        return b;
    }

    /** Reads out every neuron of {@code population}. */
    public ReadoutBuilder readout(String population) {
        return readout(population, (int[]) null);
    }

    /** Reads out the given neurons (local indices) of {@code population}, in this order. */
    public ReadoutBuilder readout(String population, int... neurons) {
        Check.once(readout != null, "readout");
        Check.name("readout population", population);
        int[] n = null;
        if (neurons != null) {
            if (neurons.length == 0) {
                throw new IllegalArgumentException("readout of '" + population + "' names no neurons");
            }
            n = neurons.clone();
            for (int i = 0; i < n.length; i++) {
                if (n[i] < 0) {
                    throw new IllegalArgumentException("readout neuron index must be >= 0, got " + n[i]);
                }
                for (int j = 0; j < i; j++) {
                    if (n[j] == n[i]) {
                        throw new IllegalArgumentException("readout neuron " + n[i] + " is named twice");
                    }
                }
            }
        }
        readout = new ReadoutBuilder(this, population, n);
        return readout;
    }

    /** The loss of the output times, with the code of any custom losses it names. */
    public NetworkBuilder loss(LossDef loss) {
        Check.notNull("loss", loss);
        Check.once(this.loss != null, "loss");
        LossDef.merge(new LinkedHashMap<>(customLosses), loss.customLosses());
        LossDef.merge(customLosses, loss.customLosses());
        this.loss = loss.spec();
        return this;
    }

    /**
     * The loss as a raw description, e.g. of a loss kind of one's own; give the code of custom losses it names with
     * {@link #customLoss} or register it in {@link io.smoothspike.spec.Losses}.
     */
    public NetworkBuilder loss(LossSpec loss) {
        Check.notNull("loss", loss);
        Check.once(this.loss != null, "loss");
        this.loss = loss;
        return this;
    }

    /** The code of the custom loss {@code name} that a raw {@link #loss(LossSpec)} names. */
    public NetworkBuilder customLoss(String name, Loss code) {
        Check.name("custom loss", name);
        Check.notNull("code of custom loss '" + name + "'", code);
        Map<String, Loss> one = new LinkedHashMap<>();
        one.put(name, code);
        LossDef.merge(customLosses, one);
        return this;
    }

    /**
     * The immutable description of the network as given so far. Fails if the trial duration is missing, an input has
     * no source, or a projection or the read-out refers to an undeclared name; everything else is checked by
     * {@link Network#compile}.
     */
    public NetworkSpec spec() {
        if (duration == null) {
            throw new SpecException("trial", "network '" + name + "' has no trial duration: call trial(duration)");
        }
        TrialSpec trial = new TrialSpec(duration, spikeCap != null ? spikeCap : TrialSpec.of(duration).spikeCap(),
                alpha != null ? alpha : TrialSpec.of(duration).alpha(),
                rule != null ? rule : TrialSpec.of(duration).pseudoRule());
        List<InputSpec> in = new ArrayList<>();
        for (InputBuilder b : inputs.values()) {
            in.add(b.toSpec(duration));
        }
        List<PopulationSpec> pops = new ArrayList<>();
        for (PopulationBuilder b : populations.values()) {
            pops.add(b.toSpec());
        }
        List<ProjectionSpec> proj = new ArrayList<>();
        for (ProjectionBuilder b : projections.values()) {
            if (!inputs.containsKey(b.from()) && !populations.containsKey(b.from())) {
                throw new SpecException("projections[" + b.from() + "->" + b.to() + "]", "'" + b.from()
                        + "' is neither an input nor a population");
            }
            if (!populations.containsKey(b.to())) {
                throw new SpecException("projections[" + b.from() + "->" + b.to() + "]", "'" + b.to()
                        + "' is not a population" + (inputs.containsKey(b.to()) ? " (inputs receive no synapses)"
                        : ""));
            }
            proj.add(b.toSpec());
        }
        OutputSpec out = null;
        if (readout != null) {
            PopulationBuilder p = populations.get(readout.population());
            if (p == null) {
                throw new SpecException("output", "readout: '" + readout.population() + "' is not a population");
            }
            out = readout.toSpec(p.size());
        }
        return new NetworkSpec(name, trial, in, pops, proj, out, loss);
    }

    /**
     * Builds the description and compiles it into a runnable network, passing on the code of custom losses given
     * here; the code of other custom losses it names comes from {@link io.smoothspike.spec.Losses}.
     */
    public Network compile() {
        return Network.compile(spec(), Map.copyOf(customLosses));
    }

    private void unused(String name) {
        if (inputs.containsKey(name)) {
            throw new IllegalArgumentException("name '" + name + "' is already used by an input");
        }
        if (populations.containsKey(name)) {
            throw new IllegalArgumentException("name '" + name + "' is already used by a population");
        }
    }
}
