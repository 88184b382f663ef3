package io.smoothspike.model;

import java.util.Arrays;

/**
 * Tournament tree over per-neuron next-spike times: O(log n) update of one neuron, O(1) query of the earliest,
 * ties broken towards the lower index. Primitive arrays only; no allocation after construction.
 */
final class EarliestSpikeTree {

    private final double[] time;
    private final int leaves;
    /** winner[node] = index of the earliest neuron below node; node 1 is the root, leaves start at {@code leaves}. */
    private final int[] winner;

    EarliestSpikeTree(double[] time) {
        this.time = time;
        int m = 1;
        while (m < time.length) {
            m <<= 1;
        }
        this.leaves = m;
        this.winner = new int[2 * m];
        Arrays.fill(winner, -1);
    }

    /** Rebuilds the whole tree from the time array. */
    void rebuild() {
        for (int k = 0; k < leaves; k++) {
            winner[leaves + k] = k < time.length ? k : -1;
        }
        for (int node = leaves - 1; node >= 1; node--) {
            winner[node] = better(winner[2 * node], winner[2 * node + 1]);
        }
    }

    /** Re-evaluates the path of neuron {@code i} after its time changed. */
    void update(int i) {
        int node = (leaves + i) >> 1;
        while (node >= 1) {
            int w = better(winner[2 * node], winner[2 * node + 1]);
            if (winner[node] == w && w != i) {
                // the winner here did not change and is not the updated neuron: nothing above changes either
                return;
            }
            winner[node] = w;
            node >>= 1;
        }
    }

    int earliest() {
        return winner[1];
    }

    double earliestTime() {
        int w = winner[1];
        return time[w];
    }

    private int better(int a, int b) {
        if (a < 0) {
            return b;
        }
        if (b < 0) {
            return a;
        }
        double ta = time[a];
        double tb = time[b];
        if (ta < tb || (ta == tb && a < b)) {
            return a;
        }
        return b;
    }
}
