package io.smoothspike.train;

import io.smoothspike.loss.TrialTargets;
import io.smoothspike.network.Network;
import io.smoothspike.sim.InputSpikes;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * Where a run's training batches come from: the trials of a fixed task in turn, or mini-batches over a data set in
 * an order shuffled per epoch from the seed. Knows the run's length in steps.
 */
final class BatchSource {

    private final Network net;
    private final TrainingSettings s;
    /** The training set, or null for a fixed task. */
    private final TrialSet train;
    /** Encodes the training batches of a data set (null for fixed tasks). */
    private final BatchEncoder encoder;
    /** The shuffled sample order of epoch {@code orderEpoch}. */
    private int[] order;
    private int orderEpoch = -1;

    /** Batches of {@code train} (null: the network's fixed task) as {@code s} sizes and seeds them. */
    BatchSource(Network net, TrainingSettings s, TrialSet train) {
        this.net = net;
        this.s = s;
        this.train = train;
        this.encoder = train == null ? null : new BatchEncoder(net, train, s.augmentation, s.seed, s.threads);
    }

    /** Whether the batches come from a data set (else from a fixed task). */
    boolean fromData() {
        return train != null;
    }

    /** Optimizer steps per pass over the data set. */
    int stepsPerEpoch() {
        return (train.size() + s.batchSize - 1) / s.batchSize;
    }

    /** Optimizer steps of the whole run. */
    long totalSteps() {
        return train != null ? (long) s.epochs * stepsPerEpoch() : Math.max(1, s.trials / s.batchSize);
    }

    /** The batch of step t (no targets for fixed tasks). */
    BatchEncoder.Batch batch(long t) {
        if (train == null) {
            List<InputSpikes> inputs = new ArrayList<>();
            for (int j = 0; j < s.batchSize; j++) {
                inputs.add(net.input((int) (t * s.batchSize + j)));
            }
            return new BatchEncoder.Batch(inputs, TrialTargets.NONE);
        }
        return BatchEncoder.await(batchAsync(t));
    }

    /** {@link #batch} of a data set's step t, on a background thread (the sample order is taken now). */
    CompletableFuture<BatchEncoder.Batch> batchAsync(long t) {
        int perEpoch = stepsPerEpoch();
        int[] epochOrder = epochOrder((int) (t / perEpoch));
        int from = (int) (t % perEpoch) * s.batchSize;
        return encoder.encodeAsync(k -> epochOrder[k], from, Math.min(epochOrder.length, from + s.batchSize), t);
    }

    /** Trial k of the batch of step t, for messages: its trial number, or the training sample it shows. */
    String describe(long t, int k) {
        if (train == null) {
            return "#" + k + " (trial " + (t * s.batchSize + k) + ")";
        }
        int perEpoch = stepsPerEpoch();
        int[] epochOrder = epochOrder((int) (t / perEpoch));
        return "#" + k + " (training sample " + epochOrder[(int) (t % perEpoch) * s.batchSize + k] + ")";
    }

    /** The order in which epoch {@code epoch} visits the training samples, shuffled from the seed. */
    private int[] epochOrder(int epoch) {
        if (epoch != orderEpoch) {
            order = shuffle(train.size(), s.seed * 1_000_003L + epoch);
            orderEpoch = epoch;
        }
        return order;
    }

    private static int[] shuffle(int n, long seed) {
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int k = n - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            int tmp = order[k];
            order[k] = order[j];
            order[j] = tmp;
        }
        return order;
    }
}
