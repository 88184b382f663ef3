package io.smoothspike.optim;

/**
 * Common part of the optimizers: length checks, step counting and state copying. Subclasses own {@code
 * bufferCount} arrays of length {@code size} and implement {@link #update}.
 */
abstract class AbstractOptimizer implements Optimizer {

    final int size;
    final double[][] buffers;
    private long steps;

    AbstractOptimizer(String name, int size, int bufferCount) {
        this.size = Checks.size(name, size);
        this.buffers = new double[bufferCount][size];
    }

    /**
     * Updates {@code p} in place.
     *
     * @param t the 1-based index of this step (1 on the first call)
     */
    abstract void update(double[] p, double[] g, double lr, long t);

    @Override
    public final void step(double[] params, double[] grad, double learningRate) {
        if (params == null || grad == null) {
            throw new IllegalArgumentException(name() + ": params and grad must not be null");
        }
        if (params.length != size || grad.length != size) {
            throw new IllegalArgumentException(name() + ": expected params and grad of length " + size
                    + ", got params.length=" + params.length + ", grad.length=" + grad.length);
        }
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException(name() + ": learning rate must be finite and >= 0, got "
                    + learningRate);
        }
        update(params, grad, learningRate, steps + 1);
        steps++;
    }

    @Override
    public final long steps() {
        return steps;
    }

    @Override
    public final int size() {
        return size;
    }

    @Override
    public final OptimizerState state() {
        return new OptimizerState(name(), steps, buffers);
    }

    @Override
    public final void restore(OptimizerState state) {
        if (state == null) {
            throw new IllegalArgumentException(name() + ": cannot restore a null state");
        }
        if (!name().equals(state.type())) {
            throw new IllegalArgumentException(
                    "cannot restore a '" + state.type() + "' optimizer state into a '" + name() + "' optimizer");
        }
        double[][] src = state.buffers();
        if (src.length != buffers.length) {
            throw new IllegalArgumentException(name() + ": state has " + src.length + " buffer(s) but " + this
                    + " expects " + buffers.length);
        }
        for (int i = 0; i < src.length; i++) {
            if (src[i].length != size) {
                throw new IllegalArgumentException(name() + ": state buffer " + i + " has length " + src[i].length
                        + " but the optimizer size is " + size);
            }
        }
        for (int i = 0; i < src.length; i++) {
            System.arraycopy(src[i], 0, buffers[i], 0, size);
        }
        steps = state.steps();
    }
}
