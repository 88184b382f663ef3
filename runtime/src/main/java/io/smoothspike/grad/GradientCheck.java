package io.smoothspike.grad;

import io.smoothspike.graph.Population;
import io.smoothspike.graph.Projection;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.model.NeuronModel;
import io.smoothspike.sim.EventRecord;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.TrialGradient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Compares the exact gradient with central finite differences, parameter by parameter.
 *
 * <p>The loss is the mean over the problem's trials. Each finite difference is Richardson-extrapolated from steps h
 * and h/2 ({@code h = step · max(1, |p|)}), so its error is O(h⁴). A parameter is <em>skipped</em> when any of the
 * four perturbed evaluations changes the sequence of events (which neurons spike, in which order, and where delayed
 * deliveries come among them) of any trial: the loss is then not smooth within the step. Delays are checked with the
 * weights; a delay closer to 0 than the step is skipped (it cannot be decreased by the step). The relative error of a
 * parameter is {@code |exact − fd| / max(|exact|, |fd|, floor)} with {@code floor = 1e-4 · max_k |exact_k|}, so that
 * components far below the gradient's scale are judged on that scale.
 */
public final class GradientCheck {

    /** Which parameters to check and how. */
    public record Options(boolean weights, boolean initialStates, boolean constants, boolean inputTimes,
            int maxParameters, long seed, double step) {

        /**
         * All kinds of parameters, no limit, step 3e-4: near the best step of an O(h⁴) difference, whose rounding
         * error grows as ε/h (at 1e-4 it was three times larger on the paper's networks).
         */
        public static final Options ALL = new Options(true, true, true, true, Integer.MAX_VALUE, 1, 3e-4);

        /** The same options with at most {@code n} parameters, a random subset chosen with {@code seed}. */
        public Options limit(int n, long s) {
            return new Options(weights, initialStates, constants, inputTimes, n, s, step);
        }
    }

    /** Outcome of a check. */
    public record Result(String problem, int checked, int skipped, double worstAbsolute, double worstRelative,
            String worstParameter, double worstExact, double worstFiniteDifference) {

        /** One line for humans. */
        public String summary() {
            return String.format("%s: %d parameters checked, %d skipped (event order changes within the step); "
                    + "worst absolute error %.3e, worst relative error %.3e at %s (exact %.10g, finite difference "
                    + "%.10g)", problem, checked, skipped, worstAbsolute, worstRelative, worstParameter, worstExact,
                    worstFiniteDifference);
        }
    }

    /** A parameter: its name, how to read and write it, and where its exact gradient is. */
    private interface Parameter {
        String name();

        double get();

        /** Smallest allowed value: a step below it is not taken. */
        default double lowerBound() {
            return Double.NEGATIVE_INFINITY;
        }

        /** Sets the value; returns the problem to evaluate it (a new graph for model constants). */
        Task set(Task base, double value);

        double exact(TrialGradient[] perTrial, TrialGradient mean);
    }

    private GradientCheck() {
    }

    /** Runs the check. */
    public static Result run(Task problem, Options options) {
        TrialEvaluator ev = new TrialEvaluator(problem.graph(), problem.trial(), problem.readout());
        ev.setConstantGradients(options.constants());
        int n = problem.inputs().size();
        TrialGradient mean = new TrialGradient(problem.graph());
        TrialGradient[] perTrial = new TrialGradient[n];
        int[][] signature = new int[n][];
        for (int k = 0; k < n; k++) {
            perTrial[k] = new TrialGradient(problem.graph());
            ev.lossAndGradient(problem.inputs().get(k), k, problem.loss(), perTrial[k]);
            signature[k] = signature(ev);
            mean.add(perTrial[k], 1.0 / n);
        }
        List<Parameter> params = parameters(problem, options);
        if (params.size() > options.maxParameters()) {
            SplittableRandom rng = new SplittableRandom(options.seed());
            for (int k = params.size() - 1; k > 0; k--) {
                int j = rng.nextInt(k + 1);
                Parameter t = params.get(k);
                params.set(k, params.get(j));
                params.set(j, t);
            }
            params = new ArrayList<>(params.subList(0, options.maxParameters()));
        }
        double[] exact = new double[params.size()];
        double scale = 0;
        for (int k = 0; k < exact.length; k++) {
            exact[k] = params.get(k).exact(perTrial, mean);
            scale = Math.max(scale, Math.abs(exact[k]));
        }
        double floor = 1e-4 * scale;
        TrialEvaluator[] cache = {new TrialEvaluator(problem.graph(), problem.trial(), problem.readout())};
        int checked = 0;
        int skipped = 0;
        double worstAbs = 0;
        double worstRel = 0;
        String worstName = "-";
        double worstExact = 0;
        double worstFd = 0;
        for (int k = 0; k < params.size(); k++) {
            Parameter p = params.get(k);
            double fd = finiteDifference(problem, p, options.step(), signature, cache);
            if (Double.isNaN(fd)) {
                skipped++;
                continue;
            }
            checked++;
            double abs = Math.abs(exact[k] - fd);
            double rel = abs / Math.max(Math.max(Math.abs(exact[k]), Math.abs(fd)), floor);
            worstAbs = Math.max(worstAbs, abs);
            if (rel > worstRel || worstName.equals("-")) {
                worstRel = Math.max(worstRel, rel);
                worstName = p.name();
                worstExact = exact[k];
                worstFd = fd;
            }
        }
        return new Result(problem.name(), checked, skipped, worstAbs, worstRel, worstName, worstExact, worstFd);
    }

