package io.smoothspike.testing;

import java.util.Arrays;

/**
 * Adaptive Dormand–Prince 5(4) Runge–Kutta integrator with dense output and upward-crossing event location.
 *
 * <p>Intended only as an independent numerical oracle in tests (for checking closed-form neuron formulas). It uses
 * the FSAL property (7 stages, 6 new derivative evaluations per step), standard step-size control (safety 0.9,
 * factor clamped to [0.2, 5], no growth directly after a rejection) and an RMS error norm with per-component scale
 * {@code atol + rtol * max(|y_i|, |y_new_i|)}. Events are located with the 4th-order continuous extension of the
 * method and a bracketing Illinois (modified regula falsi) root finder with bisection safeguard.
 *
 * <p>Instances are immutable; configuration methods return new instances. Not intended for stiff problems.
 */
public final class Dopri45 {

    /** Right-hand side of the system {@code y' = f(t, y)}. */
    public interface Ode {
        /**
         * Writes {@code f(t, y)} into {@code dydt}.
         *
         * @param t    time
         * @param y    state (must not be modified)
         * @param dydt output array of the same length as {@code y}
         */
        void derivative(double t, double[] y, double[] dydt);
    }

    /** Scalar event function; an event fires where it crosses from negative to {@code >= 0}. */
    public interface EventFunction {
        /**
         * @param t time
         * @param y state at {@code t} (must not be modified)
         * @return the event function value
         */
        double value(double t, double[] y);
    }

    /**
     * Outcome of {@link #integrate}. Components are exposed both as public final fields and as record-style
     * accessors.
     */
    public static final class Result {
        /** Final time: {@code t1} exactly, or the event time if {@link #eventHit}. */
        public final double t;
        /** State at {@link #t} (a fresh array owned by this result). */
        public final double[] y;
        /** Whether integration stopped at an upward event crossing. */
        public final boolean eventHit;
        /** Number of accepted steps. */
        public final int steps;

        /**
         * @param t        final time
         * @param y        state at {@code t}
         * @param eventHit whether an event stopped integration
         * @param steps    number of accepted steps
         */
        public Result(double t, double[] y, boolean eventHit, int steps) {
            this.t = t;
            this.y = y;
            this.eventHit = eventHit;
            this.steps = steps;
        }

        /** @return {@link #t} */
        public double t() {
            return t;
        }

        /** @return {@link #y} */
        public double[] y() {
            return y;
        }

        /** @return {@link #eventHit} */
        public boolean eventHit() {
            return eventHit;
        }

        /** @return {@link #steps} */
        public int steps() {
            return steps;
        }

        @Override
        public String toString() {
            return "Result[t=" + t + ", y=" + Arrays.toString(y) + ", eventHit=" + eventHit + ", steps=" + steps + "]";
        }
    }

    /** Default limit on attempted (accepted plus rejected) steps per {@link #integrate} call. */
    public static final int DEFAULT_MAX_STEPS = 10_000_000;

    /** Default number of event-function samples per accepted step (evaluated on the dense output). */
    public static final int DEFAULT_EVENT_SAMPLES = 4;

    // Butcher tableau (Dormand & Prince 1980).
    private static final double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private static final double A21 = 1.0 / 5;
    private static final double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private static final double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private static final double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561,
            A54 = -212.0 / 729;
    private static final double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176,
            A65 = -5103.0 / 18656;
    // 5th-order weights (also stage 7 row; b2 = 0, b7 = 0).
    private static final double B1 = 35.0 / 384, B3 = 500.0 / 1113, B4 = 125.0 / 192, B5 = -2187.0 / 6784,
            B6 = 11.0 / 84;
    // Error weights: b(5th) - b(4th).
    private static final double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200,
            E6 = 22.0 / 525, E7 = -1.0 / 40;
    // Continuous-extension coefficients (Hairer, Nørsett & Wanner, dense output of order 4).
    private static final double D1 = -12715105075.0 / 11282082432.0, D3 = 87487479700.0 / 32700410799.0,
            D4 = -10690763975.0 / 1880347072.0, D5 = 701980252875.0 / 199316789632.0,
            D6 = -1453857185.0 / 822651844.0, D7 = 69997945.0 / 29380423.0;

    private static final double SAFETY = 0.9;
    private static final double MIN_FACTOR = 0.2;
    private static final double MAX_FACTOR = 5.0;
    private static final double EVENT_REL_TOL = 1e-14;

    private final double rtol;
    private final double atol;
    private final int maxSteps;
    private final double maxStepSize;
    private final int eventSamples;

