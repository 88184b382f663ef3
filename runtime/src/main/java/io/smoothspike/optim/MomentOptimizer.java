package io.smoothspike.optim;

/**
 * Common part of Adam and AdaBelief: a first moment {@code m} and a second moment {@code v}, both decayed
 * exponentially and bias-corrected,
 *
 * <pre>
 * m = b1 m + (1 - b1) g
 * v = secondMoment(v, g, m)        (m already updated)
 * p -= lr · (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
 * </pre>
 *
 * with {@code t} the 1-based step number. State buffers: {@code [m, v]}.
 */
abstract class MomentOptimizer extends AbstractOptimizer {

    final double b1;
    final double b2;
    final double eps;

    /**
     * @param b1 decay of the first moment, in [0, 1)
     * @param b2 decay of the second moment, in [0, 1)
     * @param eps added to the denominator, {@code >= 0}
     */
    MomentOptimizer(String name, int size, double b1, double b2, double eps) {
        super(name, size, 2);
        this.b1 = Checks.unitInterval(name, "b1", b1);
        this.b2 = Checks.unitInterval(name, "b2", b2);
        this.eps = Checks.nonNegative(name, "eps", eps);
    }

    public double b1() {
        return b1;
    }

    public double b2() {
        return b2;
    }

    public double eps() {
        return eps;
    }

    /** The new second moment from the old one {@code v}, the gradient {@code g} and the updated first moment. */
    abstract double secondMoment(double v, double g, double m);

    @Override
    final void update(double[] p, double[] g, double lr, long t) {
        double[] m = buffers[0];
        double[] v = buffers[1];
        double c1 = 1 - b1;
        double bc1 = 1 - StrictMath.pow(b1, t);
        double bc2 = 1 - StrictMath.pow(b2, t);
        for (int i = 0; i < size; i++) {
            double gi = g[i];
            double mi = b1 * m[i] + c1 * gi;
            double vi = secondMoment(v[i], gi, mi);
            m[i] = mi;
            v[i] = vi;
            p[i] -= lr * (mi / bc1) / (Math.sqrt(vi / bc2) + eps);
        }
    }
}
