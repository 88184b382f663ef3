package io.smoothspike.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Arctangent#atan2} against a 40-digit reference built another way than the class's table (Euler's series for
 * atan and Machin's formula for π), at random points of all quadrants and scales, and at the points where the method
 * switches table entry or branch.
 */
class ArctangentTest {

    private static final MathContext MC = new MathContext(40);
    private static final BigDecimal PI = machinPi();

    /** Euler's series, for 0 ≤ x ≤ 1: atan x = Σ 4ⁿ(n!)²/(2n+1)! · x^(2n+1)/(1+x²)^(n+1); terms shrink by ≥ 2. */
    private static BigDecimal atan(BigDecimal x) {
        BigDecimal s = x.multiply(x, MC);
        BigDecimal ratio = s.divide(BigDecimal.ONE.add(s), MC);
        BigDecimal term = x.divide(BigDecimal.ONE.add(s), MC);
        BigDecimal sum = BigDecimal.ZERO;
        for (int n = 0; n < 160; n++) {
            sum = sum.add(term, MC);
            term = term.multiply(ratio, MC).multiply(BigDecimal.valueOf(2L * n + 2), MC)
                    .divide(BigDecimal.valueOf(2L * n + 3), MC);
        }
        return sum;
    }

    private static BigDecimal machinPi() {
        BigDecimal fifth = atan(BigDecimal.ONE.divide(BigDecimal.valueOf(5), MC));
        BigDecimal other = atan(BigDecimal.ONE.divide(BigDecimal.valueOf(239), MC));
        return fifth.multiply(BigDecimal.valueOf(16), MC).subtract(other.multiply(BigDecimal.valueOf(4), MC), MC);
    }

    /** atan2(y, x) rounded to the nearest double. */
    private static double reference(double y, double x) {
        BigDecimal ay = new BigDecimal(Math.abs(y));
        BigDecimal ax = new BigDecimal(Math.abs(x));
        BigDecimal angle = ay.compareTo(ax) <= 0 ? atan(ay.divide(ax, MC))
                : PI.divide(BigDecimal.valueOf(2), MC).subtract(atan(ax.divide(ay, MC)), MC);
        if (x < 0) {
            angle = PI.subtract(angle, MC);
        }
        return (y < 0 ? angle.negate() : angle).doubleValue();
    }

    private static long ulps(double a, double b) {
        return Math.abs(Double.doubleToLongBits(a) - Double.doubleToLongBits(b));
    }

    private static void assertWithinOneUlp(double y, double x) {
        double expected = reference(y, x);
        double actual = Arctangent.atan2(y, x);
        assertTrue(ulps(actual, expected) <= 1, "atan2(" + y + ", " + x + ") = " + actual + ", exact " + expected);
    }

    @Test
    void withinOneUlpAtRandomPointsOfAllQuadrantsAndScales() {
        SplittableRandom rng = new SplittableRandom(11);
        long totalUlps = 0;
        int n = 6000;
        for (int i = 0; i < n; i++) {
            double y = rng.nextDouble(-1, 1) * Math.scalb(1.0, rng.nextInt(-40, 40));
            double x = rng.nextDouble(-1, 1) * Math.scalb(1.0, rng.nextInt(-40, 40));
            if (i % 2 == 0) {
                y = x * rng.nextDouble(-1.2, 1.2); // angles of both branches, near the diagonal
            }
            assertWithinOneUlp(y, x);
            totalUlps += ulps(Arctangent.atan2(y, x), reference(y, x));
        }
        assertTrue(totalUlps < 0.3 * n, "mean error " + totalUlps / (double) n + " ulp");
    }

    @Test
    void withinOneUlpWhereTheTableEntryOrTheBranchChanges() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int k = 0; k <= 128; k++) {
            for (double rel : new double[] {-1e-12, -1e-15, 0, 1e-15, 1e-12}) {
                double t = k / 128.0 * (1 + rel); // table points k/64 and the midpoints between them
                double x = rng.nextDouble(0.5, 2);
                if (t > 0 && t <= 1) {
                    assertWithinOneUlp(t * x, x);
                    assertWithinOneUlp(x, t * x); // swapped: π/2 − atan t
                    assertWithinOneUlp(-t * x, -x);
                }
            }
        }
        assertWithinOneUlp(1, 1);
        assertWithinOneUlp(Math.nextUp(1.0), 1);
        assertWithinOneUlp(1e-300, 1);
        assertWithinOneUlp(1, 1e-300);
    }

    @Test
    void specialAndExtremeArgumentsGiveWhatStrictMathGives() {
        double[] values = {0.0, -0.0, 1.0, -1.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 0x1p-950, 0x1p950};
        for (double y : values) {
            for (double x : values) {
                if (Math.abs(y) == 1 && Math.abs(x) == 1) {
                    assertWithinOneUlp(y, x); // not special: the fast path
                    continue;
                }
                assertEquals(StrictMath.atan2(y, x), Arctangent.atan2(y, x), 0.0, "atan2(" + y + ", " + x + ")");
                assertEquals(Double.doubleToLongBits(StrictMath.atan2(y, x)),
                        Double.doubleToLongBits(Arctangent.atan2(y, x)), "sign of atan2(" + y + ", " + x + ")");
            }
        }
    }
}
