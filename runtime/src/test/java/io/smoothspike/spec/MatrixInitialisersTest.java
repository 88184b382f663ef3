package io.smoothspike.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The orthogonal and spectral-radius weight initialisers; the other kinds fill weights as they always did. */
class MatrixInitialisersTest {

    private static final String WHERE = "projections[a->b].weights";

    @ParameterizedTest
    @CsvSource({"7, 3, 1.0", "4, 4, 0.5", "3, 8, -2.0", "100, 100, 1.0", "1, 5, 1.5"})
    void orthogonalColumnsOrRowsTimesGain(int rows, int cols, double gain) {
        DMatrixRMaj w = DMatrixRMaj.wrap(rows, cols, new ValueSpec.Orthogonal(gain, 3).weights(rows, cols, null,
                WHERE));
        // WᵀW for a tall or square matrix, W·Wᵀ for a wide one
        DMatrixRMaj gram = rows >= cols ? CommonOps_DDRM.multTransA(w, w, null) : CommonOps_DDRM.multTransB(w, w, null);
        for (int i = 0; i < gram.numRows; i++) {
            for (int j = 0; j < gram.numCols; j++) {
                assertEquals(i == j ? gain * gain : 0, gram.get(i, j), 1e-12, "[" + i + "][" + j + "]");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"6, 4", "4, 6", "5, 5"})
    void orthogonalIsTheSignCorrectedQOfTheNormalDraws(int rows, int cols) {
        // Haar distributed: Q·R = A (the seed's standard normal draws) with R's diagonal positive, so R = Qᵀ·A
        int m = Math.max(rows, cols);
        int n = Math.min(rows, cols);
        DMatrixRMaj a = DMatrixRMaj.wrap(m, n, new ValueSpec.Normal(0, 1, 8).generate(m * n, 0, 0, 0, WHERE));
        DMatrixRMaj w = DMatrixRMaj.wrap(rows, cols, new ValueSpec.Orthogonal(2, 8).weights(rows, cols, null, WHERE));
        DMatrixRMaj q = rows >= cols ? w : CommonOps_DDRM.transpose(w, null);
        CommonOps_DDRM.scale(0.5, q);
        DMatrixRMaj r = CommonOps_DDRM.multTransA(q, a, null);
        for (int i = 0; i < n; i++) {
            assertTrue(r.get(i, i) > 0, "R[" + i + "][" + i + "] = " + r.get(i, i));
            for (int j = 0; j < i; j++) {
                assertEquals(0, r.get(i, j), 1e-12, "R is upper triangular");
            }
        }
        DMatrixRMaj back = CommonOps_DDRM.mult(q, r, null);
        for (int k = 0; k < back.data.length; k++) {
            assertEquals(a.data[k], back.data[k], 1e-12);
        }
    }

    @Test
    void sameSeedSameWeightsOtherSeedOthers() {
        for (ValueSpec spec : List.<ValueSpec>of(new ValueSpec.Orthogonal(1, 3),
                new ValueSpec.SpectralRadius(0.9, new ValueSpec.Normal(0, 0.1, 3)))) {
            double[] once = spec.weights(30, 30, null, WHERE);
            assertArrayEquals(once, spec.weights(30, 30, null, WHERE), spec.toString());
        }
        assertFalse(Arrays.equals(new ValueSpec.Orthogonal(1, 3).weights(30, 30, null, WHERE),
                new ValueSpec.Orthogonal(1, 4).weights(30, 30, null, WHERE)));
    }

    @Test
    void spectralRadiusOfTheWeightsAsConnected() {
        int n = 100;
        boolean[][] noSelf = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(noSelf[i], true);
            noSelf[i][i] = false;
        }
        for (boolean[][] mask : Arrays.asList(null, noSelf)) {
            for (ValueSpec values : List.<ValueSpec>of(new ValueSpec.Normal(0, 0.1, 3),
                    new ValueSpec.Uniform(-1, 1, 4), new ValueSpec.Orthogonal(1, 5))) {
                if (mask != null && values instanceof ValueSpec.Orthogonal) {
                    continue;
                }
                double[] w = new ValueSpec.SpectralRadius(0.9, values).weights(n, n, mask, WHERE);
                assertEquals(0.9, MatrixInitialisers.spectralRadius(w, n), 1e-12, values + ", mask " + (mask != null));
                for (int i = 0; mask != null && i < n; i++) {
                    assertEquals(0, w[i * n + i], "left-out entries are 0 before scaling");
                }
            }
        }
        // the scaling is the only change: direction as drawn
        double[] drawn = new ValueSpec.Normal(0, 0.1, 3).weights(n, n, null, WHERE);
        double[] scaled = new ValueSpec.SpectralRadius(0.9, new ValueSpec.Normal(0, 0.1, 3)).weights(n, n, null, WHERE);
        double factor = 0.9 / MatrixInitialisers.spectralRadius(drawn, n);
        for (int k = 0; k < drawn.length; k++) {
            assertEquals(drawn[k] * factor, scaled[k]);
        }
    }

