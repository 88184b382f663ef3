package io.smoothspike.optim;

/**
 * Learning rate as a function of the step number, counted from 0. The factories validate their arguments; {@link
 * #describe()} (also the {@code toString()} of the built-in schedules) gives a readable form such as {@code
 * "cosine(lr=0.01, totalSteps=1000, minLr=0.0)"}.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /**
     * Learning rate at the given step.
     *
     * @param step 0-based step number, {@code >= 0}
     */
    double rate(long step);

    /** Readable description of the schedule and its parameters. */
    default String describe() {
        return toString();
    }

    /** The same rate {@code lr} at every step ({@code lr} finite and {@code >= 0}). */
    static LearningRateSchedule constant(double lr) {
        return new Schedules.Constant(lr);
    }

    /**
     * Continuous exponential decay by a factor 1/e every {@code stepsPerE} steps: {@code lr · exp(-step / stepsPerE)}.
     *
     * @param stepsPerE finite and {@code > 0}
     */
    static LearningRateSchedule exponentialDecay(double lr, double stepsPerE) {
        return new Schedules.ExponentialDecay(lr, stepsPerE);
    }

    /**
     * Piecewise-constant decay: {@code lr · factor^floor(step / everySteps)}.
     *
     * @param factor finite and {@code > 0} (normally {@code < 1})
     * @param everySteps {@code >= 1}
     */
    static LearningRateSchedule stepDecay(double lr, double factor, long everySteps) {
        return new Schedules.StepDecay(lr, factor, everySteps);
    }

    /**
     * Cosine annealing from {@code lr} at step 0 to {@code minLr} at {@code totalSteps}, constant afterwards: {@code
     * minLr + (lr - minLr) · (1 + cos(π · min(step, totalSteps) / totalSteps)) / 2}.
     *
     * @param totalSteps {@code >= 1}
     * @param minLr finite, {@code 0 <= minLr <= lr}
     */
    static LearningRateSchedule cosine(double lr, long totalSteps, double minLr) {
        return new Schedules.Cosine(lr, totalSteps, minLr);
    }
}
