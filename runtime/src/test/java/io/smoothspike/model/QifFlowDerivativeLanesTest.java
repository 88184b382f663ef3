package io.smoothspike.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The QIF flow derivatives of a projection row, worked out for all targets at once ({@code prepareFlowDerivatives},
 * then {@code preparedFlowDerivatives} per target), have the bits of {@code flowDerivatives} one flow at a time: rows
 * short and long, intervals and currents inside and outside the range of the series, intervals of 0.
 */
class QifFlowDerivativeLanesTest {

    private static final int RECORD = 3;

    @Test
    void rowDerivativesMatchOneByOne() {
        SplittableRandom rnd = new SplittableRandom(21);
        double tau = 0.8;
        Qif.Kernel rows = (Qif.Kernel) new Qif(tau).newKernel(200);
        Qif.Kernel single = (Qif.Kernel) new Qif(tau).newKernel(200);
        int compared = 0;
        for (int row = 0; row < 300; row++) {
            int n = row % 4 == 0 ? 1 + rnd.nextInt(7) : 8 + rnd.nextInt(150);
            int from = row % 5 * RECORD; // the states lie in a record after others
            double[] x = new double[from + n * RECORD];
            double[] dt = new double[n + LazyKernel.LANE_PADDING]; // the padding the kernel passes too
            for (int k = 0; k < n; k++) {
                double psi = k % 23 == 0 ? -Math.PI / 2 : rnd.nextDouble(-Math.PI / 2, Math.PI / 2);
                int xo = from + k * RECORD;
                x[xo] = k % 23 == 0 ? -1 : Math.sin(psi);
                x[xo + 1] = k % 23 == 0 ? 0 : Math.cos(psi);
                // weak and strong currents of either sign (strong ones leave the series' range)
                x[xo + 2] = k % 13 == 0 ? 0 : rnd.nextGaussian() * (k % 5 == 0 ? 40 : 2);
                // mostly short intervals, some long ones, some of 0
                dt[k] = k % 17 == 0 ? 0 : k % 7 == 0 ? rnd.nextDouble(0, 3) : rnd.nextDouble(0, 0.1);
            }
            rows.prepareFlowDerivatives(x, from, dt, n);
            for (int k = 0; k < n; k++) {
                int xo = from + k * RECORD;
                double[][] a = {new double[RECORD], new double[4], new double[2], new double[2]};
                double[][] b = {new double[RECORD], new double[4], new double[2], new double[2]};
                rows.preparedFlowDerivatives(k, x, xo, dt[k], a[0], a[1], a[2], a[3]);
                single.flowDerivatives(x, xo, dt[k], b[0], b[1], b[2], b[3]);
                for (int part = 0; part < a.length; part++) {
                    for (int c = 0; c < a[part].length; c++) {
                        assertEquals(Double.doubleToRawLongBits(b[part][c]), Double.doubleToRawLongBits(a[part][c]),
                                "row " + row + ", flow " + k + ", output " + part + "[" + c + "]: x = ("
                                        + x[xo] + ", " + x[xo + 1] + ", " + x[xo + 2]
                                        + "), dt = " + dt[k]);
                    }
                }
                compared++;
            }
        }
        assertEquals(true, compared > 10_000, "flows compared: " + compared);
    }
}