    @Test
    void existingKindsFillWeightsAsBefore() {
        for (ValueSpec spec : List.<ValueSpec>of(new ValueSpec.Constant(0.3), new ValueSpec.Uniform(-1, 2, 7),
                new ValueSpec.Normal(0.1, 0.5, 9), new ValueSpec.FanInUniform(0.5, 0.1, 11),
                new ValueSpec.Values(new double[] {1, 2, 3, 4, 5, 6}),
                new ValueSpec.Matrix(new double[][] {{1, 2}, {3, 4}, {5, 6}}))) {
            assertArrayEquals(spec.generate(6, 3, 3, 2, WHERE), spec.weights(3, 2, null, WHERE), spec.toString());
        }
    }

    @Test
    void refusalsNameTheCause() {
        SpecException square = assertThrows(SpecException.class, () -> new ValueSpec.SpectralRadius(0.9,
                new ValueSpec.Normal(0, 1, 1)).weights(784, 100, null, WHERE));
        assertEquals(WHERE + ": a spectral radius needs a square weight matrix (a population projecting onto itself "
                + "or onto one of equal size); this projection is 784 × 100 (presynaptic × postsynaptic)",
                square.getMessage());
        boolean[][] diagonal = {{false, true}, {true, false}};
        SpecException masked = assertThrows(SpecException.class, () -> new ValueSpec.Orthogonal(1, 1).weights(2, 2,
                diagonal, WHERE));
        assertTrue(masked.getMessage().contains("an orthogonal matrix needs every (pre, post) synapse"),
                masked.getMessage());
        assertTrue(assertThrows(SpecException.class, () -> new ValueSpec.Orthogonal(1, 1).generate(3, 0, 0, 0,
                "populations[p].initial.V")).getMessage().endsWith("only allowed for weights"));
        assertTrue(assertThrows(SpecException.class, () -> new ValueSpec.SpectralRadius(1, new ValueSpec.Constant(1))
                .generate(3, 0, 0, 0, "populations[p].initial.V")).getMessage().endsWith("only allowed for weights"));
        assertEquals(WHERE + ": spectral radius must be >= 0, got -0.5", assertThrows(SpecException.class,
                () -> new ValueSpec.SpectralRadius(-0.5, new ValueSpec.Constant(1)).weights(2, 2, null, WHERE))
                .getMessage());
        assertTrue(assertThrows(SpecException.class, () -> new ValueSpec.SpectralRadius(0.9,
                new ValueSpec.Constant(0)).weights(3, 3, null, WHERE)).getMessage()
                .contains("the drawn matrix has spectral radius 0.0 and cannot be scaled to 0.9"));
        assertEquals(WHERE + ": orthogonal gain must be a finite number, got NaN", assertThrows(SpecException.class,
                () -> new ValueSpec.Orthogonal(Double.NaN, 1).weights(2, 2, null, WHERE)).getMessage());
    }
}