    /** Richardson-extrapolated central difference, or NaN when an event sequence changes within the step. */
    private static double finiteDifference(Task base, Parameter p, double step, int[][] signature,
            TrialEvaluator[] cache) {
        double x = p.get();
        double h = step * Math.max(1, Math.abs(x));
        if (x - h < p.lowerBound()) {
            return Double.NaN;
        }
        double[] values = new double[4];
        double[] offsets = {h, -h, h / 2, -h / 2};
        try {
            for (int j = 0; j < 4; j++) {
                Task pb = p.set(base, x + offsets[j]);
                double v = meanLoss(pb, signature, cache);
                if (Double.isNaN(v)) {
                    return Double.NaN;
                }
                values[j] = v;
            }
        } finally {
            p.set(base, x);
        }
        double dh = (values[0] - values[1]) / (2 * h);
        double dh2 = (values[2] - values[3]) / h;
        return (4 * dh2 - dh) / 3;
    }

    /** Mean loss, or NaN when some trial's event sequence differs from {@code signature}. */
    private static double meanLoss(Task pb, int[][] signature, TrialEvaluator[] cache) {
        TrialEvaluator ev = cache[0];
        if (ev.graph() != pb.graph()) {
            ev = new TrialEvaluator(pb.graph(), pb.trial(), pb.readout());
        }
        double sum = 0;
        int n = pb.inputs().size();
        for (int k = 0; k < n; k++) {
            sum += ev.loss(pb.inputs().get(k), k, pb.loss());
            if (!Arrays.equals(signature(ev), signature[k])) {
                return Double.NaN;
            }
        }
        return sum / n;
    }

    /**
     * The identities of the last trial's events in order (network neuron, or ~channel for inputs), followed by the
     * order of its delayed deliveries.
     */
    private static int[] signature(TrialEvaluator ev) {
        EventRecord rec = ev.record();
        int[] deliveries = ev.deliveryOrder();
        int[] s = Arrays.copyOf(deliveries, rec.eventCount() + deliveries.length);
        for (int k = 0; k < rec.eventCount(); k++) {
            s[deliveries.length + k] = rec.isInput(k) ? ~rec.inputChannel(k) : rec.neuron(k);
        }
        return s;
    }

    private static List<Parameter> parameters(Task problem, Options options) {
        SimulationGraph g = problem.graph();
        List<Parameter> list = new ArrayList<>();
        List<Projection> projections = g.projections();
        List<Population> pops = g.populations();
        if (options.weights()) {
            for (int j = 0; j < projections.size(); j++) {
                Projection pr = projections.get(j);
                String src = pr.source() < 0 ? g.inputName() : pops.get(pr.source()).name();
                String prefix = src + "->" + pops.get(pr.target()).name() + ".weight";
                for (int pre = 0; pre < pr.sourceSize(); pre++) {
                    for (int k = rowStart(pr, pre); k < rowStart(pr, pre + 1); k++) {
                        int post = pr.isDense() ? k - pre * pr.targetSize() : pr.targets()[k];
                        final int index = k;
                        final int pj = j;
                        list.add(arrayParameter(prefix + "[" + pre + "," + post + "]", pr.weights(), k,
                                (t, m) -> m.weights(pj)[index]));
                    }
                }
                addDelays(list, pr, j, src + "->" + pops.get(pr.target()).name() + ".delay");
            }
        }
        if (options.initialStates()) {
            for (int p = 0; p < pops.size(); p++) {
                Population pop = pops.get(p);
                String[] coords = pop.model().stateNames();
                int d = coords.length;
                final int pp = p;
                for (int k = 0; k < pop.initialState().length; k++) {
                    final int kk = k;
                    list.add(arrayParameter(pop.name() + "." + coords[k % d] + "0[" + k / d + "]",
                            pop.initialState(), k, (t, m) -> m.initialState(pp)[kk]));
                }
            }
        }
        if (options.constants()) {
            for (int p = 0; p < pops.size(); p++) {
                String[] names = pops.get(p).model().constantNames();
                for (int c = 0; c < names.length; c++) {
                    list.add(constantParameter(problem, p, c, pops.get(p).name() + "." + names[c]));
                }
            }
        }
        if (options.inputTimes()) {
            for (int trial = 0; trial < problem.inputs().size(); trial++) {
                InputSpikes in = problem.inputs().get(trial);
                for (int k = 0; k < in.size(); k++) {
                    if (in.time(k) <= problem.trial().duration()) {
                        list.add(inputTimeParameter(problem, trial, k));
                    }
                }
            }
        }
        return list;
    }

