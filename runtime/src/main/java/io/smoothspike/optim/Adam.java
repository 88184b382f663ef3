package io.smoothspike.optim;

/**
 * Adam (Kingma &amp; Ba) with bias correction:
 *
 * <pre>
 * m = b1 m + (1 - b1) g
 * v = b2 v + (1 - b2) g²
 * p -= lr · (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
 * </pre>
 *
 * with {@code t} the 1-based step number. State buffers: {@code [m, v]}.
 */
public final class Adam extends AbstractOptimizer {

    private static final String NAME = "adam";

    /** Default hyper-parameters (as in PyTorch and optax). */
    public static final double DEFAULT_B1 = 0.9;
    public static final double DEFAULT_B2 = 0.999;
    public static final double DEFAULT_EPS = 1e-8;

    private final double b1;
    private final double b2;
    private final double eps;

    /** Adam with b1 = 0.9, b2 = 0.999, eps = 1e-8. */
    public Adam(int size) {
        this(size, DEFAULT_B1, DEFAULT_B2, DEFAULT_EPS);
    }

    /**
     * @param b1 decay of the first moment, in [0, 1)
     * @param b2 decay of the second moment, in [0, 1)
     * @param eps added to the denominator, {@code >= 0}
     */
    public Adam(int size, double b1, double b2, double eps) {
        super(NAME, size, 2);
        this.b1 = Checks.unitInterval(NAME, "b1", b1);
        this.b2 = Checks.unitInterval(NAME, "b2", b2);
        this.eps = Checks.nonNegative(NAME, "eps", eps);
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

    @Override
    public String name() {
        return NAME;
    }

    @Override
    void update(double[] p, double[] g, double lr, long t) {
        double[] m = buffers[0];
        double[] v = buffers[1];
        double c1 = 1 - b1;
        double c2 = 1 - b2;
        double bc1 = 1 - StrictMath.pow(b1, t);
        double bc2 = 1 - StrictMath.pow(b2, t);
        for (int i = 0; i < size; i++) {
            double gi = g[i];
            double mi = b1 * m[i] + c1 * gi;
            double vi = b2 * v[i] + c2 * (gi * gi);
            m[i] = mi;
            v[i] = vi;
            p[i] -= lr * (mi / bc1) / (Math.sqrt(vi / bc2) + eps);
        }
    }

    @Override
    public String toString() {
        return NAME + "(b1=" + b1 + ", b2=" + b2 + ", eps=" + eps + ")";
    }
}
