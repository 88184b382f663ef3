package io.smoothspike.sim;

import java.util.Arrays;

/**
 * Pending delayed deliveries of one trial, earliest first: a binary min-heap on primitive arrays, ordered by arrival
 * time and then by insertion (so deliveries of equal time leave in the order they were scheduled). It grows by
 * doubling and allocates nothing per delivery.
 *
 * <p>An entry names what to deliver: a delayed projection (its slot in the {@link DelayLine}), a source row, a synapse
 * (−1 for the whole row) and the record index of the source event.
 */
final class DeliveryQueue {

    private double[] time = new double[64];
    private int[] sequence = new int[64];
    private int[] slot = new int[64];
    private int[] row = new int[64];
    private int[] synapse = new int[64];
    private int[] source = new int[64];
    private int size;
    private int nextSequence;

    /** Empties the queue (the start of a trial). */
    void clear() {
        size = 0;
        nextSequence = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Arrival time of the earliest entry, {@code +Infinity} when empty. */
    double nextTime() {
        return size == 0 ? Double.POSITIVE_INFINITY : time[0];
    }

    int topSlot() {
        return slot[0];
    }

    int topRow() {
        return row[0];
    }

    int topSynapse() {
        return synapse[0];
    }

    int topSource() {
        return source[0];
    }

    /** Adds a delivery arriving at {@code t}. */
    void push(double t, int slotOf, int rowOf, int synapseOf, int sourceOf) {
        if (size == time.length) {
            grow();
        }
        int seq = nextSequence++;
        int k = size++;
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (!before(t, seq, parent)) {
                break;
            }
            move(parent, k);
            k = parent;
        }
        set(k, t, seq, slotOf, rowOf, synapseOf, sourceOf);
    }

    /** Removes the earliest entry. */
    void removeTop() {
        int last = --size;
        if (last == 0) {
            return;
        }
        double t = time[last];
        int seq = sequence[last];
        int k = 0;
        while (true) {
            int child = 2 * k + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && before(time[child + 1], sequence[child + 1], child)) {
                child++;
            }
            if (!before(time[child], sequence[child], t, seq)) {
                break;
            }
            move(child, k);
            k = child;
        }
        set(k, t, seq, slot[last], row[last], synapse[last], source[last]);
    }

    /** Whether (t, seq) comes before entry k. */
    private boolean before(double t, int seq, int k) {
        return before(t, seq, time[k], sequence[k]);
    }

    private static boolean before(double t, int seq, double u, int useq) {
        return t < u || t == u && seq < useq;
    }

    private void move(int from, int to) {
        set(to, time[from], sequence[from], slot[from], row[from], synapse[from], source[from]);
    }

    private void set(int k, double t, int seq, int slotOf, int rowOf, int synapseOf, int sourceOf) {
        time[k] = t;
        sequence[k] = seq;
        slot[k] = slotOf;
        row[k] = rowOf;
        synapse[k] = synapseOf;
        source[k] = sourceOf;
    }

    private void grow() {
        int n = 2 * time.length;
        time = Arrays.copyOf(time, n);
        sequence = Arrays.copyOf(sequence, n);
        slot = Arrays.copyOf(slot, n);
        row = Arrays.copyOf(row, n);
        synapse = Arrays.copyOf(synapse, n);
        source = Arrays.copyOf(source, n);
    }
}
