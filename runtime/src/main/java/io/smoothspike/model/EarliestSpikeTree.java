package io.smoothspike.model;

import java.util.Arrays;

/**
 * Tournament tree over per-neuron next-spike times: O(log n) update of one neuron, O(1) query of the earliest,
 * ties broken towards the lower index, among the times as of each neuron's last {@link #update}. Each node keeps its
 * winner and a copy of the winner's time, so a comparison reads two neighbouring entries instead of following two
 * indices. Primitive arrays only; no allocation after construction.
 */
final class EarliestSpikeTree {

    private final double[] time;
    private final int leaves;
    /** winner[node] = index of the earliest neuron below node; node 1 is the root, leaves start at {@code leaves}. */
    private final int[] winner;
    /** key[node] = time[winner[node]] as of the last update; +∞ in the leaves past the last neuron. */
    private final double[] key;

    EarliestSpikeTree(double[] time) {
        this.time = time;
        int m = 1;
        while (m < time.length) {
            m <<= 1;
        }
        this.leaves = m;
        this.winner = new int[2 * m];
        this.key = new double[2 * m];
        Arrays.fill(winner, Integer.MAX_VALUE);
        Arrays.fill(key, Double.POSITIVE_INFINITY);
    }

    /** Rebuilds the whole tree from the time array. */
    void rebuild() {
        for (int k = 0; k < time.length; k++) {
            winner[leaves + k] = k;
            key[leaves + k] = time[k];
        }
        for (int node = leaves - 1; node >= 1; node--) {
            play(node);
        }
    }

    /**
     * Re-evaluates the path of neuron {@code i} after its time changed. The winner coming up from below is carried
     * in registers, so each level reads only the sibling's key (known in advance) instead of the entry just written:
     * the same comparisons as {@link #play}, without a store-to-load wait per level. The outcome of each comparison
     * is as good as random, so it selects the winner with masks instead of a branch that would often be mispredicted.
     */
    void update(int i) {
        int node = leaves + i;
        double k = time[i];
        long kBits = Double.doubleToRawLongBits(k);
        int w = i;
        key[node] = k;
        while (node > 1) {
            int sibling = node ^ 1;
            double siblingKey = key[sibling];
            // as in play: the left child wins ties and any comparison with NaN goes to the right child
            int right = node & 1;
            int carriedFirst = k <= siblingKey ? 1 : 0;
            int siblingFirst = siblingKey <= k ? 1 : 0;
            int carriedWins = carriedFirst & (right ^ 1) | (siblingFirst ^ 1) & right;
            int keep = -carriedWins; // all ones where the carried winner stays
            w = w & keep | winner[sibling] & ~keep;
            kBits = kBits & keep | Double.doubleToRawLongBits(siblingKey) & ~(long) keep;
            k = Double.longBitsToDouble(kBits);
            node >>= 1;
            int before = winner[node];
            winner[node] = w;
            key[node] = k;
            if (w == before && before != i) {
                // the winner here did not change and is not the updated neuron: nothing above changes either
                return;
            }
        }
    }

    /**
     * Sets node's winner from its two children. Every index below the left child is lower than every index below
     * the right one, so a tie goes left; padding leaves (+∞, past the last neuron) lose to any neuron.
     */
    private void play(int node) {
        int left = 2 * node;
        int from = key[left] <= key[left + 1] ? left : left + 1;
        winner[node] = winner[from];
        key[node] = key[from];
    }

    /** The time of neuron i as of its last update. */
    double key(int i) {
        return key[leaves + i];
    }

    /** The neuron with the least key (the lower index among equal keys). */
    int earliest() {
        return winner[1];
    }

    /** The least key: {@code key(earliest())}, read from the root. */
    double earliestKey() {
        return key[1];
    }
}
