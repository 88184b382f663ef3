package io.smoothspike.spec;

/**
 * Trial settings: duration T, cap K on network spikes, pseudodynamics sharpness α and pseudo-input rule
 * ({@code auto}, {@code layered} or {@code recurrent}).
 */
public record TrialSpec(double duration, int spikeCap, double alpha, String pseudoRule) {

    /** T with K = 1000, α = 10 and the automatic rule. */
    public static TrialSpec of(double duration) {
        return new TrialSpec(duration, 1000, 10, "auto");
    }
}
