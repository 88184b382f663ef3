package io.smoothspike.model;

/**
 * The coefficients of the QIF flow as polynomials, for the short intervals and weak currents of most deliveries:
 * {@code ℓ = 1 − e^−x} for {@code 0 ≤ x ≤ X_MAX} and, with {@code z = Iℓ²}, {@code C = cos √z} and
 * {@code S/ℓ = sin(√z)/√z} for {@code |z| ≤ Z_MAX} (cosh and sinh of √−z for z &lt; 0: the same entire functions),
 * and for the backward sweep {@code (S/ℓ − C)/z}.
 * Truncated Taylor series, evaluated in pairs of terms (Estrin's scheme: short chains of dependent operations). The
 * first omitted term is below 2e-18 of the value in the whole range, so the results are as accurate as the
 * {@code Math} functions they replace (within 4 units in the last place, tested), with additions and multiplications
 * only: several times cheaper than {@code exp}, {@code sin}, {@code cos} and {@code sqrt}, vectorized by C2 in a loop
 * over many neurons, and the same bits on every machine.
 */
final class QifFlowSeries {

    /** Largest x = Δ/τ for {@link #oneMinusExp}. */
    static final double X_MAX = 0.5;
    /** Largest |z| = |I|ℓ² for {@link #cosine} and {@link #sineOverArgument}. */
    static final double Z_MAX = 1;

    private QifFlowSeries() {
    }

    /** Whether the series cover an interval of x = Δ/τ with z = Iℓ² (false for NaN). */
    static boolean covers(double x, double z) {
        return x <= X_MAX && Math.abs(z) <= Z_MAX;
    }

    /** {@code 1 − e^−x} for {@code 0 ≤ x ≤ X_MAX}, to degree 15 in x. */
    static double oneMinusExp(double x) {
        return oneMinusExp(x, oneMinusExpHead(x), oneMinusExpMiddle(x), oneMinusExpTail(x));
    }

    /*
     * The series are also written in parts, each a function of its own (Estrin's pairs of terms grouped by powers of
     * x⁴ or z²): a loop over many neurons that evaluates a whole series in one body is too large for C2 to vectorize,
     * a loop per part is not. The parts combine with the same operations in the same order: the same bits.
     */

    /** The terms of {@code (1 − e^−x)/x} to x³: {@code 1 − x/2 + x²(1/6 − x/24)}. */
    static double oneMinusExpHead(double x) {
        double a0 = 1.0 - x * 0.5;
        double a1 = 1.0 / 6L - x * (1.0 / 24L);
        return a0 + x * x * a1;
    }

    /** The terms of {@code (1 − e^−x)/x} from x⁴ to x⁷, over x⁴. */
    static double oneMinusExpMiddle(double x) {
        double a2 = 1.0 / 120L - x * (1.0 / 720L);
        double a3 = 1.0 / 5040L - x * (1.0 / 40320L);
        return a2 + x * x * a3;
    }

    /** The terms of {@code (1 − e^−x)/x} from x⁸ to x¹⁴, over x⁸. */
    static double oneMinusExpTail(double x) {
        double x2 = x * x;
        double x4 = x2 * x2;
        double a4 = 1.0 / 362880L - x * (1.0 / 3628800L);
        double a5 = 1.0 / 39916800L - x * (1.0 / 479001600L);
        double a6 = 1.0 / 6227020800L - x * (1.0 / 87178291200L);
        double a7 = 1.0 / 1307674368000L;
        return a4 + x2 * a5 + x4 * (a6 + x2 * a7);
    }

    /** {@code 1 − e^−x} from its {@link #oneMinusExpHead head}, middle and tail at x. */
    static double oneMinusExp(double x, double head, double middle, double tail) {
        double x2 = x * x;
        double x4 = x2 * x2;
        return x * (head + x4 * middle + x4 * x4 * tail);
    }

    /** {@code cos √z} (cosh √−z for z &lt; 0) for {@code |z| ≤ Z_MAX}, to degree 9 in z. */
    static double cosine(double z) {
        double z2 = z * z;
        double z4 = z2 * z2;
        double a0 = 1.0 - z * 0.5;
        double a1 = 1.0 / 24L - z * (1.0 / 720L);
        double a2 = 1.0 / 40320L - z * (1.0 / 3628800L);
        double a3 = 1.0 / 479001600L - z * (1.0 / 87178291200L);
        double a4 = 1.0 / 20922789888000L - z * (1.0 / 6402373705728000L);
        return a0 + z2 * a1 + z4 * (a2 + z2 * a3 + z4 * a4);
    }

    /** {@code sin(√z)/√z} (sinh for z &lt; 0, 1 at z = 0) for {@code |z| ≤ Z_MAX}, to degree 8 in z. */
    static double sineOverArgument(double z) {
        return sineOverArgument(z, sineOverArgumentTail(z));
    }

    /** The terms of {@code sin(√z)/√z} from z⁴ to z⁸, over z⁴. */
    static double sineOverArgumentTail(double z) {
        double a2 = 1.0 / 362880L - z * (1.0 / 39916800L);
        double a3 = 1.0 / 6227020800L - z * (1.0 / 1307674368000L);
        double a4 = 1.0 / 355687428096000L;
        double z2 = z * z;
        return a2 + z2 * a3 + z2 * z2 * a4;
    }

    /** {@code sin(√z)/√z} from its {@link #sineOverArgumentTail tail} at z. */
    static double sineOverArgument(double z, double tail) {
        double z2 = z * z;
        double a0 = 1.0 - z * (1.0 / 6);
        double a1 = 1.0 / 120L - z * (1.0 / 5040L);
        return a0 + z2 * a1 + z2 * z2 * tail;
    }

    /**
     * {@code (sin(√z)/√z − cos √z)/z} (hyperbolic for z &lt; 0, 1/3 at z = 0) for {@code |z| ≤ Z_MAX}, to degree 9 in
     * z: the entire function behind the derivative of S with respect to I, {@code (S − ℓC)/I = ℓ³·D(z)}.
     */
    static double sineMinusCosine(double z) {
        double z2 = z * z;
        double z4 = z2 * z2;
        double a0 = 1.0 / 3L - z * (1.0 / 30L);
        double a1 = 1.0 / 840L - z * (1.0 / 45360L);
        double a2 = 1.0 / 3991680L - z * (1.0 / 518918400L);
        double a3 = 1.0 / 93405312000L - z * (1.0 / 22230464256000L);
        double a4 = 1.0 / 6758061133824000L - z * (1.0 / 2554547108585472000L);
        return a0 + z2 * a1 + z4 * (a2 + z2 * a3 + z4 * a4);
    }
}
