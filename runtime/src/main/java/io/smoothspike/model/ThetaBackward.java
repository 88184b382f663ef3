package io.smoothspike.model;

import io.smoothspike.math.Arctangent;
import io.smoothspike.math.Sums;

/**
 * The backward sweep of a theta population over its {@link ThetaRecord}: {@link ThetaKernel} hands its backward calls
 * here, in the reverse order of the forward run.
 *
 * <p>The sweep works in phase coordinates, where the flow is the identity (dφ/dt = 1): the adjoint of a neuron only
 * changes at its touches, by the rational derivatives of H; weight gradients cost one addition per synaptic event.
 * A group's backward delivery calls are bracketed by {@link #enterGroup()} (which computes the per-neuron factors)
 * and {@link #leaveGroup()} (which passes the adjoints through H after the group's last call).
 */
final class ThetaBackward {
    private final int size;
    private final Theta model;
    private final double tau;
    private final double r;
    private final double invR;
    private final double omega;
    private final double period;
    private final ThetaRecord record;

    private final double[] adjoint;
    private final double[] weightFactor;
    private final double[] timeFactor;
    private final double[] xNow;
    private final double[] timeTerm;
    private final double[] groupWeight;
    private final double[] groupWeightGrad;
    /** Scratch of {@link #passAdjointConstants}: the input map's derivatives at one touch. */
    private final PseudoState jumpResult;
    private final double[] constantAdjoint = new double[2];
    private boolean wantConstants;
    private int group;
    private int callsLeft;
    /** Number of single-dense groups not yet passed. */
    private int denseLeft;

    ThetaBackward(int size, Theta model, ThetaRecord record) {
        this.size = size;
        this.model = model;
        this.tau = model.tau();
        this.r = model.r();
        this.invR = 1 / r;
        this.omega = r / tau;
        this.period = model.period();
        this.record = record;
        this.adjoint = new double[size];
        this.weightFactor = new double[size];
        this.timeFactor = new double[size];
        this.xNow = new double[size];
        this.timeTerm = new double[size];
        this.groupWeight = new double[size];
        this.groupWeightGrad = new double[size];
        this.jumpResult = PseudoState.of(model);
    }

    /** See {@link PopulationKernel#beginBackward}; the record must be complete (no pending inputs). */
    void begin(double[] finalAdjoint) {
        System.arraycopy(finalAdjoint, 0, adjoint, 0, size);
        constantAdjoint[0] = 0;
        constantAdjoint[1] = 0;
        group = record.groupCount - 1;
        denseLeft = record.denseCount;
        callsLeft = 0;
    }

    /** dL/d(τ, I0) costs two atan2 per recorded touch; off by default. */
    void setConstantGradients(boolean on) {
        wantConstants = on;
    }

    /** Opens the current group for backward delivery calls if none is open. */
    private void enterGroup() {
        if (callsLeft > 0) {
            return;
        }
        if (group < 0) {
            throw new IllegalStateException("backward sweep out of step with the recorded forward run");
        }
        ThetaRecord rec = record;
        callsLeft = rec.groupCalls[group];
        double scale = tau / (r * r);
        for (int t = rec.groupStart[group]; t < rec.groupStart[group + 1]; t++) {
            int i = rec.touchNeuron[t];
            double qq = rec.touchQ[t];
            if (qq == 0) {
                weightFactor[i] = 0;
                timeFactor[i] = 0;
                xNow[i] = 0;
                continue;
            }
            double pp = rec.touchP[t] + rec.touchSum[t] * invR * qq;
            double q2n = qq * qq / (pp * pp + qq * qq);
            weightFactor[i] = adjoint[i] * scale * q2n;
            timeFactor[i] = adjoint[i] * q2n;
            xNow[i] = pp / qq;
        }
    }

    /** After the group's last backward call: passes the adjoints through H. */
    private void leaveGroup() {
        if (--callsLeft > 0) {
            return;
        }
        ThetaRecord rec = record;
        for (int t = rec.groupStart[group]; t < rec.groupStart[group + 1]; t++) {
            passAdjoint(rec.touchNeuron[t], rec.touchP[t], rec.touchQ[t], rec.touchSum[t]);
        }
        group--;
    }

    /** Passes neuron i's adjoint back through its touch H(·, w) from the point (p0, qq) before it. */
    private void passAdjoint(int i, double p0, double qq, double w) {
        if (wantConstants) {
            passAdjointConstants(i, p0, qq, w);
        }
        double pp = p0 + w * invR * qq;
        adjoint[i] = adjoint[i] * (p0 * p0 + qq * qq) / (pp * pp + qq * qq);
    }

    /** One synaptic event of the open group, in reverse: returns its dL/dt share. */
    private double backwardOne(int i, double w, double[] weightGrad, int k) {
        weightGrad[k] += weightFactor[i];
        double x = xNow[i];
        double xm = x - w * invR;
        xNow[i] = xm;
        return timeFactor[i] * (xm - x) * (xm + x);
    }

    /** See {@link PopulationKernel#backwardSparse}. */
    double backwardSparse(int[] targets, double[] weights, double[] weightGrad, int from, int to,
            boolean timeAdjoint) {
        enterGroup();
        double sum = 0;
        if (timeAdjoint) {
            for (int n = to - 1; n >= from; n--) {
                sum += backwardOne(targets[n], weights[n], weightGrad, n);
            }
        } else {
            double[] wf = weightFactor;
            for (int n = to - 1; n >= from; n--) {
                weightGrad[n] += wf[targets[n]];
            }
        }
        leaveGroup();
        return sum;
    }

