package io.smoothspike.optim;

/**
 * A first-order optimizer updating a flat parameter vector in place.
 *
 * <p>The vector length is fixed at construction. Implementations keep their moment buffers as primitive arrays,
 * allocate nothing per step and are not thread-safe. {@link #state()} and {@link #restore(OptimizerState)} allow a
 * training run to be checkpointed and resumed bit-identically.
 */
public interface Optimizer {

    /**
     * Applies one update: {@code params} is changed in place from the gradient {@code grad} (which is not modified).
     *
     * @param params parameter vector, length {@link #size()}
     * @param grad gradient of the loss with respect to {@code params}, length {@link #size()}
     * @param learningRate step size for this step; finite and {@code >= 0}
     * @throws IllegalArgumentException if an array has the wrong length or the learning rate is invalid
     */
    void step(double[] params, double[] grad, double learningRate);

    /** Number of steps taken so far (restored by {@link #restore(OptimizerState)}). */
    long steps();

    /** Length of the parameter vector this optimizer was built for. */
    int size();

    /** Short type name, e.g. {@code "adam"}; also the {@link OptimizerState#type()} of its state. */
    String name();

    /** A deep copy of the step count and all internal buffers. */
    OptimizerState state();

    /**
     * Replaces the step count and internal buffers by (copies of) those in {@code state}.
     *
     * @throws IllegalArgumentException if the state belongs to another optimizer type or its buffers do not match
     *     this optimizer's number or size of buffers
     */
    void restore(OptimizerState state);
}
