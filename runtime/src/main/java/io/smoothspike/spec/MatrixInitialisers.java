package io.smoothspike.spec;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * The weight initialisers that need linear algebra (EJML): random orthogonal matrices and scaling to a spectral
 * radius. They run once, when a network is compiled. Matrices are row-major {@code rows × cols} arrays.
 */
public final class MatrixInitialisers {

    private MatrixInitialisers() {
    }

    /**
     * A random {@code rows × cols} matrix with orthonormal columns (rows ≥ cols) or rows (rows &lt; cols), times
     * {@code gain}, drawn from the Haar (uniform) distribution: the Q of the QR decomposition of a standard normal
     * matrix, each column's sign chosen so that R has a positive diagonal.
     */
    static double[] orthogonal(int rows, int cols, double gain, long seed) {
        boolean wide = rows < cols;
        int m = Math.max(rows, cols);
        int n = Math.min(rows, cols);
        double[] draws = new ValueSpec.Normal(0, 1, seed).generate(m * n, 0, 0, 0, "orthogonal");
        DMatrixRMaj a = DMatrixRMaj.wrap(m, n, draws);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(m, n);
        if (!qr.decompose(a)) {
            throw new IllegalStateException("QR decomposition failed for a " + m + " × " + n + " normal matrix");
        }
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj r = qr.getR(null, true);
        for (int j = 0; j < n; j++) {
            double sign = r.get(j, j) < 0 ? -gain : gain;
            for (int i = 0; i < m; i++) {
                q.set(i, j, sign * q.get(i, j));
            }
        }
        return wide ? CommonOps_DDRM.transpose(q, null).data : q.data;
    }

    /** The largest modulus of the eigenvalues of the square matrix {@code w} ({@code n × n}, row-major). */
    public static double spectralRadius(double[] w, int n) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
        if (!eig.decompose(DMatrixRMaj.wrap(n, n, w.clone()))) {
            throw new IllegalStateException("the eigenvalue computation of a " + n + " × " + n
                    + " matrix did not converge");
        }
        double max = 0;
        for (int k = 0; k < eig.getNumberOfEigenvalues(); k++) {
            max = Math.max(max, eig.getEigenvalue(k).getMagnitude());
        }
        return max;
    }

    /** Scales the square matrix {@code w} ({@code n × n}) in place so that its spectral radius is {@code radius}. */
    static double[] scaleToSpectralRadius(double[] w, int n, double radius, String where) {
        double current;
        try {
            current = spectralRadius(w, n);
        } catch (IllegalStateException e) {
            throw new SpecException(where, e.getMessage());
        }
        if (!(current > 0) || Double.isInfinite(current)) {
            throw new SpecException(where, "the drawn matrix has spectral radius " + current + " and cannot be "
                    + "scaled to " + radius + "; draw values with some spread (e.g. normal with std > 0)");
        }
        double scale = radius / current;
        for (int k = 0; k < w.length; k++) {
            w[k] *= scale;
        }
        return w;
    }
}
