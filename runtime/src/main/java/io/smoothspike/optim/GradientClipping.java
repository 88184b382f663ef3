package io.smoothspike.optim;

/** In-place gradient clipping. */
public final class GradientClipping {

    private GradientClipping() {}

    /**
     * Clips each component to {@code [-bound, bound]}. NaN components are left as they are.
     *
     * @param bound {@code > 0} (may be infinite, meaning no clipping)
     * @return the number of components that were changed
     */
    public static int elementwise(double[] grad, double bound) {
        if (!(bound > 0)) {
            throw new IllegalArgumentException("elementwise clipping bound must be > 0, got " + bound);
        }
        int clipped = 0;
        for (int i = 0; i < grad.length; i++) {
            double g = grad[i];
            if (g > bound) {
                grad[i] = bound;
                clipped++;
            } else if (g < -bound) {
                grad[i] = -bound;
                clipped++;
            }
        }
        return clipped;
    }

    /**
     * Scales the whole vector by {@code maxNorm / norm} if its Euclidean norm exceeds {@code maxNorm}; otherwise
     * leaves it untouched. A vector whose norm is not finite (an infinite or NaN component) is also left untouched,
     * so the caller can detect it from the returned value.
     *
     * @param maxNorm {@code > 0}
     * @return the Euclidean norm before clipping
     */
    public static double globalNorm(double[] grad, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("global-norm clipping maxNorm must be > 0, got " + maxNorm);
        }
        double norm = norm(grad);
        if (norm > maxNorm && norm < Double.POSITIVE_INFINITY) {
            double scale = maxNorm / norm;
            for (int i = 0; i < grad.length; i++) {
                grad[i] *= scale;
            }
        }
        return norm;
    }

    /** Euclidean norm; rescales to avoid overflow or underflow of the sum of squares when needed. */
    static double norm(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        if (sum < Double.POSITIVE_INFINITY && sum >= Double.MIN_NORMAL) {
            return Math.sqrt(sum);
        }
        if (Double.isNaN(sum)) {
            return Double.NaN;
        }
        double max = 0;
        for (double v : x) {
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0 || max == Double.POSITIVE_INFINITY) {
            return max;
        }
        double scaled = 0;
        for (double v : x) {
            double r = v / max;
            scaled += r * r;
        }
        return max * Math.sqrt(scaled);
    }
}