    /**
     * Creates an integrator with {@link #DEFAULT_MAX_STEPS}.
     *
     * @param rtol relative tolerance ({@code >= 0})
     * @param atol absolute tolerance ({@code >= 0}); {@code rtol + atol} must be positive
     */
    public Dopri45(double rtol, double atol) {
        this(rtol, atol, DEFAULT_MAX_STEPS);
    }

    /**
     * @param rtol     relative tolerance ({@code >= 0})
     * @param atol     absolute tolerance ({@code >= 0}); {@code rtol + atol} must be positive
     * @param maxSteps limit on attempted steps per {@link #integrate} call; exceeding it throws
     *                 {@link IllegalStateException}
     */
    public Dopri45(double rtol, double atol, int maxSteps) {
        this(rtol, atol, maxSteps, Double.POSITIVE_INFINITY, DEFAULT_EVENT_SAMPLES);
    }

    private Dopri45(double rtol, double atol, int maxSteps, double maxStepSize, int eventSamples) {
        if (!(rtol >= 0) || !(atol >= 0) || Double.isInfinite(rtol) || Double.isInfinite(atol)
                || !(rtol + atol > 0)) {
            throw new IllegalArgumentException("need finite rtol >= 0, atol >= 0, rtol + atol > 0; got rtol="
                    + rtol + ", atol=" + atol);
        }
        if (maxSteps <= 0) {
            throw new IllegalArgumentException("maxSteps must be positive: " + maxSteps);
        }
        if (!(maxStepSize > 0)) {
            throw new IllegalArgumentException("maxStepSize must be positive: " + maxStepSize);
        }
        if (eventSamples < 1) {
            throw new IllegalArgumentException("eventSamples must be >= 1: " + eventSamples);
        }
        this.rtol = rtol;
        this.atol = atol;
        this.maxSteps = maxSteps;
        this.maxStepSize = maxStepSize;
        this.eventSamples = eventSamples;
    }

    /** @return a copy with the given limit on attempted steps per call */
    public Dopri45 withMaxSteps(int maxSteps) {
        return new Dopri45(rtol, atol, maxSteps, maxStepSize, eventSamples);
    }

    /** @return a copy whose step size never exceeds {@code maxStepSize} (default: unbounded) */
    public Dopri45 withMaxStepSize(double maxStepSize) {
        return new Dopri45(rtol, atol, maxSteps, maxStepSize, eventSamples);
    }

    /**
     * @param samples number of equally spaced points per accepted step at which the event function is checked
     *                (on the dense output), which catches crossing pairs inside one step; {@code 1} checks only
     *                step ends
     * @return a copy with that sampling
     */
    public Dopri45 withEventSamples(int samples) {
        return new Dopri45(rtol, atol, maxSteps, maxStepSize, samples);
    }

    /** @return the limit on attempted steps per call */
    public int maxSteps() {
        return maxSteps;
    }

