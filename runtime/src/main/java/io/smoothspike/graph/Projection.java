package io.smoothspike.graph;

/**
 * Compiled synaptic weights from one source group (the external inputs or a population) to one target population,
 * stored row-wise by presynaptic index.
 *
 * <p>A dense projection keeps a full row-major matrix {@code weights[pre * targetSize + post]}. A sparse projection
 * keeps compressed rows: the synapses of presynaptic neuron {@code pre} are {@code k ∈ [rowStart[pre],
 * rowStart[pre + 1])}, with postsynaptic index {@code targets[k]} and weight {@code weights[k]}, targets ascending in
 * each row. Entries absent from a sparse projection (masked synapses) do not exist and stay zero.
 *
 * <p>A projection may delay its deliveries ({@link #delayKind()}, {@link #delays()}): a spike of {@code pre} at t
 * reaches synapse k at t + d. The weight and delay arrays are live parameters: training updates them in place.
 */
public final class Projection {

    /** Source group index: {@link SimulationGraph#INPUTS} or a population index. */
    private final int source;
    private final int target;
    private final int sourceSize;
    private final int targetSize;
    private final int[] rowStart;
    private final int[] targets;
    private final double[] weights;
    private final DelayKind delayKind;
    private final double[] delays;

    private Projection(int source, int target, int sourceSize, int targetSize, int[] rowStart, int[] targets,
            double[] weights) {
        this(source, target, sourceSize, targetSize, rowStart, targets, weights, DelayKind.NONE, new double[0]);
    }

    private Projection(int source, int target, int sourceSize, int targetSize, int[] rowStart, int[] targets,
            double[] weights, DelayKind delayKind, double[] delays) {
        this.source = source;
        this.target = target;
        this.sourceSize = sourceSize;
        this.targetSize = targetSize;
        this.rowStart = rowStart;
        this.targets = targets;
        this.weights = weights;
        this.delayKind = delayKind;
        this.delays = delays;
    }

    /**
     * This projection (sharing its weight array) with delays of {@code kind}; {@code delays} (taken, not copied) must
     * have {@link DelayKind#length} entries, all finite and ≥ 0.
     */
    Projection withDelays(DelayKind kind, double[] delays) {
        int n = kind.length(sourceSize, synapseCount());
        if (delays.length != n) {
            throw new IllegalArgumentException(kind + " delays of this projection need " + n + " values, got "
                    + delays.length);
        }
        for (int k = 0; k < n; k++) {
            if (!(delays[k] >= 0) || !Double.isFinite(delays[k])) {
                throw new IllegalArgumentException("delay " + k + " must be finite and >= 0, got " + delays[k]);
            }
        }
        return new Projection(source, target, sourceSize, targetSize, rowStart, targets, weights, kind, delays);
    }

    static Projection dense(int source, int target, int sourceSize, int targetSize, double[] weights) {
        return new Projection(source, target, sourceSize, targetSize, null, null, weights);
    }

    static Projection sparse(int source, int target, int sourceSize, int targetSize, int[] rowStart, int[] targets,
            double[] weights) {
        return new Projection(source, target, sourceSize, targetSize, rowStart, targets, weights);
    }

    /** Source group: {@link SimulationGraph#INPUTS} or a population index. */
    public int source() {
        return source;
    }

    /** Target population index. */
    public int target() {
        return target;
    }

    public int sourceSize() {
        return sourceSize;
    }

    public int targetSize() {
        return targetSize;
    }

    /** Whether every (pre, post) pair has a synapse. */
    public boolean isDense() {
        return targets == null;
    }

    /** Number of synapses. */
    public int synapseCount() {
        return weights.length;
    }

    /** The live weight array (layout: see the class comment). */
    public double[] weights() {
        return weights;
    }

    /** Row starts of a sparse projection ({@code sourceSize + 1} entries); {@code null} when dense. */
    public int[] rowStart() {
        return rowStart;
    }

    /** Postsynaptic indices of a sparse projection; {@code null} when dense. */
    public int[] targets() {
        return targets;
    }

    /** Weight of the synapse (pre → post), 0 where none exists. */
    public double weight(int pre, int post) {
        if (isDense()) {
            return weights[pre * targetSize + post];
        }
        for (int k = rowStart[pre]; k < rowStart[pre + 1]; k++) {
            if (targets[k] == post) {
                return weights[k];
            }
        }
        return 0;
    }

    /** Number of synapses leaving presynaptic neuron {@code pre}. */
    public int fanOut(int pre) {
        return isDense() ? targetSize : rowStart[pre + 1] - rowStart[pre];
    }

    /** How the delays are shared ({@link DelayKind#NONE} when deliveries are not delayed). */
    public DelayKind delayKind() {
        return delayKind;
    }

    /** Whether deliveries are delayed (a delay kind other than {@link DelayKind#NONE}). */
    public boolean hasDelays() {
        return delayKind != DelayKind.NONE;
    }

    /** The live delay array (layout: see {@link DelayKind}); empty without delays. */
    public double[] delays() {
        return delays;
    }
}
