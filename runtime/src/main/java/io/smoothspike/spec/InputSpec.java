package io.smoothspike.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A group of external input channels and where their spikes come from. {@code trainTimes} makes the spike times of
 * an explicit source trainable parameters.
 */
public record InputSpec(String name, int size, Source source, boolean trainTimes) {

    /** Where an input group's spikes come from. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Spikes.class, name = "spikes"),
        @JsonSubTypes.Type(value = Poisson.class, name = "poisson"),
        @JsonSubTypes.Type(value = Image.class, name = "image"),
        @JsonSubTypes.Type(value = External.class, name = "external")})
    public sealed interface Source {
    }

    /** Explicit spike times per channel ({@code times[channel]}), the same in every trial. */
    public record Spikes(double[][] times) implements Source {
    }

    /**
     * Independent Poisson trains of {@code rate} on every channel over [start, end), drawn from {@code seed}; the same
     * in every trial unless {@code resample}, which draws trial k from seed + k.
     */
    public record Poisson(double rate, double start, double end, long seed, boolean resample) implements Source {
    }

    /**
     * First-spike image encoder: a pixel of intensity x ∈ [0, 255] at level {@code floor(x (bins + 1) / 256)} sends
     * one spike if the level is at least 1, at {@code T ln(1/(1 − 0.01 (bins − level + 1)))}: brighter is earlier;
     * {@code bins = 1} sends pixels ≥ 128 at T ln(1/0.99) (docs/experiments.md §4.1). Samples come from a data set.
     */
    public record Image(int bins) implements Source {
    }

    /** Spikes supplied with each trial by the caller. */
    public record External() implements Source {
    }
}
