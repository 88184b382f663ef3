package io.smoothspike.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smoothspike.graph.DelayKind;
import java.util.List;

/**
 * Transmission delays of a projection: a spike of presynaptic neuron i at t reaches its synapse onto j at t + d.
 * {@code per} says how delays are shared: {@code "synapse"} (one per synapse, given like weights: a list of pre × post
 * values or a {@code [pre][post]} matrix), {@code "neuron"} (axonal: one per presynaptic neuron or input channel) or
 * {@code "projection"} (one for all synapses). {@code values} fills them: a constant, explicit values, uniform or
 * normal. Delays lie in [0, max] ({@code max} null: no upper bound); initial values outside are refused, except the
 * draws of a normal distribution, which are clipped into [0, max]. {@code trainable} lets training change them,
 * always within [0, max].
 */
public record DelaySpec(String per, ValueSpec values, boolean trainable,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double max) {

    /** The spellings of {@code per}, in the order of {@link #KINDS}. */
    public static final List<String> PER = List.of("synapse", "neuron", "projection");
    private static final List<DelayKind> KINDS = List.of(DelayKind.SYNAPSE, DelayKind.AXONAL, DelayKind.PROJECTION);

    /** How the delays are shared; {@code where} names the projection in the error for an unknown spelling. */
    public DelayKind kind(String where) {
        int k = per == null ? -1 : PER.indexOf(per);
        if (k < 0) {
            throw new SpecException(where + ".per", (per == null ? "the delay kind is missing"
                    : "unknown delay kind '" + per + "'") + "; known: " + String.join(", ", PER)
                    + " (one per synapse, per presynaptic neuron, or one for the whole projection)");
        }
        return KINDS.get(k);
    }

    /** The upper bound of every delay: {@code max}, or +∞ without one. */
    public double upperBound() {
        return max == null ? Double.POSITIVE_INFINITY : max;
    }

    /**
     * The initial delays of a {@code pre × post} projection whose synapses are those where {@code mask} (null: every
     * pair) is true: one per synapse in synapse order (row-major by presynaptic neuron), one per presynaptic neuron, or
     * one value, as {@link #kind} says. Every problem is a {@link SpecException} naming {@code where} (the delays of
     * one projection) and the fix.
     */
    public double[] initial(int pre, int post, boolean[][] mask, String where) {
        DelayKind kind = kind(where);
        if (max != null && (!(max >= 0) || Double.isInfinite(max))) {
            throw new SpecException(where + ".max", "the largest delay must be finite and >= 0, got " + max
                    + "; leave it out for no upper bound");
        }
        ValueSpec v = Validate.present(where, "the initial delays (values)", values);
        if (!(v instanceof ValueSpec.Constant || v instanceof ValueSpec.Values || v instanceof ValueSpec.Uniform
                || v instanceof ValueSpec.Normal || v instanceof ValueSpec.Matrix)) {
            throw new SpecException(where, "delays are given as a constant, explicit values, a matrix, uniform or "
                    + "normal; " + v.getClass().getSimpleName() + " is for weights");
        }
        if (v instanceof ValueSpec.Matrix && kind != DelayKind.SYNAPSE) {
            throw new SpecException(where, "a [pre][post] matrix of delays needs delays per synapse; per "
                    + per + " give a list of " + kind.length(pre, 0) + " value(s)");
        }
        if (v instanceof ValueSpec.Uniform u) {
            checkRange(where, "uniform delays need low >= 0, got " + u.low(), u.low() >= 0);
            checkRange(where, "uniform delays reach high = " + u.high() + ", above the largest delay " + max
                    + "; lower high or raise the largest delay", u.high() <= upperBound());
        }
        double[] d;
        try {
            d = kind == DelayKind.SYNAPSE ? v.weights(pre, post, null, where)
                    : v.generate(kind.length(pre, 0), 0, 0, 0, where);
        } catch (SpecException e) {
            throw new SpecException(where, e.getMessage().substring(e.path().length() + 2) + " (delays per " + per
                    + ": " + (kind == DelayKind.SYNAPSE ? pre + " × " + post + " = " + pre * post
                    + ", one per (pre, post) pair, or a [pre][post] matrix" : kind.length(pre, 0) + "") + ")");
        }
        boolean synapse = kind == DelayKind.SYNAPSE;
        for (int k = 0; k < d.length; k++) {
            String which = synapse ? "[" + k / post + "][" + k % post + "]" : k + "";
            if (synapse && mask != null && !mask[k / post][k % post]) {
                continue; // no synapse there: the value is not used
            } else if (v instanceof ValueSpec.Normal) {
                d[k] = Math.min(upperBound(), Math.max(0, d[k]));
            } else if (!(d[k] >= 0)) {
                throw new SpecException(where, "delay " + which + " is " + d[k] + "; delays must be >= 0");
            } else if (d[k] > upperBound()) {
                throw new SpecException(where, "delay " + which + " is " + d[k] + ", above the largest delay " + max
                        + "; lower the initial delays or raise the largest delay");
            }
        }
        return synapse && mask != null ? synapses(d, pre, post, mask) : d;
    }

    private static void checkRange(String where, String message, boolean ok) {
        if (!ok) {
            throw new SpecException(where, message);
        }
    }

    /** The entries of the row-major {@code pre × post} array {@code all} where {@code mask} is true, in order. */
    private static double[] synapses(double[] all, int pre, int post, boolean[][] mask) {
        int n = 0;
        for (boolean[] row : mask) {
            for (boolean m : row) {
                n += m ? 1 : 0;
            }
        }
        double[] d = new double[n];
        int k = 0;
        for (int i = 0; i < pre; i++) {
            for (int j = 0; j < post; j++) {
                if (mask[i][j]) {
                    d[k++] = all[i * post + j];
                }
            }
        }
        return d;
    }
}