    /**
     * Integrates {@code y' = f(t, y)} from {@code t0} to {@code t1}, optionally stopping at the first upward crossing
     * of {@code event}.
     *
     * <p>An event fires at the first time after {@code t0} where the event function goes from {@code < 0} to
     * {@code >= 0}; a value {@code >= 0} at {@code t0} itself never fires. The crossing time is located to within
     * {@code 1e-14 * max(1, |t|)} (of the dense-output trajectory), and the returned time is the bracket end where
     * the event function is {@code >= 0}. Without an event, the last step lands exactly on {@code t1}.
     *
     * @param ode   right-hand side
     * @param t0    initial time
     * @param y0    initial state (not modified)
     * @param t1    final time, {@code >= t0} (if equal, {@code y0} is returned with zero steps)
     * @param event event function, or {@code null} for none
     * @return final time, state, whether an event stopped integration, and the number of accepted steps
     * @throws IllegalStateException if more than {@code maxSteps} steps are attempted, or the step size underflows
     */
    public Result integrate(Ode ode, double t0, double[] y0, double t1, EventFunction event) {
        if (ode == null || y0 == null) {
            throw new IllegalArgumentException("ode and y0 must be non-null");
        }
        if (!Double.isFinite(t0) || !Double.isFinite(t1) || !(t1 >= t0)) {
            throw new IllegalArgumentException("need finite t0 <= t1; got t0=" + t0 + ", t1=" + t1);
        }
        final int n = y0.length;
        double[] y = y0.clone();
        if (t1 == t0) {
            return new Result(t0, y, false, 0);
        }

        double[] k1 = new double[n], k2 = new double[n], k3 = new double[n], k4 = new double[n];
        double[] k5 = new double[n], k6 = new double[n], k7 = new double[n];
        double[] ytmp = new double[n], ynew = new double[n];
        // Dense-output coefficients for the current accepted step.
        double[] r1 = new double[n], r2 = new double[n], r3 = new double[n], r4 = new double[n];
        double[] ydense = new double[n];

        double t = t0;
        ode.derivative(t, y, k1);
        double gPrev = event == null ? 0.0 : event.value(t, y);

        double h = initialStep(ode, t0, y, k1, t1 - t0, ytmp, k2);
        int accepted = 0;
        int attempted = 0;
        boolean rejectedLast = false;

        while (true) {
            if (attempted >= maxSteps) {
                throw new IllegalStateException("Dopri45: exceeded maxSteps=" + maxSteps + " at t=" + t + " (h=" + h
                        + ", target t1=" + t1 + ")");
            }
            attempted++;

            h = Math.min(h, maxStepSize);
            boolean last = false;
            double remaining = t1 - t;
            if (h >= remaining || t + 1.0001 * h >= t1) {
                h = remaining;
                last = true;
            }
            if (!(t + h > t)) {
                throw new IllegalStateException("Dopri45: step size underflow at t=" + t + " (h=" + h + ")");
            }
            double tNew = last ? t1 : t + h;

            // Stages 2..6.
            for (int i = 0; i < n; i++) {
                ytmp[i] = y[i] + h * A21 * k1[i];
            }
            ode.derivative(t + C2 * h, ytmp, k2);
            for (int i = 0; i < n; i++) {
                ytmp[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
            }
            ode.derivative(t + C3 * h, ytmp, k3);
            for (int i = 0; i < n; i++) {
                ytmp[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
            }
            ode.derivative(t + C4 * h, ytmp, k4);
            for (int i = 0; i < n; i++) {
                ytmp[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
            }
            ode.derivative(t + C5 * h, ytmp, k5);
            for (int i = 0; i < n; i++) {
                ytmp[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
            }
            ode.derivative(t + h, ytmp, k6);
            // 5th-order solution and FSAL stage 7.
            for (int i = 0; i < n; i++) {
                ynew[i] = y[i] + h * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
            }
            ode.derivative(tNew, ynew, k7);

            // Error estimate (RMS norm).
            double sum = 0.0;
            for (int i = 0; i < n; i++) {
                double e = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
                double sc = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(ynew[i]));
                double q = e / sc;
                sum += q * q;
            }
            double err = n == 0 ? 0.0 : Math.sqrt(sum / n);
            if (!Double.isFinite(err)) {
                err = Double.POSITIVE_INFINITY;
            }

            if (err > 1.0) {
                double factor = Double.isInfinite(err) ? MIN_FACTOR
                        : Math.max(MIN_FACTOR, SAFETY * Math.pow(err, -0.2));
                h *= factor;
                rejectedLast = true;
                continue;
            }

            // Accepted step.
            accepted++;
            if (event != null) {
                for (int i = 0; i < n; i++) {
                    double dy = ynew[i] - y[i];
                    double bspl = h * k1[i] - dy;
                    r1[i] = dy;
                    r2[i] = bspl;
                    r3[i] = dy - h * k7[i] - bspl;
                    r4[i] = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
                }
                DenseStep step = new DenseStep(t, tNew, y, ynew, r1, r2, r3, r4, ydense);
                double ta = t;
                double ga = gPrev;
                for (int s = 1; s <= eventSamples; s++) {
                    double tb = s == eventSamples ? tNew : t + (tNew - t) * s / eventSamples;
                    double gb = event.value(tb, step.state(tb));
                    if (ga < 0 && gb >= 0) {
                        double tEvent = locate(event, step, ta, ga, tb, gb);
                        return new Result(tEvent, step.state(tEvent).clone(), true, accepted);
                    }
                    ta = tb;
                    ga = gb;
                }
                gPrev = ga;
            }

            // Advance (FSAL: k7 becomes the next k1).
            double[] swap = y;
            y = ynew;
            ynew = swap;
            swap = k1;
            k1 = k7;
            k7 = swap;
            t = tNew;
            if (last) {
                return new Result(t1, y.clone(), false, accepted);
            }

            double factor = err == 0.0 ? MAX_FACTOR
                    : Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, SAFETY * Math.pow(err, -0.2)));
            if (rejectedLast) {
                factor = Math.min(factor, 1.0);
            }
            rejectedLast = false;
            h *= factor;
        }
    }

    /** Initial step-size heuristic (Hairer, Nørsett &amp; Wanner, Sect. II.4). */
    private double initialStep(Ode ode, double t0, double[] y0, double[] f0, double span, double[] y1, double[] f1) {
        int n = y0.length;
        double hMax = Math.min(span, maxStepSize);
        if (n == 0) {
            return hMax;
        }
        double d0 = 0, d1 = 0;
        for (int i = 0; i < n; i++) {
            double sc = atol + rtol * Math.abs(y0[i]);
            d0 += sq(y0[i] / sc);
            d1 += sq(f0[i] / sc);
        }
        d0 = Math.sqrt(d0 / n);
        d1 = Math.sqrt(d1 / n);
        double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.min(h0, hMax);
        for (int i = 0; i < n; i++) {
            y1[i] = y0[i] + h0 * f0[i];
        }
        ode.derivative(t0 + h0, y1, f1);
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            double sc = atol + rtol * Math.abs(y0[i]);
            d2 += sq((f1[i] - f0[i]) / sc);
        }
        d2 = Math.sqrt(d2 / n) / h0;
        double dMax = Math.max(d1, d2);
        double h1 = (!Double.isFinite(dMax) || dMax <= 1e-15) ? Math.max(1e-6, h0 * 1e-3)
                : Math.pow(0.01 / dMax, 0.2);
        if (!Double.isFinite(h1)) {
            h1 = 1e-6;
        }
        return Math.min(Math.min(100 * h0, h1), hMax);
    }

