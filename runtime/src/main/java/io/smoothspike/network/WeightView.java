package io.smoothspike.network;

import io.smoothspike.graph.Projection;
import org.ejml.data.DMatrixRMaj;

/**
 * One projection's flat weight array (or a gradient in the same layout) seen as a presynaptic × postsynaptic matrix.
 * A dense projection's array is that matrix row-major; a masked one holds its synapses row by row, postsynaptic
 * index ascending (see {@link Projection}), and the entries without a synapse read as 0. A projection from one of
 * several input groups occupies the rows {@code rowOffset …} of the compiled projection.
 */
final class WeightView {

    private final String name;
    private final Projection projection;
    private final int rows;
    private final int rowOffset;

    WeightView(String name, Projection projection, int rows, int rowOffset) {
        this.name = name;
        this.projection = projection;
        this.rows = rows;
        this.rowOffset = rowOffset;
    }

    /** The matrix of {@code flat} (a copy). */
    DMatrixRMaj toMatrix(double[] flat) {
        int cols = projection.targetSize();
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) {
            int row = rowOffset + i;
            if (projection.isDense()) {
                System.arraycopy(flat, row * cols, m.data, i * cols, cols);
            } else {
                for (int k = projection.rowStart()[row]; k < projection.rowStart()[row + 1]; k++) {
                    m.data[i * cols + projection.targets()[k]] = flat[k];
                }
            }
        }
        return m;
    }

    /**
     * The flat array of a matrix of this shape with finite entries, 0 wherever the projection has no synapse;
     * anything else is an {@link IllegalArgumentException} naming the projection, the entry and the value.
     */
    double[] toFlat(DMatrixRMaj m) {
        int cols = projection.targetSize();
        if (m == null || m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException("projection '" + name + "': the weight matrix is " + rows + " × "
                    + cols + " (presynaptic × postsynaptic), got " + (m == null ? "null" : m.numRows + " × "
                    + m.numCols));
        }
        double[] flat = new double[projection.synapseCount()];
        for (int i = 0; i < rows; i++) {
            int row = rowOffset + i;
            int k = projection.isDense() ? row * cols : projection.rowStart()[row];
            for (int j = 0; j < cols; j++) {
                double v = m.get(i, j);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("projection '" + name + "': entry [" + i + "][" + j
                            + "] is not finite: " + v);
                }
                boolean synapse = projection.isDense()
                        || k < projection.rowStart()[row + 1] && projection.targets()[k] == j;
                if (synapse) {
                    flat[k++] = v;
                } else if (v != 0) {
                    throw new IllegalArgumentException("projection '" + name + "': entry [" + i + "][" + j + "] is "
                            + v + ", but the connectivity has no synapse there; such entries must be 0");
                }
            }
        }
        return flat;
    }
}
