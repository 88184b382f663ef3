package io.smoothspike.examples;

/**
 * Independent numerical solution of the current-based LIF equations {@code τ_m dV/dt = −V + I},
 * {@code τ_s dI/dt = −I} (no closed form used): classical fixed-step Runge–Kutta 4 and, for the threshold crossing,
 * bisection over a single Runge–Kutta step from the start of the step in which V − ϑ changes sign.
 */
final class Rk4Oracle {

    private final double tauMem;
    private final double tauSyn;
    private final double step;

    Rk4Oracle(double tauMem, double tauSyn, double step) {
        this.tauMem = tauMem;
        this.tauSyn = tauSyn;
        this.step = step;
    }

    private void field(double v, double i, double[] out) {
        out[0] = (-v + i) / tauMem;
        out[1] = -i / tauSyn;
    }

    /** One Runge–Kutta 4 step of size h from (v, i); returns {V, I}. */
    double[] step(double v, double i, double h) {
        double[] k1 = new double[2];
        double[] k2 = new double[2];
        double[] k3 = new double[2];
        double[] k4 = new double[2];
        field(v, i, k1);
        field(v + h / 2 * k1[0], i + h / 2 * k1[1], k2);
        field(v + h / 2 * k2[0], i + h / 2 * k2[1], k3);
        field(v + h * k3[0], i + h * k3[1], k4);
        return new double[] {v + h / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]),
                i + h / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1])};
    }

    /**
     * How V moves from (v, i) over at most {@code duration}: the time it first reaches {@code threshold} (V below
     * it), or +∞; the state then (at the crossing, or at {@code duration}); and the largest V seen until then.
     */
    Segment segment(double v, double i, double threshold, double duration) {
        double[] y = {v, i};
        double max = v;
        int n = (int) Math.ceil(duration / step);
        double h = duration / n;
        for (int k = 0; k < n; k++) {
            double[] next = step(y[0], y[1], h);
            if (next[0] >= threshold) {
                double lo = 0;
                double hi = h;
                for (int b = 0; b < 80; b++) {
                    double mid = 0.5 * (lo + hi);
                    if (step(y[0], y[1], mid)[0] >= threshold) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                return new Segment(k * h + hi, step(y[0], y[1], hi), threshold);
            }
            y = next;
            max = Math.max(max, y[0]);
        }
        return new Segment(Double.POSITIVE_INFINITY, y, max);
    }

    /** Result of {@link #segment}. */
    record Segment(double crossing, double[] end, double maxVoltage) {
    }
}
