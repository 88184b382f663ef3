package io.smoothspike.optim;

/**
 * AdaBelief (Zhuang et al. 2020) with the defaults of optax's {@code adabelief}: the second moment is the belief
 * {@code s = b2 s + (1 - b2) (g - m)² + epsRoot}, with m already updated (see {@link MomentOptimizer} for the rest of
 * the update). State buffers: {@code [m, s]}.
 */
public final class AdaBelief extends MomentOptimizer {

    private static final String NAME = "adabelief";

    /** Default hyper-parameters (as in optax). */
    public static final double DEFAULT_B1 = 0.9;
    public static final double DEFAULT_B2 = 0.999;
    public static final double DEFAULT_EPS = 1e-16;
    public static final double DEFAULT_EPS_ROOT = 1e-16;

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
        super(NAME, size, b1, b2, eps);
        this.epsRoot = Checks.nonNegative(NAME, "epsRoot", epsRoot);
    }

    public double epsRoot() {
        return epsRoot;
    }

    @Override
    double secondMoment(double s, double g, double m) {
        double d = g - m;
        return b2 * s + (1 - b2) * (d * d) + epsRoot;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String toString() {
        return NAME + "(b1=" + b1 + ", b2=" + b2 + ", eps=" + eps + ", epsRoot=" + epsRoot + ")";
    }
}
