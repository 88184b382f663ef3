package io.smoothspike.distributed;

import java.io.Serializable;

/**
 * What an executor returns for chunk {@code index} of a batch: the sum of its trials' losses and gradients (in the flat
 * layout of {@link io.smoothspike.sim.TrialGradient#toArray}), or the exception its evaluation threw (a spike-cap hit,
 * say), which the driver throws in the trainer's place.
 */
record ChunkSum(int index, double loss, double[] gradient, RuntimeException failure) implements Serializable {
}
