package io.smoothspike.model;

/**
 * The coefficients of the QIF flow as polynomials, for the short intervals and weak currents of most deliveries:
 * {@code ℓ = 1 − e^−x} for {@code 0 ≤ x ≤ X_MAX} and, with {@code z = Iℓ²}, {@code C = cos √z} and
 * {@code S/ℓ = sin(√z)/√z} for {@code |z| ≤ Z_MAX} (cosh and sinh of √−z for z &lt; 0: the same entire functions).
 * Truncated Taylor series in Horner form: the first omitted term is below 2e-18 of the value in the whole range, so
 * the results are as accurate as the {@code Math} functions they replace, with additions and multiplications only.
 * That makes them several times cheaper than {@code exp}, {@code sin}, {@code cos} and {@code sqrt}, lets C2
 * vectorize a loop over many neurons, and gives the same bits on every machine.
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
        double r = 1.0 / 1307674368000L;
        r = -1.0 / 87178291200L + x * r;
        r = 1.0 / 6227020800L + x * r;
        r = -1.0 / 479001600L + x * r;
        r = 1.0 / 39916800L + x * r;
        r = -1.0 / 3628800L + x * r;
        r = 1.0 / 362880L + x * r;
        r = -1.0 / 40320L + x * r;
        r = 1.0 / 5040L + x * r;
        r = -1.0 / 720L + x * r;
        r = 1.0 / 120L + x * r;
        r = -1.0 / 24L + x * r;
        r = 1.0 / 6L + x * r;
        r = -1.0 / 2L + x * r;
        r = 1.0 + x * r;
        return x * r;
    }

    /** {@code cos √z} (cosh √−z for z &lt; 0) for {@code |z| ≤ Z_MAX}, to degree 9 in z. */
    static double cosine(double z) {
        double r = -1.0 / 6402373705728000L;
        r = 1.0 / 20922789888000L + z * r;
        r = -1.0 / 87178291200L + z * r;
        r = 1.0 / 479001600L + z * r;
        r = -1.0 / 3628800L + z * r;
        r = 1.0 / 40320L + z * r;
        r = -1.0 / 720L + z * r;
        r = 1.0 / 24L + z * r;
        r = -1.0 / 2L + z * r;
        return 1.0 + z * r;
    }

    /** {@code sin(√z)/√z} (sinh for z &lt; 0, 1 at z = 0) for {@code |z| ≤ Z_MAX}, to degree 8 in z. */
    static double sineOverArgument(double z) {
        double r = 1.0 / 355687428096000L;
        r = -1.0 / 1307674368000L + z * r;
        r = 1.0 / 6227020800L + z * r;
        r = -1.0 / 39916800L + z * r;
        r = 1.0 / 362880L + z * r;
        r = -1.0 / 5040L + z * r;
        r = 1.0 / 120L + z * r;
        r = -1.0 / 6L + z * r;
        return 1.0 + z * r;
    }
}
