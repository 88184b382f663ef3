package io.smoothspike.grad;

import io.smoothspike.graph.Population;
import io.smoothspike.graph.Projection;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.math.Sums;
import io.smoothspike.sim.EventRecord;
import io.smoothspike.sim.TrialGradient;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Output times of read-out neurons, ordinary spikes continued by pseudospikes (docs/method.md §4.4), and their backward
 * pass.
 *
 * <p>Read-out neuron r (a global neuron index) has {@code counts[r]} output times: its first ordinary spikes in
 * [0, T], then its pseudospikes {@code T + kΘ_p − φ_p}, k = 1, 2, …, for the missing ones. The pseudo phases and
 * periods come from the states at T and the pseudo inputs of the chosen {@link PseudoInputRule}. The ordinary-only
 * view counts a missing spike at T.
 *
 * <p>Not thread-safe: one readout per thread.
 */
public final class Readout {

    private final SimulationGraph graph;
    private final int[] neurons;
    private final int[] counts;
    private final int[] readPopulation;
    private final int[] readLocal;
    private final double alpha;
    private final PseudoInputRule rule;
    /** Populations whose pseudodynamics are evaluated, in evaluation order. */
    private final int[] order;
    /** Projections between populations into each population (indices into graph.projections()). */
    private final int[][] incoming;
    /** Recurrent rule: populations whose zero-current rates feed the read-out populations. */
    private final int[] sources;
    private final PseudoBlock[] blocks;
    private final PseudoBlock[] sourceBlocks;
    private final double[][] input;
    private final double[][] dInput;
    private final double[][] dRate;
    private final double[][] dPhase;
    private final double[][] dPeriod;
    private boolean pseudoEvaluated;
    /** Rows of a dense projection collected for one pass of {@link #accumulateInput}: offsets and rates. */
    private static final int ROWS_PER_PASS = 4;
    private final int[] rowOffset = new int[ROWS_PER_PASS];
    private final double[] rowRate = new double[ROWS_PER_PASS];

