package io.smoothspike.train;

import io.smoothspike.network.Evaluation;
import io.smoothspike.optim.GradientClipping;
import io.smoothspike.optim.LearningRateSchedule;
import io.smoothspike.optim.Optimizer;

/**
 * One optimizer step from a batch's gradient: clipping (element-wise, then by global norm), the optimizer at the
 * scheduled rate (or the step-size scan), and the parameters kept in their valid ranges.
 */
final class TrainingStep {

    private final TrainingSettings s;
    private final ParameterVector vector;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    /** The step-size scan, or null. */
    private final StepSizeScan scan;
    private final double[] params;
    private final double[] grad;

    TrainingStep(TrainingSettings s, ParameterVector vector, Optimizer optimizer, LearningRateSchedule schedule,
            StepSizeScan scan) {
        this.s = s;
        this.vector = vector;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.scan = scan;
        this.params = new double[vector.length()];
        this.grad = new double[params.length];
    }

    /**
     * Takes step {@code step} from the batch's evaluation; returns null, or (changing nothing) the first non-finite
     * value of the loss or gradient described.
     */
    String take(Evaluation ev, long step) {
        vector.gather(params);
        vector.flatten(ev, grad);
        String problem = vector.nonFinite(ev.loss(), grad);
        if (problem != null) {
            return problem;
        }
        if (s.clipElementwise > 0) {
            GradientClipping.elementwise(grad, s.clipElementwise);
        }
        if (s.clipNorm > 0) {
            GradientClipping.globalNorm(grad, s.clipNorm);
        }
        double lr = schedule.rate(step);
        if (scan != null) {
            scan.step(optimizer, params, grad, lr);
        } else {
            optimizer.step(params, grad, lr);
            vector.clamp(params);
            vector.scatter(params);
        }
        return null;
    }
}