    /**
     * Finds the upward crossing in [a, b] with g(a) &lt; 0 &lt;= g(b) by the Illinois method with a bisection
     * safeguard; returns the bracket end where g &gt;= 0.
     */
    private static double locate(EventFunction event, DenseStep step, double a, double ga, double b, double gb) {
        double fa = ga, fb = gb; // possibly down-weighted copies used for the secant
        int side = 0;
        double widthBefore = b - a;
        for (int iter = 0; iter < 400; iter++) {
            double tol = EVENT_REL_TOL * Math.max(1.0, Math.abs(b));
            double width = b - a;
            if (width <= tol) {
                break;
            }
            double mid = a + 0.5 * width;
            if (mid <= a || mid >= b) {
                break; // adjacent floating-point numbers
            }
            double c;
            if (iter % 4 == 3 && width > 0.5 * widthBefore) {
                c = mid; // slow progress: bisect
            } else {
                c = b - fb * (b - a) / (fb - fa);
                if (!(c > a && c < b)) {
                    c = mid;
                }
                // Keep a small margin from the ends so both sides of the bracket shrink.
                double margin = 0.25 * tol;
                if (c - a < margin) {
                    c = Math.min(a + margin, mid);
                } else if (b - c < margin) {
                    c = Math.max(b - margin, mid);
                }
            }
            if (iter % 4 == 3) {
                widthBefore = width;
            }
            double gc = event.value(c, step.state(c));
            if (gc >= 0) {
                b = c;
                fb = gc;
                if (side == 1) {
                    fa *= 0.5;
                }
                side = 1;
                if (gc == 0) {
                    break;
                }
            } else {
                a = c;
                fa = gc;
                if (side == -1) {
                    fb *= 0.5;
                }
                side = -1;
            }
        }
        return b;
    }

    private static double sq(double x) {
        return x * x;
    }

    /** Continuous extension of one accepted step. */
    private static final class DenseStep {
        private final double tOld, tNew, h;
        private final double[] yOld, yNew, r1, r2, r3, r4, out;

        DenseStep(double tOld, double tNew, double[] yOld, double[] yNew, double[] r1, double[] r2, double[] r3,
                  double[] r4, double[] out) {
            this.tOld = tOld;
            this.tNew = tNew;
            this.h = tNew - tOld;
            this.yOld = yOld;
            this.yNew = yNew;
            this.r1 = r1;
            this.r2 = r2;
            this.r3 = r3;
            this.r4 = r4;
            this.out = out;
        }

        /** State at time t in [tOld, tNew]; returns a shared scratch array (or the step's end state). */
        double[] state(double t) {
            if (t == tNew) {
                return yNew;
            }
            if (t == tOld) {
                return yOld;
            }
            double th = (t - tOld) / h;
            double th1 = 1.0 - th;
            for (int i = 0; i < out.length; i++) {
                out[i] = yOld[i] + th * (r1[i] + th1 * (r2[i] + th * (r3[i] + th1 * r4[i])));
            }
            return out;
        }
    }
}
