package io.smoothspike.train;

import io.smoothspike.grad.TrialEvaluator;
import io.smoothspike.network.Network;
import io.smoothspike.optim.Optimizer;
import io.smoothspike.sim.SpikeCapExceededException;

/**
 * The step-size scan (docs/experiments.md §3.2) for a fixed task: the optimizer's step is scaled by factors from
 * 1e−5 to 1e2 (log-spaced), and the factor with the lowest loss among those that move no output time of trial 0 by more
 * than {@code maxMove} is taken (none: the parameters stay).
 */
final class StepSizeScan {

    private final Network net;
    private final ParameterVector vector;
    private final int points;
    private final double maxMove;

    StepSizeScan(Network net, ParameterVector vector, int points, double maxMove) {
        this.net = net;
        this.vector = vector;
        this.points = points;
        this.maxMove = maxMove;
    }

    /** Takes the scanned step from {@code params} along the optimizer's step for {@code grad} at rate lr. */
    void step(Optimizer optimizer, double[] params, double[] grad, double lr) {
        double[] start = params.clone();
        optimizer.step(params, grad, lr);
        double[] direction = new double[params.length];
        for (int i = 0; i < params.length; i++) {
            direction[i] = params[i] - start[i];
        }
        double[][] before = outputTimes(net);
        double bestLoss = Double.POSITIVE_INFINITY;
        double bestFactor = 0;
        double[] trial = new double[params.length];
        for (int k = 0; k < points; k++) {
            double factor = Math.pow(10, -5 + 7.0 * k / Math.max(1, points - 1));
            for (int i = 0; i < params.length; i++) {
                trial[i] = start[i] + factor * direction[i];
            }
            vector.clamp(trial);
            vector.scatter(trial);
            double[][] after;
            double loss;
            try {
                loss = new TrialEvaluator(net.graph(), net.trial(), net.readout()).loss(net.input(0), 0,
                        net.loss(null));
                after = outputTimes(net);
            } catch (SpikeCapExceededException e) {
                continue;
            }
            if (maxMove(before, after) <= maxMove && loss < bestLoss) {
                bestLoss = loss;
                bestFactor = factor;
            }
        }
        for (int i = 0; i < params.length; i++) {
            trial[i] = start[i] + bestFactor * direction[i];
        }
        vector.clamp(trial);
        vector.scatter(trial);
    }

    /** Output times of the fixed task's first trial, with the current (possibly trained) input times. */
    static double[][] outputTimes(Network net) {
        return net.simulate(net.input(0)).outputTimes();
    }

    /** The largest difference between corresponding output times. */
    static double maxMove(double[][] a, double[][] b) {
        double m = 0;
        for (int r = 0; r < a.length; r++) {
            for (int j = 0; j < a[r].length; j++) {
                m = Math.max(m, Math.abs(a[r][j] - b[r][j]));
            }
        }
        return m;
    }
}
