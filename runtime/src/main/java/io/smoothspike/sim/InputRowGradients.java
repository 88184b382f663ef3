package io.smoothspike.sim;

import io.smoothspike.graph.Projection;
import io.smoothspike.model.PopulationKernel;
import java.util.Arrays;

/**
 * Weight gradients of the input deliveries into one dense projection, held back over several trials and then added
 * row by row. A kernel that {@link PopulationKernel#sharesDenseRows shares dense rows} hands back one row per group of
 * simultaneous inputs (e.g. one per image), so a trial costs one row instead of one row per input spike; {@link #addTo}
 * then sums, per source row (e.g. per pixel), the rows of the trials in which it spiked, in a scratch row that stays
 * in cache, and adds the sum to the gradient once.
 *
 * <p>The result is bitwise that of adding each row as it comes, if the gradient's entries of this projection were zero
 * before the first held-back trial and received nothing else: each entry gets the same terms in the same order, and
 * adding a sum to zero is exact.
 */
final class InputRowGradients {

    private final Projection projection;
    /** The projection's index in the graph, i.e. of its weight gradient in a {@link TrialGradient}. */
    private final int index;
    private final int targets;
    private double[][] rows = new double[8][];
    private int rowCount;
    /** Per held-back delivery, in the order of the sweeps: its source row and the index of its gradient row. */
    private int[] deliverySource = new int[256];
    private int[] deliveryRow = new int[256];
    private int deliveries;
    /** The kernel's key of the last row taken in the current sweep, or −1. */
    private int lastKey = -1;
    private final int[] sourceStart;
    private int[] order = new int[0];
    private final double[] sum;
    /** The gradient the held-back rows belong to, or null if none are held back. */
    private TrialGradient target;

    InputRowGradients(Projection projection, int index) {
        this.projection = projection;
        this.index = index;
        this.targets = projection.targetSize();
        this.sourceStart = new int[projection.sourceSize() + 1];
        this.sum = new double[targets];
    }

    /** Starts the backward sweep of one trial whose rows go to {@code grad}. */
    void beginSweep(TrialGradient grad) {
        if (target != null && target != grad) {
            throw new IllegalStateException("input-row gradients are held back for another gradient: add them with "
                    + "flushInputRows before sweeping into a new one");
        }
        target = grad;
        lastKey = -1;
    }

    /** The reverse of one delivery from source row {@code source} at time t into {@code kernel}. */
    void take(PopulationKernel kernel, int source, double t) {
        if (rowCount == rows.length) {
            rows = Arrays.copyOf(rows, 2 * rowCount);
        }
        if (rows[rowCount] == null) {
            rows[rowCount] = new double[targets];
        }
        int key = kernel.backwardDenseRow(projection.weights(), source * targets, t, rows[rowCount], lastKey);
        if (key != lastKey) {
            rowCount++;
            lastKey = key;
        }
        if (deliveries == deliverySource.length) {
            deliverySource = Arrays.copyOf(deliverySource, 2 * deliveries);
            deliveryRow = Arrays.copyOf(deliveryRow, 2 * deliveries);
        }
        deliverySource[deliveries] = source;
        deliveryRow[deliveries++] = rowCount - 1;
    }

    /**
     * Adds the held-back rows to this projection's gradient in the gradient they were swept into (if any), source row
     * by source row, each row's terms in the order they were taken, and forgets them.
     */
    void flush() {
        if (target == null) {
            return;
        }
        double[] weightGrad = target.weights(index);
        Arrays.fill(sourceStart, 0);
        for (int d = 0; d < deliveries; d++) {
            sourceStart[deliverySource[d] + 1]++;
        }
        for (int s = 0; s + 1 < sourceStart.length; s++) {
            sourceStart[s + 1] += sourceStart[s];
        }
        if (order.length < deliveries) {
            order = new int[deliverySource.length];
        }
        for (int d = 0; d < deliveries; d++) {
            order[sourceStart[deliverySource[d]]++] = deliveryRow[d]; // stable: keeps the order of the deliveries
        }
        double[] acc = sum;
        for (int s = 0, d = 0; s + 1 < sourceStart.length; s++) {
            int end = sourceStart[s]; // after the placing pass, the end of source s's run
            if (d == end) {
                continue;
            }
            Arrays.fill(acc, 0);
            for (; d + 3 < end; d += 4) {
                // four rows per pass, added left to right: the same sums as one row after the other
                double[] r0 = rows[order[d]];
                double[] r1 = rows[order[d + 1]];
                double[] r2 = rows[order[d + 2]];
                double[] r3 = rows[order[d + 3]];
                for (int i = 0; i < targets; i++) {
                    acc[i] = acc[i] + r0[i] + r1[i] + r2[i] + r3[i];
                }
            }
            for (; d < end; d++) {
                double[] row = rows[order[d]];
                for (int i = 0; i < targets; i++) {
                    acc[i] += row[i];
                }
            }
            int offset = s * targets;
            for (int i = 0; i < targets; i++) {
                weightGrad[offset + i] += acc[i];
            }
        }
        discard();
    }

    /** Forgets the held-back rows (e.g. after a failed batch, whose gradient is cleared anyway). */
    void discard() {
        rowCount = 0;
        deliveries = 0;
        lastKey = -1;
        target = null;
    }

    /** Whether rows are held back (taken since the last flush or discard). */
    boolean holdsRows() {
        return target != null;
    }
}
