package io.smoothspike.sim;

/**
 * Settings of one trial: its duration T (events at t ≤ T are ordinary) and the cap K on network spikes.
 *
 * @param duration trial duration T, positive and finite
 * @param spikeCap maximal number of network spikes in [0, T], positive
 */
public record TrialSettings(double duration, int spikeCap) {

    public TrialSettings {
        if (!(duration > 0) || Double.isInfinite(duration)) {
            throw new IllegalArgumentException("trial duration T must be positive and finite, got " + duration);
        }
        if (spikeCap <= 0) {
            throw new IllegalArgumentException("spike cap K must be positive, got " + spikeCap);
        }
    }
}