    /**
     * A readout of {@code neurons} (global indices, no duplicates) with {@code counts[r] ≥ 1} output times each.
     */
    public Readout(SimulationGraph graph, int[] neurons, int[] counts, PseudoSettings settings) {
        if (neurons.length != counts.length || neurons.length == 0) {
            throw new IllegalArgumentException("a readout needs one output count per read-out neuron and at least one"
                    + " neuron; got " + neurons.length + " neurons and " + counts.length + " counts");
        }
        this.graph = graph;
        this.neurons = neurons.clone();
        this.counts = counts.clone();
        this.alpha = settings.alpha();
        int np = graph.populations().size();
        this.readPopulation = new int[neurons.length];
        this.readLocal = new int[neurons.length];
        boolean[] isReadPop = new boolean[np];
        boolean[] seen = new boolean[graph.neuronCount()];
        for (int r = 0; r < neurons.length; r++) {
            int n = neurons[r];
            if (n < 0 || n >= graph.neuronCount()) {
                throw new IllegalArgumentException("read-out neuron " + n + " does not exist (the network has "
                        + graph.neuronCount() + " neurons)");
            }
            if (seen[n]) {
                throw new IllegalArgumentException("read-out neuron " + n + " is listed twice");
            }
            seen[n] = true;
            if (counts[r] < 1) {
                throw new IllegalArgumentException("read-out neuron " + n + " needs at least 1 output time, got "
                        + counts[r]);
            }
            readPopulation[r] = graph.populationOf(n);
            readLocal[r] = n - graph.populations().get(readPopulation[r]).offset();
            isReadPop[readPopulation[r]] = true;
        }
        this.incoming = new int[np][];
        List<Projection> projections = graph.projections();
        for (int p = 0; p < np; p++) {
            final int target = p;
            incoming[p] = java.util.stream.IntStream.range(0, projections.size())
                    .filter(j -> projections.get(j).source() >= 0 && projections.get(j).target() == target).toArray();
        }
        int[] topo = topologicalOrder();
        this.rule = settings.rule() == PseudoInputRule.AUTO
                ? (topo != null ? PseudoInputRule.LAYERED : PseudoInputRule.RECURRENT) : settings.rule();
        this.blocks = new PseudoBlock[np];
        this.sourceBlocks = new PseudoBlock[np];
        List<Population> pops = graph.populations();
        if (rule == PseudoInputRule.LAYERED) {
            if (topo == null) {
                throw new IllegalArgumentException("the layered pseudo-input rule needs a feed-forward network, but "
                        + "the projections between populations form a cycle; use the recurrent rule");
            }
            boolean[] needed = isReadPop.clone();
            for (int k = topo.length - 1; k >= 0; k--) {
                int p = topo[k];
                if (needed[p]) {
                    for (int j : incoming[p]) {
                        needed[projections.get(j).source()] = true;
                    }
                }
            }
            this.order = Arrays.stream(topo).filter(p -> needed[p]).toArray();
            for (int p : order) {
                blocks[p] = new PseudoBlock(pops.get(p).model(), pops.get(p).size(), false);
                sourceBlocks[p] = blocks[p];
            }
            this.sources = new int[0];
        } else {
            this.order = java.util.stream.IntStream.range(0, np).filter(p -> isReadPop[p]).toArray();
            boolean[] isSource = new boolean[np];
            for (int p : order) {
                blocks[p] = new PseudoBlock(pops.get(p).model(), pops.get(p).size(), false);
                for (int j : incoming[p]) {
                    isSource[projections.get(j).source()] = true;
                }
            }
            this.sources = java.util.stream.IntStream.range(0, np).filter(p -> isSource[p]).toArray();
            for (int q : sources) {
                sourceBlocks[q] = new PseudoBlock(pops.get(q).model(), pops.get(q).size(), true);
            }
        }
        this.input = new double[np][];
        this.dInput = new double[np][];
        this.dRate = new double[np][];
        this.dPhase = new double[np][];
        this.dPeriod = new double[np][];
        for (int p = 0; p < np; p++) {
            int size = pops.get(p).size();
            input[p] = new double[size];
            dInput[p] = new double[size];
            dRate[p] = new double[size];
            dPhase[p] = new double[size];
            dPeriod[p] = new double[size];
        }
    }

    private void requirePseudo(int p) {
        Population pop = graph.populations().get(p);
        if (!pop.model().hasPseudodynamics()) {
            throw new IllegalStateException("population '" + pop.name() + "' (" + pop.model().id() + ") has no "
                    + "pseudodynamics, but a read-out neuron has fewer ordinary spikes than output times; use a model "
                    + "with pseudodynamics there (qif, theta, oscillatory-lif or a registered one of your own), or read "
                    + "out fewer spikes");
        }
    }

