package io.smoothspike.graph;

import io.smoothspike.model.NeuronModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled network that the event engine runs: populations (one neuron model each), one group of external
 * input channels, and projections between them in flat primitive arrays.
 *
 * <p>Network neurons are numbered globally in population order ({@link Population#offset()} + local index).
 * Weights and initial states are live arrays: training updates them in place.
 */
public final class SimulationGraph {

    /** Source index of the external input group in {@link Projection#source()}. */
    public static final int INPUTS = -1;

    private final String inputName;
    private final int inputCount;
    private final List<Population> populations;
    private final List<Projection> projections;
    private final Projection[] fromInputs;
    private final Projection[][] fromPopulation;
    private final int neuronCount;

    private SimulationGraph(SimulationGraph base, List<Population> populations) {
        this.inputName = base.inputName;
        this.inputCount = base.inputCount;
        this.populations = List.copyOf(populations);
        this.projections = base.projections;
        this.neuronCount = base.neuronCount;
        this.fromInputs = base.fromInputs;
        this.fromPopulation = base.fromPopulation;
    }

    /**
     * The same network with population {@code p}'s neuron model replaced by {@code model} (same kind, other
     * constants). Weights and initial states are shared with this graph, not copied.
     */
    public SimulationGraph withModel(int p, NeuronModel model) {
        Population old = populations.get(p);
        if (!old.model().id().equals(model.id())) {
            throw new IllegalArgumentException("population '" + old.name() + "' is " + old.model().id()
                    + "; cannot swap in a " + model.id() + " model");
        }
        List<Population> pops = new ArrayList<>(populations);
        pops.set(p, new Population(old.name(), model, old.size(), old.offset(), old.initialState()));
        return new SimulationGraph(this, pops);
    }

    private SimulationGraph(Builder b) {
        this.inputName = b.inputName;
        this.inputCount = b.inputCount;
        this.populations = List.copyOf(b.populations);
        this.projections = List.copyOf(b.projections);
        this.neuronCount = b.neuronCount;
        this.fromInputs = projections.stream().filter(p -> p.source() == INPUTS).toArray(Projection[]::new);
        this.fromPopulation = new Projection[populations.size()][];
        for (int i = 0; i < populations.size(); i++) {
            final int src = i;
            fromPopulation[i] = projections.stream().filter(p -> p.source() == src).toArray(Projection[]::new);
        }
    }

    /** Starts a graph description. */
    public static Builder builder() {
        return new Builder();
    }

    public String inputName() {
        return inputName;
    }

    /** Number of external input channels. */
    public int inputCount() {
        return inputCount;
    }

    /** Total number of network neurons. */
    public int neuronCount() {
        return neuronCount;
    }

    public List<Population> populations() {
        return populations;
    }

    public List<Projection> projections() {
        return projections;
    }

    /** Projections leaving the external inputs. */
    public Projection[] fromInputs() {
        return fromInputs;
    }

    /** Projections leaving population {@code p}. */
    public Projection[] fromPopulation(int p) {
        return fromPopulation[p];
    }

    /** Index of the population containing global neuron {@code n}. */
    public int populationOf(int n) {
        for (int p = populations.size() - 1; p >= 0; p--) {
            if (n >= populations.get(p).offset()) {
                return p;
            }
        }
        throw new IndexOutOfBoundsException("neuron " + n);
    }

    /** Total number of synapses. */
    public long synapseCount() {
        long n = 0;
        for (Projection p : projections) {
            n += p.synapseCount();
        }
        return n;
    }

    /**
     * Collects populations, inputs and projections and checks every name and size. Sources and targets are named;
     * the input group is a valid source but never a target.
     */
    public static final class Builder {
        private String inputName = "input";
        private int inputCount;
        private final List<Population> populations = new ArrayList<>();
        private final Map<String, Integer> populationIndex = new HashMap<>();
        private final List<Projection> projections = new ArrayList<>();
        private int neuronCount;

        private Builder() {
        }

        /** Declares the external input group: {@code count ≥ 0} channels, referred to by {@code name}. */
        public Builder inputs(String name, int count) {
            if (count < 0) {
                throw new IllegalArgumentException("input group '" + name + "': size must be >= 0, got " + count);
            }
            if (populationIndex.containsKey(name)) {
                throw new IllegalArgumentException("name '" + name + "' is already used by a population");
            }
            this.inputName = name;
            this.inputCount = count;
            return this;
        }

        /** Adds a population whose neurons all start from {@code model.stateFromVoltage(0, 0)}. */
        public Builder population(String name, NeuronModel model, int size) {
            double[] one = model.stateFromVoltage(0, 0);
            double[] init = new double[size * one.length];
            for (int i = 0; i < size; i++) {
                System.arraycopy(one, 0, init, i * one.length, one.length);
            }
            return population(name, model, size, init);
        }

        /** Adds a population with explicit initial states in model coordinates (neuron-major). */
        public Builder population(String name, NeuronModel model, int size, double[] initialState) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("population name must not be empty");
            }
            if (populationIndex.containsKey(name) || name.equals(inputName) && inputCount > 0) {
                throw new IllegalArgumentException("duplicate name '" + name + "'");
            }
            if (size <= 0) {
                throw new IllegalArgumentException("population '" + name + "': size must be positive, got " + size);
            }
            if (initialState.length != size * model.stateSize()) {
                throw new IllegalArgumentException("population '" + name + "': initial state needs " + size + " x "
                        + model.stateSize() + " " + Arrays.toString(model.stateNames()) + " = "
                        + size * model.stateSize() + " numbers, got " + initialState.length);
            }
            populationIndex.put(name, populations.size());
            populations.add(new Population(name, model, size, neuronCount, initialState.clone()));
            neuronCount += size;
            return this;
        }

        private int source(String name) {
            if (name.equals(inputName)) {
                return INPUTS;
            }
            Integer p = populationIndex.get(name);
            if (p == null) {
                throw new IllegalArgumentException("unknown source '" + name + "'; known: " + knownNames());
            }
            return p;
        }

        private int target(String name) {
            if (name.equals(inputName)) {
                throw new IllegalArgumentException("'" + name + "' is the input group and cannot be a target");
            }
            Integer p = populationIndex.get(name);
            if (p == null) {
                throw new IllegalArgumentException("unknown target population '" + name + "'; known: "
                        + populationIndex.keySet());
            }
            return p;
        }

        private String knownNames() {
            List<String> names = new ArrayList<>(populationIndex.keySet());
            names.add(0, inputName);
            return names.toString();
        }

        private int sizeOf(int group) {
            return group == INPUTS ? inputCount : populations.get(group).size();
        }

        /** Dense projection: {@code weights[pre][post]}, every pair connected. */
        public Builder connectDense(String from, String to, double[][] weights) {
            int src = source(from);
            int tgt = target(to);
            int ns = sizeOf(src);
            int nt = sizeOf(tgt);
            checkShape(from, to, weights, ns, nt);
            double[] flat = new double[ns * nt];
            for (int i = 0; i < ns; i++) {
                System.arraycopy(weights[i], 0, flat, i * nt, nt);
            }
            checkFinite(from, to, flat);
            projections.add(Projection.dense(src, tgt, ns, nt, flat));
            return this;
        }

        /**
         * Masked projection: synapse (pre, post) exists iff {@code mask[pre][post]}, with weight
         * {@code weights[pre][post]}.
         */
        public Builder connectMasked(String from, String to, double[][] weights, boolean[][] mask) {
            int src = source(from);
            int tgt = target(to);
            int ns = sizeOf(src);
            int nt = sizeOf(tgt);
            checkShape(from, to, weights, ns, nt);
            if (mask.length != ns) {
                throw new IllegalArgumentException(from + " -> " + to + ": mask needs " + ns + " rows, got "
                        + mask.length);
            }
            int[] rowStart = new int[ns + 1];
            int count = 0;
            for (int i = 0; i < ns; i++) {
                if (mask[i].length != nt) {
                    throw new IllegalArgumentException(from + " -> " + to + ": mask row " + i + " needs " + nt
                            + " entries, got " + mask[i].length);
                }
                for (int j = 0; j < nt; j++) {
                    if (mask[i][j]) {
                        count++;
                    }
                }
                rowStart[i + 1] = count;
            }
            int[] targets = new int[count];
            double[] w = new double[count];
            int k = 0;
            for (int i = 0; i < ns; i++) {
                for (int j = 0; j < nt; j++) {
                    if (mask[i][j]) {
                        targets[k] = j;
                        w[k++] = weights[i][j];
                    }
                }
            }
            checkFinite(from, to, w);
            projections.add(Projection.sparse(src, tgt, ns, nt, rowStart, targets, w));
            return this;
        }

        /** Sparse projection from synapse lists: synapse k connects {@code pre[k]} to {@code post[k]}. */
        public Builder connectSparse(String from, String to, int[] pre, int[] post, double[] weights) {
            int src = source(from);
            int tgt = target(to);
            int ns = sizeOf(src);
            int nt = sizeOf(tgt);
            if (pre.length != post.length || pre.length != weights.length) {
                throw new IllegalArgumentException(from + " -> " + to + ": pre, post and weight lists differ in "
                        + "length (" + pre.length + ", " + post.length + ", " + weights.length + ")");
            }
            Integer[] order = new Integer[pre.length];
            for (int k = 0; k < pre.length; k++) {
                if (pre[k] < 0 || pre[k] >= ns || post[k] < 0 || post[k] >= nt) {
                    throw new IllegalArgumentException(from + " -> " + to + ": synapse " + k + " (" + pre[k] + " -> "
                            + post[k] + ") is out of range for sizes " + ns + " x " + nt);
                }
                order[k] = k;
            }
            Arrays.sort(order, (x, y) -> pre[x] != pre[y] ? Integer.compare(pre[x], pre[y])
                    : Integer.compare(post[x], post[y]));
            int[] rowStart = new int[ns + 1];
            int[] targets = new int[pre.length];
            double[] w = new double[pre.length];
            for (int k = 0; k < order.length; k++) {
                int s = order[k];
                if (k > 0 && pre[s] == pre[order[k - 1]] && post[s] == post[order[k - 1]]) {
                    throw new IllegalArgumentException(from + " -> " + to + ": duplicate synapse " + pre[s] + " -> "
                            + post[s]);
                }
                rowStart[pre[s] + 1]++;
                targets[k] = post[s];
                w[k] = weights[s];
            }
            for (int i = 0; i < ns; i++) {
                rowStart[i + 1] += rowStart[i];
            }
            checkFinite(from, to, w);
            projections.add(Projection.sparse(src, tgt, ns, nt, rowStart, targets, w));
            return this;
        }

        /**
         * Gives the most recently connected projection delays of {@code kind}: {@code delays} has one value
         * ({@link DelayKind#PROJECTION}), one per presynaptic neuron ({@link DelayKind#AXONAL}) or one per synapse in
         * the layout of {@link Projection#weights()} ({@link DelayKind#SYNAPSE}); all finite and ≥ 0.
         */
        public Builder delays(DelayKind kind, double[] delays) {
            if (projections.isEmpty()) {
                throw new IllegalArgumentException("delays apply to the last connected projection: connect first");
            }
            int last = projections.size() - 1;
            projections.set(last, projections.get(last).withDelays(kind, delays.clone()));
            return this;
        }

        private static void checkShape(String from, String to, double[][] weights, int ns, int nt) {
            if (weights.length != ns) {
                throw new IllegalArgumentException(from + " -> " + to + ": weight matrix needs " + ns
                        + " rows (size of '" + from + "'), got " + weights.length);
            }
            for (int i = 0; i < ns; i++) {
                if (weights[i].length != nt) {
                    throw new IllegalArgumentException(from + " -> " + to + ": weight row " + i + " needs " + nt
                            + " entries (size of '" + to + "'), got " + weights[i].length);
                }
            }
        }

        private static void checkFinite(String from, String to, double[] w) {
            for (int k = 0; k < w.length; k++) {
                if (!Double.isFinite(w[k])) {
                    throw new IllegalArgumentException(from + " -> " + to + ": weight " + k + " is not finite: "
                            + w[k]);
                }
            }
        }

        /** Validates and freezes the structure. */
        public SimulationGraph build() {
            if (populations.isEmpty()) {
                throw new IllegalArgumentException("a network needs at least one population");
            }
            return new SimulationGraph(this);
        }
    }
}
