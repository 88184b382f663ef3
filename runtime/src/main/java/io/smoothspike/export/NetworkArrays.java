package io.smoothspike.export;

import io.smoothspike.graph.Population;
import io.smoothspike.graph.Projection;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.network.Network;
import io.smoothspike.spec.InputSpec;
import io.smoothspike.spec.ProjectionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network's parameters as arrays, each under its parameter name: weights as (presynaptic, postsynaptic) matrices
 * with a boolean mask beside them ({@code from->to.mask}, true where a synapse exists; absent synapses weigh 0),
 * delays ({@code from->to.delay}, for projections with delays) as such a matrix (per synapse, 0 where none), a
 * vector along {@code pre} (per presynaptic neuron) or a scalar (one per projection),
 * initial states per neuron ({@code pop.psi0}, …), model constants as scalars ({@code pop.tau}) and explicit input
 * spike times with the channel of each ({@code in.time}, {@code in.channel}); then the populations' names and sizes.
 */
final class NetworkArrays {

    private NetworkArrays() {
    }

    static List<ExportArray> of(Network net) {
        List<ExportArray> out = new ArrayList<>();
        SimulationGraph graph = net.graph();
        for (int j = 0; j < graph.projections().size(); j++) {
            weights(net, j, out);
        }
        for (Population pop : graph.populations()) {
            for (String state : pop.model().stateNames()) {
                String name = pop.name() + "." + state + "0";
                out.add(ExportArray.vector(name, "neuron", net.parameter(name)));
            }
            for (String constant : pop.model().constantNames()) {
                String name = pop.name() + "." + constant;
                out.add(ExportArray.scalar(name, net.parameter(name)[0]));
            }
        }
        for (InputSpec in : net.spec().inputs()) {
            if (in.source() instanceof InputSpec.Spikes spikes) {
                double[] times = net.parameter(in.name() + ".time");
                out.add(ExportArray.vector(in.name() + ".time", "spike", times));
                out.add(ExportArray.vector(in.name() + ".channel", "spike", channels(spikes.times(), times.length)));
            }
        }
        List<Population> pops = graph.populations();
        out.add(ExportArray.vector("population.name", "population",
                pops.stream().map(Population::name).toArray(String[]::new)));
        out.add(ExportArray.vector("population.size", "population",
                pops.stream().mapToInt(Population::size).toArray()));
        return out;
    }

    /** Projection j's weights and mask as (pre, post) matrices over its source group's neurons or channels. */
    private static void weights(Network net, int j, List<ExportArray> out) {
        ProjectionSpec spec = net.spec().projections().get(j);
        Projection p = net.graph().projections().get(j);
        int first = 0;
        int rows = p.sourceSize();
        if (p.source() == SimulationGraph.INPUTS) {
            // with several input groups, the projection spans all channels; its group's rows are the ones to show
            for (InputSpec in : net.spec().inputs()) {
                if (in.name().equals(spec.from())) {
                    rows = in.size();
                    break;
                }
                first += in.size();
            }
        }
        int cols = p.targetSize();
        boolean[] mask = new boolean[rows * cols];
        for (int i = 0; i < rows; i++) {
            int pre = first + i;
            if (p.isDense()) {
                java.util.Arrays.fill(mask, i * cols, (i + 1) * cols, true);
            } else {
                for (int k = p.rowStart()[pre]; k < p.rowStart()[pre + 1]; k++) {
                    mask[i * cols + p.targets()[k]] = true;
                }
            }
        }
        List<String> axes = List.of("pre", "post");
        int[] shape = {rows, cols};
        out.add(new ExportArray(spec.label() + ".weight", axes, shape, matrix(p, p.weights(), first, rows)));
        out.add(new ExportArray(spec.label() + ".mask", axes, shape, mask));
        String delay = spec.label() + ".delay";
        switch (p.delayKind()) {
            case SYNAPSE -> out.add(new ExportArray(delay, axes, shape, matrix(p, p.delays(), first, rows)));
            case AXONAL -> out.add(ExportArray.vector(delay, "pre", net.parameter(delay)));
            case PROJECTION -> out.add(ExportArray.scalar(delay, p.delays()[0]));
            case NONE -> { }
        }
    }

    /**
     * Per-synapse values of projection p (weights or delays, in the weights' layout) as a (pre, post) matrix over
     * {@code rows} presynaptic rows from {@code first}, 0 where there is no synapse.
     */
    private static double[] matrix(Projection p, double[] perSynapse, int first, int rows) {
        int cols = p.targetSize();
        double[] m = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            int pre = first + i;
            if (p.isDense()) {
                System.arraycopy(perSynapse, pre * cols, m, i * cols, cols);
            } else {
                for (int k = p.rowStart()[pre]; k < p.rowStart()[pre + 1]; k++) {
                    m[i * cols + p.targets()[k]] = perSynapse[k];
                }
            }
        }
        return m;
    }

    /** The channel of each explicit spike time, in the order the times are flattened (channel by channel). */
    private static int[] channels(double[][] perChannel, int count) {
        int[] c = new int[count];
        int k = 0;
        for (int ch = 0; ch < perChannel.length; ch++) {
            for (int s = 0; s < perChannel[ch].length; s++) {
                c[k++] = ch;
            }
        }
        return c;
    }

    /** The network's description for the metadata: name, trial, populations with model and constants, read-out. */
    static Map<String, Object> describe(Network net) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", net.spec().name());
        m.put("trial_duration", net.trial().duration());
        m.put("spike_cap", net.trial().spikeCap());
        List<Map<String, Object>> pops = new ArrayList<>();
        for (Population pop : net.graph().populations()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", pop.name());
            p.put("size", pop.size());
            p.put("model", pop.model().id());
            Map<String, Object> constants = new LinkedHashMap<>();
            String[] names = pop.model().constantNames();
            for (int c = 0; c < names.length; c++) {
                constants.put(names[c], pop.model().constants()[c]);
            }
            p.put("constants", constants);
            p.put("state_coordinates", List.of(pop.model().stateNames()));
            pops.add(p);
        }
        m.put("populations", pops);
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (InputSpec in : net.spec().inputs()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("name", in.name());
            i.put("size", in.size());
            i.put("source", in.source().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
            inputs.add(i);
        }
        m.put("inputs", inputs);
        m.put("parameters", net.parameterNames());
        m.put("trainable", net.trainableParameterNames());
        return m;
    }
}
