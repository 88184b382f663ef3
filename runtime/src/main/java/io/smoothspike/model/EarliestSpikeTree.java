package io.smoothspike.model;

import java.util.Arrays;

/**
 * Tournament tree over per-neuron next-spike times: O(log n) update of one neuron, O(1) query of the earliest,
 * ties broken towards the lower index, among the times as of each neuron's last {@link #update}. Each node keeps its
 * winner and a copy of the winner's time, so a comparison reads two neighbouring entries instead of following two
 * indices. Primitive arrays only; no allocation after construction.
 *
 * <p>The keys are kept as the raw bits of the times: for times from +0.0 to +∞, all a simulation produces, the bits
 * order as the numbers do, and one integer comparison a level decides the winner. Should a time be negative or NaN,
 * the tree compares the numbers from then on (until {@link #rebuild}), with NaN first, so that a NaN time comes up as
 * the earliest instead of hiding in the tree.
 */
final class EarliestSpikeTree {

    private static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

    private final double[] time;
    private final int leaves;
    /** winner[node] = index of the earliest neuron below node; node 1 is the root, leaves start at {@code leaves}. */
    private final int[] winner;
    /** key[node] = the bits of time[winner[node]] as of the last update; +∞ in the leaves past the last neuron. */
    private final long[] key;
    /** Whether a key is negative or NaN, so that comparisons go by the numbers. */
    private boolean byNumbers;

    EarliestSpikeTree(double[] time) {
        this.time = time;
        int m = 1;
        while (m < time.length) {
            m <<= 1;
        }
        this.leaves = m;
        this.winner = new int[2 * m];
        this.key = new long[2 * m];
        Arrays.fill(winner, Integer.MAX_VALUE);
        Arrays.fill(key, INFINITY_BITS);
    }

    /** Rebuilds the whole tree from the time array. */
    void rebuild() {
        byNumbers = false;
        for (int k = 0; k < time.length; k++) {
            long bits = Double.doubleToRawLongBits(time[k]);
            byNumbers |= !ordered(bits);
            winner[leaves + k] = k;
            key[leaves + k] = bits;
        }
        for (int node = leaves - 1; node >= 1; node--) {
            int left = 2 * node;
            int from = before(key[left], key[left + 1]) ? left : left + 1;
            winner[node] = winner[from];
            key[node] = key[from];
        }
    }

    /** Whether a time with these bits lies in [+0.0, +∞], where the bits order as the numbers. */
    private static boolean ordered(long bits) {
        return bits >= 0 && bits <= INFINITY_BITS;
    }

    /**
     * Whether the left key goes before the right one: the earlier time, the left one on a tie (ties go to the lower
     * neuron index, which is below the left child); by the numbers, NaN first.
     */
    private boolean before(long left, long right) {
        if (!byNumbers) {
            return left <= right;
        }
        double l = Double.longBitsToDouble(left);
        return l != l || l <= Double.longBitsToDouble(right);
    }

    /**
     * Re-evaluates the path of neuron {@code i} after its time changed, up to the root. The winner coming up from below
     * is carried in registers, so each level reads only the sibling's entry (known in advance) instead of the one just
     * written. The winner is selected by a mask from the sign of an integer difference of the bits, not by a
     * comparison: C2 compiles a comparison here into a branch, and its outcome is as good as random (a mispredicted
     * branch per level or two doubled the cost of an update). For the same reason the walk does not stop early where
     * the winners stop changing.
     */
    void update(int i) {
        long k = Double.doubleToRawLongBits(time[i]);
        byNumbers |= !ordered(k);
        if (byNumbers) {
            updateByNumbers(i, k);
            return;
        }
        int node = leaves + i;
        int w = i;
        key[node] = k;
        while (node > 1) {
            int sibling = node ^ 1;
            long siblingKey = key[sibling];
            // −1 where the sibling wins: its key is less than the carried one, or equal and it is the left child.
            // Keys lie in [0, bits of +∞]: the difference cannot overflow.
            long siblingWins = (siblingKey - (k + (node & 1))) >> 63;
            w ^= (w ^ winner[sibling]) & (int) siblingWins;
            k ^= (k ^ siblingKey) & siblingWins;
            node >>= 1;
            winner[node] = w;
            key[node] = k;
        }
    }

    /** {@link #update} comparing the numbers, once a key is negative or NaN. */
    private void updateByNumbers(int i, long k) {
        int node = leaves + i;
        int w = i;
        key[node] = k;
        while (node > 1) {
            int sibling = node ^ 1;
            boolean carriedWins = (node & 1) == 0 ? before(k, key[sibling]) : !before(key[sibling], k);
            if (!carriedWins) {
                w = winner[sibling];
                k = key[sibling];
            }
            node >>= 1;
            if (playedOut(node, w, k, i)) {
                return;
            }
        }
    }

    /**
     * Sets node's winner w with key k on the path of updated neuron i; whether nothing above can change: the winner
     * here did not change and is not the updated neuron.
     */
    private boolean playedOut(int node, int w, long k, int i) {
        int old = winner[node];
        winner[node] = w;
        key[node] = k;
        return w == old && old != i;
    }

    /** The time of neuron i as of its last update. */
    double key(int i) {
        return Double.longBitsToDouble(key[leaves + i]);
    }

    /** The neuron with the least key (the lower index among equal keys). */
    int earliest() {
        return winner[1];
    }

    /** The least key: {@code key(earliest())}, read from the root. */
    double earliestKey() {
        return Double.longBitsToDouble(key[1]);
    }
}
