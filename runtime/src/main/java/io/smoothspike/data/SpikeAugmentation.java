package io.smoothspike.data;

import java.util.SplittableRandom;

/**
 * Varies a training trial's input spike times from step to step (see {@link DataSource#augmented}): e.g. jitter or
 * dropped spikes. Trials of a batch are augmented in parallel, each with its own random stream, so an augmentation
 * must keep no mutable state of its own; it must not modify its argument, but returns new arrays.
 */
@FunctionalInterface
public interface SpikeAugmentation {

    /** The augmented spike times of one trial, from its spike times per channel and its random stream. */
    double[][] apply(double[][] times, SplittableRandom random);
}