    /** See {@link PopulationKernel#backwardDense}. */
    double backwardDense(double[] weights, double[] weightGrad, int offset, boolean timeAdjoint) {
        if (singleDenseGroupNext()) {
            double sum = backwardSingleDense(weights, offset, timeAdjoint);
            double[] g = groupWeightGrad;
            for (int i = 0; i < size; i++) {
                weightGrad[offset + i] += g[i];
            }
            return sum;
        }
        enterGroup();
        double sum = 0;
        if (timeAdjoint) {
            for (int i = size - 1; i >= 0; i--) {
                sum += backwardOne(i, weights[offset + i], weightGrad, offset + i);
            }
        } else {
            // weight gradients only: one addition per synaptic event
            double[] wf = weightFactor;
            for (int i = 0; i < size; i++) {
                weightGrad[offset + i] += wf[i];
            }
        }
        leaveGroup();
        return sum;
    }

    /** Whether the next backward delivery call is that of a group made of one dense delivery. */
    private boolean singleDenseGroupNext() {
        return callsLeft == 0 && group >= 0 && record.groupSingleDense[group];
    }

    /** See {@link PopulationKernel#backwardDenseRow}. */
    int backwardDenseRow(double[] weights, int offset, double[] row, int lastKey) {
        int key = group; // the recorded group this delivery belongs to: unique within the sweep
        if (singleDenseGroupNext()) {
            backwardSingleDense(weights, offset, false);
            System.arraycopy(groupWeightGrad, 0, row, 0, size);
            return key;
        }
        enterGroup();
        if (key != lastKey) {
            // every neuron was touched (the group has a dense delivery), so the row is complete
            System.arraycopy(weightFactor, 0, row, 0, size);
        }
        leaveGroup();
        return key;
    }

    /**
     * The reverse of a group made of one dense delivery, in one pass: the summed input of neuron i is
     * {@code weights[offset + i]}. With (p0, q) the point before the shear and p = p0 + (w/r) q after it, dH/dw =
     * (τ/r²) q²/(p² + q²), dH/dφ = (p0² + q²)/(p² + q²) and the event time's share is the adjoint times
     * −(w/r) q (p0 + p)/(p² + q²). Leaves the row of weight gradients in {@code groupWeightGrad}; returns the event
     * time's share.
     */
    private double backwardSingleDense(double[] weights, int offset, boolean timeAdjoint) {
        int dense = --denseLeft;
        double[] p = record.denseP[dense];
        double[] q = record.denseQ[dense];
        if (wantConstants) {
            for (int i = 0; i < size; i++) {
                double sign = q[i] < 0 ? -1 : 1;
                passAdjointConstants(i, sign * p[i], sign * q[i], weights[offset + i]);
            }
        }
        // HotSpot's C2 (JDK 17) vectorizes this loop only if all its arrays share one index and it has no negation:
        // a copy of the weights, and the sign of the time term outside (about 2x faster). The terms are even in
        // the point (p0, q), so the record needs no sign normalisation.
        double[] w = groupWeight;
        double[] g = groupWeightGrad;
        double[] term = timeTerm;
        double[] lam = adjoint;
        System.arraycopy(weights, offset, w, 0, size);
        double scale = tau / (r * r);
        double k = invR;
        for (int i = 0; i < size; i++) {
            double p0 = p[i];
            double qq = q[i];
            double q2 = qq * qq;
            double shear = w[i] * k * qq;
            double pp = p0 + shear;
            double l = lam[i] / (pp * pp + q2);
            g[i] = l * q2 * scale;
            term[i] = l * shear * (p0 + pp);
            lam[i] = l * (p0 * p0 + q2);
        }
        group--;
        return timeAdjoint ? -Sums.sum(term, 0, size) : 0;
    }

    /** Adds neuron i's share of dL/d(τ, I0) at its touch (p0, qq) with summed input w. */
    private void passAdjointConstants(int i, double p0, double qq, double w) {
        double phi = (Arctangent.atan2(p0, qq) + Math.PI / 2) / omega;
        model.jump(phi, p0, qq, w, jumpResult);
        constantAdjoint[0] += adjoint[i] * jumpResult.dPhaseDConstant[0];
        constantAdjoint[1] += adjoint[i] * jumpResult.dPhaseDConstant[1];
    }

    /** See {@link PopulationKernel#backwardFire}. */
    void backwardFire(int i, double timeAdjoint) {
        double total = timeAdjoint - adjoint[i];
        adjoint[i] -= timeAdjoint;
        // the spike time is t = s + Θ − φ(s): ∂/∂φ = −1, ∂/∂(τ, I0) = ∂Θ/∂(τ, I0)
        constantAdjoint[0] += total * period / tau;
        constantAdjoint[1] += total * -period / (2 * r * r);
    }

    /** See {@link PopulationKernel#endBackward}. */
    void end(double[] initialStateGrad, double[] constantGrad) {
        if (group >= 0 || callsLeft > 0) {
            throw new IllegalStateException("backward sweep ended before the recorded forward run's start");
        }
        for (int i = 0; i < size; i++) {
            initialStateGrad[i] += adjoint[i];
        }
        constantGrad[0] += constantAdjoint[0];
        constantGrad[1] += constantAdjoint[1];
    }
}
