package io.smoothspike.optim;

/**
 * Adam (Kingma &amp; Ba) with bias correction: the second moment is {@code v = b2 v + (1 - b2) g²} (see
 * {@link MomentOptimizer} for the update). State buffers: {@code [m, v]}.
 */
public final class Adam extends MomentOptimizer {

    private static final String NAME = "adam";

    /** Default hyper-parameters (as in PyTorch and optax). */
    public static final double DEFAULT_B1 = 0.9;
    public static final double DEFAULT_B2 = 0.999;
    public static final double DEFAULT_EPS = 1e-8;

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
        super(NAME, size, b1, b2, eps);
    }

    @Override
    double secondMoment(double v, double g, double m) {
        return b2 * v + (1 - b2) * (g * g);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String toString() {
        return NAME + "(b1=" + b1 + ", b2=" + b2 + ", eps=" + eps + ")";
    }
}
