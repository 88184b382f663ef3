package io.smoothspike.optim;

/**
 * Stochastic gradient descent, optionally with (Nesterov) momentum, following PyTorch's convention without dampening
 * or weight decay:
 *
 * <pre>
 * buf = g                    (first step)
 * buf = momentum * buf + g   (later steps)
 * d   = nesterov ? g + momentum * buf : buf
 * p  -= lr * d
 * </pre>
 *
 * With {@code momentum == 0} this is plain {@code p -= lr * g} and the state has no buffers.
 */
public final class Sgd extends AbstractOptimizer {

    private static final String NAME = "sgd";

    private final double momentum;
    private final boolean nesterov;

    /** Plain SGD without momentum. */
    public Sgd(int size) {
        this(size, 0.0, false);
    }

    /**
     * @param momentum momentum factor in [0, 1); 0 disables momentum
     * @param nesterov use Nesterov momentum (requires {@code momentum > 0})
     */
    public Sgd(int size, double momentum, boolean nesterov) {
        super(NAME, size, Checks.unitInterval(NAME, "momentum", momentum) > 0 ? 1 : 0);
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException(NAME + ": nesterov requires momentum > 0, got " + momentum);
        }
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    public double momentum() {
        return momentum;
    }

    public boolean nesterov() {
        return nesterov;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    void update(double[] p, double[] g, double lr, long t) {
        if (momentum == 0) {
            for (int i = 0; i < size; i++) {
                p[i] -= lr * g[i];
            }
            return;
        }
        double[] buf = buffers[0];
        boolean first = t == 1;
        for (int i = 0; i < size; i++) {
            double b = first ? g[i] : momentum * buf[i] + g[i];
            buf[i] = b;
            p[i] -= lr * (nesterov ? g[i] + momentum * b : b);
        }
    }

    @Override
    public String toString() {
        return NAME + "(momentum=" + momentum + ", nesterov=" + nesterov + ")";
    }
}