    /** The delays of projection j, named by projection, presynaptic neuron or synapse as their kind says. */
    private static void addDelays(List<Parameter> list, Projection pr, int j, String prefix) {
        double[] delays = pr.delays();
        switch (pr.delayKind()) {
            case PROJECTION -> list.add(delayParameter(prefix, delays, 0, j));
            case AXONAL -> {
                for (int pre = 0; pre < pr.sourceSize(); pre++) {
                    list.add(delayParameter(prefix + "[" + pre + "]", delays, pre, j));
                }
            }
            case SYNAPSE -> {
                for (int pre = 0; pre < pr.sourceSize(); pre++) {
                    for (int k = rowStart(pr, pre); k < rowStart(pr, pre + 1); k++) {
                        int post = pr.isDense() ? k - pre * pr.targetSize() : pr.targets()[k];
                        list.add(delayParameter(prefix + "[" + pre + "," + post + "]", delays, k, j));
                    }
                }
            }
            default -> {
            }
        }
    }

    /** Delay d of projection j: bounded below by 0, so skipped when closer to 0 than the step. */
    private static Parameter delayParameter(String name, double[] delays, int d, int j) {
        return arrayParameter(name, delays, d, 0, (t, m) -> m.delays(j)[d]);
    }

    private static int rowStart(Projection pr, int pre) {
        return pr.isDense() ? pre * pr.targetSize() : pr.rowStart()[pre];
    }

    private interface Exact {
        double of(TrialGradient[] perTrial, TrialGradient mean);
    }

    private static Parameter arrayParameter(String name, double[] array, int k, Exact exact) {
        return arrayParameter(name, array, k, Double.NEGATIVE_INFINITY, exact);
    }

    private static Parameter arrayParameter(String name, double[] array, int k, double lower, Exact exact) {
        return new Parameter() {
            public String name() {
                return name;
            }

            public double get() {
                return array[k];
            }

            public double lowerBound() {
                return lower;
            }

            public Task set(Task base, double value) {
                array[k] = value;
                return base;
            }

            public double exact(TrialGradient[] perTrial, TrialGradient mean) {
                return exact.of(perTrial, mean);
            }
        };
    }

    private static Parameter constantParameter(Task problem, int p, int c, String name) {
        NeuronModel model = problem.graph().populations().get(p).model();
        return new Parameter() {
            public String name() {
                return name;
            }

            public double get() {
                return model.constants()[c];
            }

            public Task set(Task base, double value) {
                double[] values = model.constants();
                values[c] = value;
                return base.withGraph(base.graph().withModel(p, model.withConstants(values)));
            }

            public double exact(TrialGradient[] perTrial, TrialGradient mean) {
                return mean.constants(p)[c];
            }
        };
    }

    private static Parameter inputTimeParameter(Task problem, int trial, int k) {
        InputSpikes original = problem.inputs().get(trial);
        return new Parameter() {
            public String name() {
                return problem.graph().inputName() + ".time[trial " + trial + ", spike " + k + ", channel "
                        + original.source(k) + "]";
            }

            public double get() {
                return original.time(k);
            }

            public Task set(Task base, double value) {
                double[] times = new double[original.size()];
                int[] sources = new int[original.size()];
                for (int j = 0; j < times.length; j++) {
                    times[j] = j == k ? value : original.time(j);
                    sources[j] = original.source(j);
                }
                List<InputSpikes> inputs = new ArrayList<>(base.inputs());
                inputs.set(trial, InputSpikes.of(times, sources));
                return base.withInputs(inputs);
            }

            public double exact(TrialGradient[] perTrial, TrialGradient mean) {
                return perTrial[trial].inputTimes()[k] / problem.inputs().size();
            }
        };
    }
}