    /** Populations in an order where every projection goes forward, or null if they form a cycle. */
    private int[] topologicalOrder() {
        int np = graph.populations().size();
        int[] indegree = new int[np];
        List<List<Integer>> out = new ArrayList<>();
        for (int p = 0; p < np; p++) {
            out.add(new ArrayList<>());
        }
        for (Projection pr : graph.projections()) {
            if (pr.source() >= 0) {
                if (pr.source() == pr.target()) {
                    return null;
                }
                indegree[pr.target()]++;
                out.get(pr.source()).add(pr.target());
            }
        }
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int p = 0; p < np; p++) {
            if (indegree[p] == 0) {
                ready.add(p);
            }
        }
        int[] order = new int[np];
        int n = 0;
        while (!ready.isEmpty()) {
            int p = ready.poll();
            order[n++] = p;
            for (int q : out.get(p)) {
                if (--indegree[q] == 0) {
                    ready.add(q);
                }
            }
        }
        return n == np ? order : null;
    }

    /** Whether every population the pseudospikes need has pseudodynamics. */
    public boolean hasPseudodynamics() {
        for (int p : order) {
            if (!graph.populations().get(p).model().hasPseudodynamics()) {
                return false;
            }
        }
        for (int q : sources) {
            if (!graph.populations().get(q).model().hasPseudodynamics()) {
                return false;
            }
        }
        return true;
    }

    /** The rule in use (AUTO resolved). */
    public PseudoInputRule rule() {
        return rule;
    }

    /** Number of read-out neurons. */
    public int size() {
        return neurons.length;
    }

    /** Output count of read-out neuron r. */
    public int count(int r) {
        return counts[r];
    }

    /** A new array shaped for the output times ({@code [r][j]}). */
    public double[][] newTimes() {
        double[][] t = new double[neurons.length][];
        for (int r = 0; r < t.length; r++) {
            t[r] = new double[counts[r]];
        }
        return t;
    }

    /** Output times with pseudospikes of the trial in {@code rec} into {@code times} (shaped by {@link #newTimes}). */
    public void outputTimes(EventRecord rec, double[][] times) {
        pseudoEvaluated = false;
        double duration = rec.duration();
        for (int r = 0; r < neurons.length; r++) {
            int n = neurons[r];
            int m = Math.min(rec.spikeCount(n), counts[r]);
            for (int j = 0; j < m; j++) {
                times[r][j] = rec.spikeTime(n, j);
            }
            if (m < counts[r]) {
                if (!pseudoEvaluated) {
                    evaluatePseudo(rec);
                }
                PseudoBlock b = blocks[readPopulation[r]];
                int i = readLocal[r];
                for (int j = m; j < counts[r]; j++) {
                    times[r][j] = duration + (j - m + 1) * b.period[i] - b.phase[i];
                }
            }
        }
    }

    /** Ordinary-only view: the first ordinary spike times, a missing spike counted at T. */
    public void ordinaryTimes(EventRecord rec, double[][] times) {
        for (int r = 0; r < neurons.length; r++) {
            int n = neurons[r];
            int m = rec.spikeCount(n);
            for (int j = 0; j < counts[r]; j++) {
                times[r][j] = j < m ? rec.spikeTime(n, j) : rec.duration();
            }
        }
    }

    private void evaluatePseudo(EventRecord rec) {
        pseudoEvaluated = true;
        for (int p : order) {
            requirePseudo(p);
        }
        for (int q : sources) {
            requirePseudo(q);
        }
        List<Projection> projections = graph.projections();
        if (rule == PseudoInputRule.RECURRENT) {
            for (int q : sources) {
                sourceBlocks[q].compute(rec.finalState(q), null, alpha);
            }
        }
        for (int p : order) {
            double[] u = input[p];
            Arrays.fill(u, 0);
            for (int j : incoming[p]) {
                Projection pr = projections.get(j);
                PseudoBlock src = sourceBlocks[pr.source()];
                accumulateInput(pr, src, u);
            }
            blocks[p].compute(rec.finalState(p), u, alpha);
        }
    }

    /** Adds the pseudo input {@code u += Wᵀ ρ} of one projection: rows of sources with ρ ≠ 0, in source order. */
    private void accumulateInput(Projection pr, PseudoBlock src, double[] u) {
        double[] w = pr.weights();
        int nt = pr.targetSize();
        if (!pr.isDense()) {
            int[] rs = pr.rowStart();
            int[] tg = pr.targets();
            for (int j = 0; j < pr.sourceSize(); j++) {
                double rho = src.rate(j);
                if (rho == 0) {
                    continue;
                }
                for (int k = rs[j]; k < rs[j + 1]; k++) {
                    u[tg[k]] += w[k] * rho;
                }
            }
            return;
        }
        int count = 0;
        for (int j = 0; j < pr.sourceSize(); j++) {
            double rho = src.rate(j);
            if (rho != 0) {
                rowOffset[count] = j * nt;
                rowRate[count++] = rho;
                if (count == ROWS_PER_PASS) {
                    addFourRows(w, u, nt);
                    count = 0;
                }
            }
        }
        for (int c = 0; c < count; c++) {
            for (int i = 0, o = rowOffset[c]; i < nt; i++) {
                u[i] += w[o + i] * rowRate[c];
            }
        }
    }

    /**
     * Adds the four collected weight rows, scaled by their rates, to u in one pass: the same sums, bitwise, as one
     * row after the other (loops with an offset into the weights are not vectorized by C2; fewer passes over u help).
     */
    private void addFourRows(double[] w, double[] u, int nt) {
        int o0 = rowOffset[0];
        int o1 = rowOffset[1];
        int o2 = rowOffset[2];
        int o3 = rowOffset[3];
        double r0 = rowRate[0];
        double r1 = rowRate[1];
        double r2 = rowRate[2];
        double r3 = rowRate[3];
        for (int i = 0; i < nt; i++) {
            u[i] = u[i] + w[o0 + i] * r0 + w[o1 + i] * r1 + w[o2 + i] * r2 + w[o3 + i] * r3;
        }
    }

    /**
     * Backward pass of {@link #outputTimes} for the same record: from {@code dTimes} = dL/d(output times), adds the
     * explicit dL/dt of ordinary spikes into {@code eventTimeAdjoint} (by event index), dL/d(state at T) into
     * {@code finalStateAdjoint} and dL/d(weights, constants) through the pseudo inputs into {@code grad}.
     */
    public void backward(EventRecord rec, double[][] dTimes, double[] eventTimeAdjoint, double[][] finalStateAdjoint,
            TrialGradient grad) {
        for (int p : order) {
            Arrays.fill(dPhase[p], 0);
            Arrays.fill(dPeriod[p], 0);
            Arrays.fill(dInput[p], 0);
            Arrays.fill(dRate[p], 0);
        }
        for (int q : sources) {
            Arrays.fill(dRate[q], 0);
        }
        boolean pseudoUsed = false;
        for (int r = 0; r < neurons.length; r++) {
            int n = neurons[r];
            int m = Math.min(rec.spikeCount(n), counts[r]);
            for (int j = 0; j < m; j++) {
                eventTimeAdjoint[rec.spikeEvent(n, j)] += dTimes[r][j];
            }
            int p = readPopulation[r];
            int i = readLocal[r];
            for (int j = m; j < counts[r]; j++) {
                double g = dTimes[r][j];
                dPhase[p][i] -= g;
                dPeriod[p][i] += (j - m + 1) * g;
                pseudoUsed = true;
            }
        }
        if (!pseudoUsed) {
            return;
        }
        List<Projection> projections = graph.projections();
        for (int k = order.length - 1; k >= 0; k--) {
            int p = order[k];
            if (rule == PseudoInputRule.LAYERED) {
                blocks[p].rateBackward(dRate[p], dPhase[p], dPeriod[p]);
            }
            blocks[p].backward(dPhase[p], dPeriod[p], finalStateAdjoint[p], dInput[p], grad.constants(p));
            for (int j : incoming[p]) {
                Projection pr = projections.get(j);
                int q = pr.source();
                inputBackward(pr, sourceBlocks[q], dInput[p], grad.weights(j), dRate[q]);
            }
        }
        for (int q : sources) {
            double[] gPhase = new double[dRate[q].length];
            double[] gPeriod = new double[dRate[q].length];
            sourceBlocks[q].rateBackward(dRate[q], gPhase, gPeriod);
            sourceBlocks[q].backward(gPhase, gPeriod, finalStateAdjoint[q], null, grad.constants(q));
        }
    }

    private static void inputBackward(Projection pr, PseudoBlock src, double[] du, double[] gradW, double[] dRate) {
        double[] w = pr.weights();
        int nt = pr.targetSize();
        for (int j = 0; j < pr.sourceSize(); j++) {
            double rho = src.rate(j);
            double acc = 0;
            if (pr.isDense()) {
                acc = Sums.dotAndAddScaled(du, w, j * nt, nt, gradW, j * nt, rho);
            } else {
                int[] rs = pr.rowStart();
                int[] tg = pr.targets();
                for (int k = rs[j]; k < rs[j + 1]; k++) {
                    gradW[k] += du[tg[k]] * rho;
                    acc += du[tg[k]] * w[k];
                }
            }
            dRate[j] += acc;
        }
    }
}
