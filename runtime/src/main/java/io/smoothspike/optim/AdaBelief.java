package io.smoothspike.optim;

/**
 * AdaBelief (Zhuang et al. 2020) with the defaults of optax's {@code adabelief}:
 *
 * <pre>
 * m = b1 m + (1 - b1) g
 * s = b2 s + (1 - b2) (g - m)² + epsRoot      (m already updated)
 * p -= lr · (m / (1 - b1^t)) / (sqrt(s / (1 - b2^t)) + eps)
 * </pre>
 *
 * with {@code t} the 1-based step number. State buffers: {@code [m, s]}.
 */
public final class AdaBelief extends AbstractOptimizer {

    private static final String NAME = "adabelief";

    /** Default hyper-parameters (as in optax). */
    public static final double DEFAULT_B1 = 0.9;
    public static final double DEFAULT_B2 = 0.999;
    public static final double DEFAULT_EPS = 1e-16;
    public static final double DEFAULT_EPS_ROOT = 1e-16;

    private final double b1;
    private final double b2;
    private final double eps;
    private final double epsRoot;

    /** AdaBelief with b1 = 0.9, b2 = 0.999, eps = 1e-16, epsRoot = 1e-16. */
    public AdaBelief(int size) {
        this(size, DEFAULT_B1, DEFAULT_B2, DEFAULT_EPS, DEFAULT_EPS_ROOT);
    }

    /**
     * @param b1 decay of the first moment, in [0, 1)
     * @param b2 decay of the second (belief) moment, in [0, 1)
     * @param eps added to the denominator, {@code >= 0}
     * @param epsRoot added to the second moment at every step, {@code >= 0}
     */
    public AdaBelief(int size, double b1, double b2, double eps, double epsRoot) {
        super(NAME, size, 2);
        this.b1 = Checks.unitInterval(NAME, "b1", b1);
        this.b2 = Checks.unitInterval(NAME, "b2", b2);
        this.eps = Checks.nonNegative(NAME, "eps", eps);
        this.epsRoot = Checks.nonNegative(NAME, "epsRoot", epsRoot);
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

    public double epsRoot() {
        return epsRoot;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    void update(double[] p, double[] g, double lr, long t) {
        double[] m = buffers[0];
        double[] s = buffers[1];
        double c1 = 1 - b1;
        double c2 = 1 - b2;
        double bc1 = 1 - StrictMath.pow(b1, t);
        double bc2 = 1 - StrictMath.pow(b2, t);
        for (int i = 0; i < size; i++) {
            double gi = g[i];
            double mi = b1 * m[i] + c1 * gi;
            double d = gi - mi;
            double si = b2 * s[i] + c2 * (d * d) + epsRoot;
            m[i] = mi;
            s[i] = si;
            p[i] -= lr * (mi / bc1) / (Math.sqrt(si / bc2) + eps);
        }
    }

    @Override
    public String toString() {
        return NAME + "(b1=" + b1 + ", b2=" + b2 + ", eps=" + eps + ", epsRoot=" + epsRoot + ")";
    }
}
