package io.smoothspike.network;

import io.smoothspike.data.PoissonTrains;
import io.smoothspike.grad.BatchGradient;
import io.smoothspike.grad.PseudoSettings;
import io.smoothspike.grad.Readout;
import io.smoothspike.grad.ReadoutSpec;
import io.smoothspike.grad.TrialEvaluator;
import io.smoothspike.graph.DelayKind;
import io.smoothspike.graph.Population;
import io.smoothspike.graph.Projection;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.loss.Loss;
import io.smoothspike.loss.TrialTargets;
import io.smoothspike.model.NeuronModel;
import io.smoothspike.model.NeuronModels;
import io.smoothspike.sim.EventRecord;
import io.smoothspike.sim.EventSimulator;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.TrialGradient;
import io.smoothspike.sim.TrialSettings;
import io.smoothspike.spec.DelaySpec;
import io.smoothspike.spec.InputSpec;
import io.smoothspike.spec.LossContext;
import io.smoothspike.spec.Losses;
import io.smoothspike.spec.NetworkSpec;
import io.smoothspike.spec.PopulationSpec;
import io.smoothspike.spec.ProjectionSpec;
import io.smoothspike.spec.SpecException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * A compiled network: its description, the simulation graph, named parameters, trial inputs, read-out and loss.
 *
 * <p>Parameters are named {@code from->to.weight} (row-major by presynaptic neuron for all-to-all projections, in
 * synapse order otherwise), {@code from->to.delay} for a projection with delays (in the weights' order, one per
 * presynaptic neuron, or one value; see {@link DelaySpec}), {@code population.coordinate0} for initial states in
 * model coordinates (e.g. {@code h1.phase0}, {@code rnn.psi0} with ψ = atan V, {@code rnn.I0}),
 * {@code population.constant} for model constants (e.g. {@code rnn.tau}) and {@code input.time} for explicit input
 * spike times (channel by channel).
 * {@link #parameter} reads a copy; {@link #setParameter} writes through to the simulation. {@link #weights},
 * {@link #setWeights} and {@link #weightGradient} show a projection's weights as an EJML matrix.
 */
public final class Network {

    private final NetworkSpec spec;
    /** What the loss is built for; null without a read-out. */
    private final LossContext lossContext;
    private SimulationGraph graph;
    private final TrialSettings trial;
    private final PseudoSettings pseudo;
    private final List<InputGroup> inputs;
    private final ReadoutSpec readout;
    /** Explicit spike times per input group (flattened channel by channel), live. */
    private final double[][] explicitTimes;
    private final int[][] explicitChannels;
    /** Encoder per image input group (null for other groups). */
    private final ImageEncoder[] encoders;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private BatchGradient batch;
    private int batchThreads;

    private Network(NetworkSpec spec, Map<String, Loss> customLosses) {
        Map<String, Loss> custom = new LinkedHashMap<>(Losses.customLosses());
        custom.putAll(customLosses);
        NetworkCompiler.Result r = NetworkCompiler.compile(spec, custom);
        this.spec = spec;
        this.lossContext = r.loss();
        this.graph = r.graph();
        this.trial = r.trial();
        this.pseudo = r.pseudo();
        this.inputs = r.inputs();
        this.readout = r.readout();
        this.explicitTimes = new double[inputs.size()][];
        this.explicitChannels = new int[inputs.size()][];
        this.encoders = new ImageEncoder[inputs.size()];
        for (int g = 0; g < inputs.size(); g++) {
            if (inputs.get(g).spec().source() instanceof InputSpec.Image im) {
                encoders[g] = new ImageEncoder(im.bins(), trial.duration(), inputs.get(g).offset());
            }
            if (inputs.get(g).spec().source() instanceof InputSpec.Spikes sp) {
                int n = Arrays.stream(sp.times()).mapToInt(t -> t.length).sum();
                explicitTimes[g] = new double[n];
                explicitChannels[g] = new int[n];
                int k = 0;
                for (int c = 0; c < sp.times().length; c++) {
                    for (double t : sp.times()[c]) {
                        explicitTimes[g][k] = t;
                        explicitChannels[g][k++] = inputs.get(g).offset() + c;
                    }
                }
            }
        }
        registerParameters();
    }

    /** Validates and compiles a description; the code of custom losses comes from {@link Losses}. */
    public static Network compile(NetworkSpec spec) {
        return compile(spec, Map.of());
    }

    /**
     * Validates and compiles a description whose custom losses are given by name (or, for names not given, registered
     * in {@link Losses}); the network keeps the code it compiled with. A description too large for this
     * JVM's memory fails with a {@link SpecException}, before allocation where its sizes alone show it.
     */
    public static Network compile(NetworkSpec spec, Map<String, Loss> customLosses) {
        try {
            return new Network(spec, customLosses);
        } catch (OutOfMemoryError e) {
            throw new SpecException("network", "does not fit in memory: this JVM may use at most "
                    + MemoryBudget.bytes(Runtime.getRuntime().maxMemory()) + ". Make the network smaller, or give "
                    + "Java more memory with -Xmx (for ./smoothspike: SMOOTHSPIKE_JAVA_OPTS=-Xmx<size>)");
        }
    }

    // ---- parameters ----

    private void registerParameters() {
        List<Projection> projections = graph.projections();
        for (int j = 0; j < projections.size(); j++) {
            ProjectionSpec ps = spec.projections().get(j);
            double[] w = projections.get(j).weights();
            add(new ArrayParameter(ps.label() + ".weight", w, ps.trainable()));
        }
        for (int j = 0; j < projections.size(); j++) {
            DelaySpec d = spec.projections().get(j).delays();
            if (d != null) {
                add(delayParameter(j, d));
            }
        }
        for (int p = 0; p < graph.populations().size(); p++) {
            PopulationSpec ps = spec.populations().get(p);
            Population pop = graph.populations().get(p);
            String[] coords = pop.model().stateNames();
            for (int c = 0; c < coords.length; c++) {
                add(new StateParameter(pop.name() + "." + coords[c] + "0", pop.initialState(), c, coords.length,
                        ps.trainInitial()));
            }
            String[] constants = pop.model().constantNames();
            for (int c = 0; c < constants.length; c++) {
                add(new ConstantParameter(pop.name() + "." + constants[c], p, c,
                        ps.trainConstants().contains(constants[c])));
            }
        }
        for (int g = 0; g < inputs.size(); g++) {
            if (explicitTimes[g] != null) {
                add(new ArrayParameter(inputs.get(g).name() + ".time", explicitTimes[g],
                        inputs.get(g).spec().trainTimes()));
            }
        }
    }

    /**
     * The delays of projection j; those of a projection from one of several input groups per presynaptic neuron are
     * the group's part of an array over all channels.
     */
    private DelayParameter delayParameter(int j, DelaySpec d) {
        Projection p = graph.projections().get(j);
        String from = spec.projections().get(j).from();
        InputGroup group = inputs.stream().filter(g -> g.name().equals(from)).findFirst().orElse(null);
        boolean window = group != null && p.delayKind() == DelayKind.AXONAL;
        return new DelayParameter(spec.projections().get(j).label() + ".delay", j, window ? group.offset() : 0,
                window ? group.size() : p.delays().length, d.trainable(), d.upperBound());
    }

    private void add(Parameter p) {
        parameters.put(p.name(), p);
    }

    /** All parameter names, in a fixed order. */
    public List<String> parameterNames() {
        return List.copyOf(parameters.keySet());
    }

    /** Names of the parameters the description marks trainable. */
    public List<String> trainableParameterNames() {
        return parameters.values().stream().filter(Parameter::trainable).map(Parameter::name).toList();
    }

    private Parameter lookup(String name) {
        Parameter p = parameters.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown parameter '" + name + "'; known: " + parameters.keySet());
        }
        return p;
    }

    /** A copy of the parameter's values. */
    public double[] parameter(String name) {
        Parameter p = lookup(name);
        double[] v = new double[p.length()];
        p.read(v);
        return v;
    }

    /** Sets a parameter; the values must be finite and as many as it has. */
    public void setParameter(String name, double[] values) {
        Parameter p = lookup(name);
        if (values.length != p.length()) {
            throw new IllegalArgumentException("parameter '" + name + "' has " + p.length() + " values, got "
                    + values.length);
        }
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException("parameter '" + name + "': value " + k + " is not finite: "
                        + values[k]);
            }
        }
        p.write(values);
    }

    /**
     * The interval {@code [low, high]} every value of a parameter must stay in: input spike times in [0, T], initial
     * states and model constants where their model puts them ({@link NeuronModel#stateBounds},
     * {@link io.smoothspike.model.ModelConstant#bounds}), delays in [0, their largest delay or +∞]; weights are
     * unbounded.
     */
    public double[] bounds(String name) {
        Parameter p = lookup(name);
        if (p instanceof StateParameter s) {
            return graph.populations().get(populationOf(s.array)).model().stateBounds(s.coordinate);
        }
        if (p instanceof ConstantParameter c) {
            NeuronModel m = graph.populations().get(c.population).model();
            return NeuronModels.get(m.id()).constantBounds(c.index, m.constants());
        }
        if (p instanceof ArrayParameter a && a.index < 0) {
            return new double[] {0, trial.duration()};
        }
        if (p instanceof DelayParameter d) {
            return new double[] {0, d.max};
        }
        return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
    }

    /** Whether the parameter is a model constant. */
    boolean isConstant(String name) {
        return parameters.get(name) instanceof ConstantParameter;
    }

    /** Number of values of a parameter. */
    public int parameterLength(String name) {
        return lookup(name).length();
    }

    // ---- weight matrices ----

    /** The projections' names ({@code from->to}), in the order of the description. */
    public List<String> projectionNames() {
        return spec.projections().stream().map(ProjectionSpec::label).toList();
    }

    /**
     * A copy of a projection's weights as a presynaptic × postsynaptic matrix: entry (i, j) is the weight from
     * neuron (or input channel) i of the source to neuron j of the target, 0 where the connectivity has no synapse.
     */
    public DMatrixRMaj weights(String projection) {
        return weightView(projection).toMatrix(parameter(projection + ".weight"));
    }

    /**
     * Sets a projection's weights from a presynaptic × postsynaptic matrix of finite values, as {@link #weights}
     * gives it. The connectivity stays as described: entries where it has no synapse must be 0.
     */
    public void setWeights(String projection, DMatrixRMaj weights) {
        setParameter(projection + ".weight", weightView(projection).toFlat(weights));
    }

    /**
     * The gradient with respect to a projection's weights as a matrix like {@link #weights}, from a gradient by
     * parameter name ({@link Evaluation#gradient()}, {@link #namedGradient}).
     */
    public DMatrixRMaj weightGradient(Map<String, double[]> gradient, String projection) {
        WeightView view = weightView(projection);
        double[] g = gradient.get(projection + ".weight");
        if (g == null || g.length != parameterLength(projection + ".weight")) {
            throw new IllegalArgumentException("the gradient has " + (g == null ? "no values" : g.length + " values")
                    + " for '" + projection + ".weight', which has " + parameterLength(projection + ".weight")
                    + "; give a gradient of this network");
        }
        return view.toMatrix(g);
    }

    private WeightView weightView(String projection) {
        int j = projectionNames().indexOf(projection);
        if (j < 0) {
            throw new IllegalArgumentException("unknown projection '" + projection + "'; known: "
                    + projectionNames());
        }
        Projection p = graph.projections().get(j);
        String from = spec.projections().get(j).from();
        InputGroup group = inputs.stream().filter(g -> g.name().equals(from)).findFirst().orElse(null);
        return group == null ? new WeightView(projection, p, p.sourceSize(), 0)
                : new WeightView(projection, p, group.size(), group.offset());
    }

    // ---- accessors ----

    public NetworkSpec spec() {
        return spec;
    }

    /** The simulation graph (replaced when a model constant is set). */
    public SimulationGraph graph() {
        return graph;
    }

    public TrialSettings trial() {
        return trial;
    }

    public PseudoSettings pseudo() {
        return pseudo;
    }

    /** The read-out, or null when the description has none. */
    public ReadoutSpec readout() {
        return readout;
    }

    /** A one-line summary: name, neurons, input channels and trainable parameters. */
    @Override
    public String toString() {
        int n = graph.neuronCount();
        int in = graph.inputCount();
        return "Network " + spec.name() + ": " + n + " neuron" + (n == 1 ? "" : "s") + ", " + in + " input channel"
                + (in == 1 ? "" : "s") + ", trainable " + trainableParameterNames();
    }

    // ---- inputs ----

    /** Whether trials need data (an image or external input group). */
    public boolean needsData() {
        return hasImageInput() || externalChannels() > 0;
    }

    /** Whether an input group encodes images ({@link #input(int, double[])} feeds it). */
    public boolean hasImageInput() {
        return inputs.stream().anyMatch(g -> g.spec().source() instanceof InputSpec.Image);
    }

    /**
     * Number of channels of the external input groups, which {@link #input(int, double[][])} feeds: channel c of
     * the given times is the c-th external channel, counting through the groups in the order they are declared.
     */
    public int externalChannels() {
        return inputs.stream().filter(g -> g.spec().source() instanceof InputSpec.External)
                .mapToInt(InputGroup::size).sum();
    }

    /** Input spikes of trial {@code k} from the description's sources (explicit and Poisson groups). */
    public InputSpikes input(int k) {
        return input(k, (double[]) null);
    }

    /**
     * Input spikes of trial {@code k}; {@code image} (pixel intensities in [0, 255]) feeds the image group. Safe to
     * call from several threads at once while no parameter is being set.
     */
    public InputSpikes input(int k, double[] image) {
        return input(k, image, null);
    }

    /**
     * Input spikes of trial {@code k}; {@code externalTimes[c]} (spike times, any number, in any order) feeds the
     * c-th external channel (see {@link #externalChannels}). Safe to call from several threads at once while no
     * parameter is being set.
     */
    public InputSpikes input(int k, double[][] externalTimes) {
        int expected = externalChannels();
        if (externalTimes == null || externalTimes.length != expected) {
            throw new IllegalArgumentException("the network's external inputs have " + expected + " channel"
                    + (expected == 1 ? "" : "s") + ", the trial gives spike times for "
                    + (externalTimes == null ? "none" : externalTimes.length + " channel"
                    + (externalTimes.length == 1 ? "" : "s")));
        }
        return input(k, null, externalTimes);
    }

    private InputSpikes input(int k, double[] image, double[][] externalTimes) {
        InputSpikes[] groups = new InputSpikes[inputs.size()];
        int external = 0;
        for (int g = 0; g < groups.length; g++) {
            groups[g] = groupInput(g, k, image, externalTimes, external);
            if (inputs.get(g).spec().source() instanceof InputSpec.External) {
                external += inputs.get(g).size();
            }
        }
        return groups.length == 1 ? groups[0] : InputSpikes.merge(groups);
    }

    /** Input spikes of group {@code g} in trial {@code k}; an external group's times start at {@code external}. */
    private InputSpikes groupInput(int g, int k, double[] image, double[][] externalTimes, int external) {
        InputGroup group = inputs.get(g);
        InputSpec.Source s = group.spec().source();
        if (s instanceof InputSpec.Spikes) {
            return InputSpikes.of(explicitTimes[g], explicitChannels[g]);
        }
        if (s instanceof InputSpec.Poisson p) {
            long seed = p.resample() ? p.seed() + k : p.seed();
            InputSpikes in = PoissonTrains.inputs(group.size(), p.rate(), p.end() - p.start(), seed);
            double[] t = new double[in.size()];
            int[] c = new int[in.size()];
            for (int j = 0; j < t.length; j++) {
                t[j] = p.start() + in.time(j);
                c[j] = group.offset() + in.source(j);
            }
            return InputSpikes.of(t, c);
        }
        if (s instanceof InputSpec.Image) {
            if (image == null) {
                throw new IllegalArgumentException("input group '" + group.name() + "' encodes images: give the "
                        + "trial's image");
            }
            if (image.length != group.size()) {
                throw new IllegalArgumentException("input group '" + group.name() + "' has " + group.size()
                        + " channels, the image has " + image.length + " pixels");
            }
            return encoders[g].encode(image);
        }
        if (externalTimes == null) {
            throw new IllegalArgumentException("input group '" + group.name() + "' is external: give the trial's "
                    + "spike times per channel, input(k, times), or pass its input spikes to simulate(InputSpikes)");
        }
        return externalSpikes(group, Arrays.copyOfRange(externalTimes, external, external + group.size()));
    }

    /** The spikes of an external group from its channels' spike times. */
    private static InputSpikes externalSpikes(InputGroup group, double[][] times) {
        int n = 0;
        for (int ch = 0; ch < times.length; ch++) {
            if (times[ch] == null) {
                throw new IllegalArgumentException("input group '" + group.name() + "', channel " + ch + ": no "
                        + "spike times (give an empty array for a silent channel)");
            }
            n += times[ch].length;
        }
        double[] t = new double[n];
        int[] c = new int[n];
        int j = 0;
        for (int ch = 0; ch < times.length; ch++) {
            for (double time : times[ch]) {
                if (!(time >= 0) || Double.isInfinite(time)) {
                    throw new IllegalArgumentException("input group '" + group.name() + "', channel " + ch
                            + ": spike time " + time + "; spike times must be finite and >= 0");
                }
                t[j] = time;
                c[j++] = group.offset() + ch;
            }
        }
        return InputSpikes.of(t, c);
    }

    // ---- simulation and gradients ----

    /** Simulates trial 0 of the description's own inputs. */
    public SimulationResult simulate() {
        return simulate(input(0));
    }

    /**
     * Simulates one trial with the given input spikes. Output times of a read-out without pseudodynamics (LIF) are
     * NaN where a spike is missing.
     */
    public SimulationResult simulate(InputSpikes in) {
        EventRecord rec = new EventSimulator(graph).run(in, trial).copy();
        if (readout == null) {
            return new SimulationResult(rec, null, null);
        }
        Readout r = readout.create(graph);
        double[][] times = r.newTimes();
        double[][] ordinary = r.newTimes();
        r.ordinaryTimes(rec, ordinary);
        if (r.hasPseudodynamics()) {
            r.outputTimes(rec, times);
        } else {
            // no pseudospikes (LIF read-out): missing output times are NaN
            for (int k = 0; k < times.length; k++) {
                int n = readout.neurons()[k];
                for (int j = 0; j < times[k].length; j++) {
                    times[k][j] = j < rec.spikeCount(n) ? rec.spikeTime(n, j) : Double.NaN;
                }
            }
        }
        return new SimulationResult(rec, times, ordinary);
    }

    /** Simulates one trial and samples every neuron's state on {@code points} evenly spaced times in [0, T]. */
    public io.smoothspike.sim.StateTrace trace(InputSpikes in, int points) {
        return new EventSimulator(graph).trace(in, trial, io.smoothspike.sim.StateTrace.grid(trial.duration(), points));
    }

    /** The loss for a batch whose sample ids 0…n−1 carry {@code labels} (ignored by losses without labels). */
    public Loss loss(int[] labels) {
        return lossFor(TrialTargets.ofLabels(labels));
    }

    /** The loss for a batch whose sample ids 0…n−1 carry {@code targets}: labels, target times, or neither. */
    public Loss lossFor(TrialTargets targets) {
        if (spec.loss() == null) {
            throw new IllegalStateException("the network's description has no loss");
        }
        return spec.loss().build(lossContext, targets);
    }

    /**
     * Mean loss and exact gradient over a batch of trials ({@code labels} may be null without a labelled loss),
     * evaluated on {@code threads} threads; bit-identical for any thread count.
     */
    public Evaluation lossAndGradient(List<InputSpikes> batch, int[] labels, int threads) {
        return lossAndGradientFor(batch, TrialTargets.ofLabels(labels), threads);
    }

    /** {@link #lossAndGradient} of a batch whose trials carry {@code targets}: labels, target times, or neither. */
    public Evaluation lossAndGradientFor(List<InputSpikes> batch, TrialTargets targets, int threads) {
        if (readout == null) {
            throw new IllegalStateException("the network's description has no read-out to compute a loss on");
        }
        Loss loss = lossFor(targets);
        int[] ids = new int[batch.size()];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = k;
        }
        TrialGradient mean = new TrialGradient(graph);
        double value;
        double[][] timeGrad = new double[inputs.size()][];
        if (!sumsBatchesInChunks()) {
            // sequential: input-time gradients are mapped per trial
            TrialEvaluator ev = new TrialEvaluator(graph, trial, readout);
            ev.setConstantGradients(trainsConstants());
            TrialGradient g = new TrialGradient(graph);
            double sum = 0;
            for (int k = 0; k < ids.length; k++) {
                InputSpikes in = batch.get(k);
                sum += ev.lossAndGradient(in, k, loss, g);
                mean.add(g, 1.0 / ids.length);
                accumulateTimeGradient(in, g.inputTimes(), timeGrad, 1.0 / ids.length);
            }
            value = sum / ids.length;
        } else {
            value = batchGradient(threads).lossAndGradient(batch, ids, loss, mean);
        }
        return new Evaluation(value, gradientByName(mean, timeGrad));
    }

    /** A batch evaluator for the current graph, kept while the graph and thread count stay the same. */
    private BatchGradient batchGradient(int threads) {
        if (batch == null || batch.graph() != graph || batchThreads != threads) {
            if (batch != null) {
                batch.close();
            }
            batch = new BatchGradient(graph, trial, readout, threads);
            batchThreads = threads;
        }
        return batch;
    }

    /**
     * Whether {@link #lossAndGradient} sums a batch in {@link BatchGradient}'s chunks (on any number of threads, or
     * machines): not where input spike times or model constants are trainable, whose gradients it sums trial by trial
     * on one thread.
     */
    public boolean sumsBatchesInChunks() {
        return !hasTrainableTimes() && !trainsConstants();
    }

    private boolean trainsConstants() {
        return parameters.values().stream().anyMatch(p -> p instanceof ConstantParameter && p.trainable());
    }

    private boolean hasTrainableTimes() {
        return inputs.stream().anyMatch(g -> g.spec().trainTimes());
    }

    /** Maps per-spike input-time gradients (sorted order) back to the explicit spike lists. */
    private void accumulateTimeGradient(InputSpikes in, double[] sortedGrad, double[][] out, double scale) {
        for (int g = 0; g < inputs.size(); g++) {
            if (explicitTimes[g] == null || !inputs.get(g).spec().trainTimes()) {
                continue;
            }
            if (out[g] == null) {
                out[g] = new double[explicitTimes[g].length];
            }
            // match spikes by (channel, time); explicit spikes of one channel are matched in order
            int[] used = new int[graph.inputCount()];
            for (int k = 0; k < in.size() && k < sortedGrad.length; k++) {
                int ch = in.source(k);
                int idx = nthExplicit(g, ch, used[ch]++, in.time(k));
                if (idx >= 0) {
                    out[g][idx] += scale * sortedGrad[k];
                }
            }
        }
    }

    private int nthExplicit(int g, int channel, int nth, double time) {
        int seen = 0;
        for (int j = 0; j < explicitChannels[g].length; j++) {
            if (explicitChannels[g][j] == channel) {
                if (seen == nth && explicitTimes[g][j] == time) {
                    return j;
                }
                seen++;
            }
        }
        return -1;
    }

    /**
     * A gradient in the simulation's layout by parameter name (input-time gradients, which are per trial, are
     * zero here).
     */
    public Map<String, double[]> namedGradient(TrialGradient g) {
        return gradientByName(g, new double[inputs.size()][]);
    }

    private Map<String, double[]> gradientByName(TrialGradient g, double[][] timeGrad) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Parameter p : parameters.values()) {
            double[] v = new double[p.length()];
            if (p instanceof ArrayParameter a && a.index >= 0) {
                System.arraycopy(g.weights(a.index), 0, v, 0, v.length);
            } else if (p instanceof StateParameter s) {
                int pop = populationOf(s.array);
                double[] full = g.initialState(pop);
                for (int i = 0; i < v.length; i++) {
                    v[i] = full[i * s.stride + s.coordinate];
                }
            } else if (p instanceof ConstantParameter c) {
                v[0] = g.constants(c.population)[c.index];
            } else if (p instanceof DelayParameter d) {
                System.arraycopy(g.delays(d.projection), d.offset, v, 0, v.length);
            } else if (p instanceof ArrayParameter a) {
                for (int gi = 0; gi < inputs.size(); gi++) {
                    if (explicitTimes[gi] == a.array && timeGrad[gi] != null) {
                        System.arraycopy(timeGrad[gi], 0, v, 0, v.length);
                    }
                }
            }
            out.put(p.name(), v);
        }
        return Collections.unmodifiableMap(out);
    }

    private int populationOf(double[] initialState) {
        for (int p = 0; p < graph.populations().size(); p++) {
            if (graph.populations().get(p).initialState() == initialState) {
                return p;
            }
        }
        throw new IllegalStateException("initial state array not found");
    }

    // ---- persistence ----

    /** Saves description and parameters to one JSON file, atomically (temporary file, then rename). */
    public void save(Path file) throws IOException {
        NetworkFile.save(this, file);
    }

    /**
     * Loads a network saved by {@link #save} (such as a training run's {@code model.json}), or the network of a
     * training run's {@code checkpoint.json}; custom losses are given by name, or registered in {@link Losses}.
     */
    public static Network load(Path file, Map<String, Loss> customLosses) throws IOException {
        return NetworkFile.load(file, customLosses);
    }

    /** {@link #load(Path, Map)} of a network whose custom losses, if any, are registered in {@link Losses}. */
    public static Network load(Path file) throws IOException {
        return load(file, Map.of());
    }

    // ---- parameter kinds ----

    /** A live array: a projection's weights (index ≥ 0 = projection index) or explicit input spike times. */
    private final class ArrayParameter implements Parameter {
        private final String name;
        private final double[] array;
        private final boolean trainable;
        private final int index;

        ArrayParameter(String name, double[] array, boolean trainable) {
            this.name = name;
            this.array = array;
            this.trainable = trainable;
            int idx = -1;
            for (int j = 0; j < graph.projections().size(); j++) {
                if (graph.projections().get(j).weights() == array) {
                    idx = j;
                }
            }
            this.index = idx;
        }

        public String name() {
            return name;
        }

        public int length() {
            return array.length;
        }

        public void read(double[] out) {
            System.arraycopy(array, 0, out, 0, array.length);
        }

        public void write(double[] in) {
            if (index < 0) {
                for (double t : in) {
                    if (t < 0) {
                        throw new IllegalArgumentException("parameter '" + name + "': input spike times must be >= 0");
                    }
                }
            }
            System.arraycopy(in, 0, array, 0, array.length);
        }

        public boolean trainable() {
            return trainable;
        }
    }

    /** A projection's delays: {@code length} entries of its live delay array from {@code offset}, within [0, max]. */
    private final class DelayParameter implements Parameter {
        private final String name;
        private final int projection;
        private final int offset;
        private final int length;
        private final boolean trainable;
        private final double max;

        DelayParameter(String name, int projection, int offset, int length, boolean trainable, double max) {
            this.name = name;
            this.projection = projection;
            this.offset = offset;
            this.length = length;
            this.trainable = trainable;
            this.max = max;
        }

        public String name() {
            return name;
        }

        public int length() {
            return length;
        }

        public void read(double[] out) {
            System.arraycopy(graph.projections().get(projection).delays(), offset, out, 0, length);
        }

        public void write(double[] in) {
            for (int k = 0; k < length; k++) {
                if (!(in[k] >= 0 && in[k] <= max)) {
                    throw new IllegalArgumentException("parameter '" + name + "': delay " + k + " is " + in[k]
                            + "; delays must lie in [0, " + max + "]");
                }
            }
            System.arraycopy(in, 0, graph.projections().get(projection).delays(), offset, length);
        }

        public boolean trainable() {
            return trainable;
        }
    }

    /** One model coordinate of a population's initial states (interleaved neuron-major in the graph). */
    private final class StateParameter implements Parameter {
        private final String name;
        private final double[] array;
        private final int coordinate;
        private final int stride;
        private final boolean trainable;

        StateParameter(String name, double[] array, int coordinate, int stride, boolean trainable) {
            this.name = name;
            this.array = array;
            this.coordinate = coordinate;
            this.stride = stride;
            this.trainable = trainable;
        }

        public String name() {
            return name;
        }

        public int length() {
            return array.length / stride;
        }

        public void read(double[] out) {
            for (int i = 0; i < length(); i++) {
                out[i] = array[i * stride + coordinate];
            }
        }

        public void write(double[] in) {
            Population pop = graph.populations().get(populationOf(array));
            double[] copy = array.clone();
            for (int i = 0; i < length(); i++) {
                copy[i * stride + coordinate] = in[i];
            }
            try {
                pop.model().newKernel(pop.size()).initialize(copy);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter '" + name + "': " + e.getMessage());
            }
            System.arraycopy(copy, 0, array, 0, array.length);
        }

        public boolean trainable() {
            return trainable;
        }
    }

    /** A model constant; setting it swaps the population's model in the graph. */
    private final class ConstantParameter implements Parameter {
        private final String name;
        private final int population;
        private final int index;
        private final boolean trainable;

        ConstantParameter(String name, int population, int index, boolean trainable) {
            this.name = name;
            this.population = population;
            this.index = index;
            this.trainable = trainable;
        }

        public String name() {
            return name;
        }

        public int length() {
            return 1;
        }

        public void read(double[] out) {
            out[0] = graph.populations().get(population).model().constants()[index];
        }

        public void write(double[] in) {
            Population pop = graph.populations().get(population);
            NeuronModel m = pop.model();
            double[] c = m.constants();
            c[index] = in[0];
            try {
                NeuronModel changed = m.withConstants(c);
                changed.newKernel(pop.size()).initialize(pop.initialState());
                graph = graph.withModel(population, changed);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter '" + name + "': " + e.getMessage());
            }
        }

        public boolean trainable() {
            return trainable;
        }
    }

}
