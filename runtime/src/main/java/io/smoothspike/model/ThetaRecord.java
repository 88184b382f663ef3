package io.smoothspike.model;

/**
 * What the backward sweep of a theta population needs from its forward run ({@link ThetaKernel} writes it,
 * {@link ThetaBackward} reads it).
 *
 * <p>Inputs of one time are applied together (a <em>group</em>); a recorded group stores, per neuron it touched, the
 * projective point (P, Q) just before it (Q ≥ 0) and the summed weight, plus the number of delivery calls it
 * absorbed: O(touched neurons) per group. A group made of a single dense delivery (the common case of a spike into an
 * all-to-all layer) stores (P, Q) only, in a row of its own: the neuron is its position and the summed weight is the
 * synapse's weight, which the backward call receives. Spikes need no record.
 *
 * <p>The arrays grow as needed and are kept across trials; {@link #clear()} starts a trial's record.
 */
final class ThetaRecord {
    private final int size;

    int groupCount;
    /** Per group: its number of delivery calls, the index of its first touch (one more entry: the end), and
     * whether it is a single dense delivery. */
    int[] groupCalls = new int[0];
    int[] groupStart = new int[0];
    boolean[] groupSingleDense = new boolean[0];

    int touchCount;
    int[] touchNeuron = new int[0];
    double[] touchP = new double[0];
    double[] touchQ = new double[0];
    double[] touchSum = new double[0];

    /**
     * Points (P, Q) of the single-dense groups, one pair of arrays per group in recording order, kept across trials:
     * the kernel's flush writes them and the backward pass reads them at the neuron's own index (loops that C2
     * vectorizes, without copies).
     */
    double[][] denseP = new double[0][];
    double[][] denseQ = new double[0][];
    int denseCount;

    ThetaRecord(int size) {
        this.size = size;
    }

    /** Starts the record of a new trial. */
    void clear() {
        groupCount = 0;
        touchCount = 0;
        denseCount = 0;
    }

    /**
     * Opens a recorded group of n touches made of {@code calls} delivery calls ({@code singleDense}: one dense
     * delivery, whose points go to {@link #openDense()}); returns the index of its first touch.
     */
    int openGroup(int n, int calls, boolean singleDense) {
        int g = groupCount;
        if (g == groupCalls.length) {
            int cap = Math.max(16, 2 * g);
            groupCalls = java.util.Arrays.copyOf(groupCalls, cap);
            groupStart = java.util.Arrays.copyOf(groupStart, cap + 1);
            groupSingleDense = java.util.Arrays.copyOf(groupSingleDense, cap);
        }
        if (touchCount + n > touchP.length) {
            int cap = Math.max(2 * touchP.length, touchCount + n);
            touchNeuron = java.util.Arrays.copyOf(touchNeuron, cap);
            touchP = java.util.Arrays.copyOf(touchP, cap);
            touchQ = java.util.Arrays.copyOf(touchQ, cap);
            touchSum = java.util.Arrays.copyOf(touchSum, cap);
        }
        int start = touchCount;
        groupCalls[g] = calls;
        groupStart[g] = start;
        groupSingleDense[g] = singleDense;
        touchCount += n;
        groupCount = g + 1;
        groupStart[groupCount] = touchCount;
        return start;
    }

    /** Opens the record of the next single-dense group; returns its index into {@code denseP}, {@code denseQ}. */
    int openDense() {
        int g = denseCount++;
        if (g == denseP.length) {
            int cap = Math.max(16, 2 * g);
            denseP = java.util.Arrays.copyOf(denseP, cap);
            denseQ = java.util.Arrays.copyOf(denseQ, cap);
        }
        if (denseP[g] == null) {
            denseP[g] = new double[size];
            denseQ[g] = new double[size];
        }
        return g;
    }

    /** Records touch k: the point (pp, qq) before the inputs, stored with Q ≥ 0, the neuron and its summed input. */
    void touch(int k, double pp, double qq, int neuron, double sum) {
        boolean flip = qq < 0;
        touchP[k] = flip ? -pp : pp;
        touchQ[k] = flip ? -qq : qq;
        touchNeuron[k] = neuron;
        touchSum[k] = sum;
    }
}
