package io.smoothspike.train;

import io.smoothspike.network.Evaluation;
import io.smoothspike.network.Network;
import java.util.function.Supplier;

/**
 * Where the trainer computes each batch's mean loss and gradient: {@link #LOCAL}ly on this JVM's threads
 * ({@link Network#lossAndGradient}), or spread over other machines by an implementation that gives the same
 * {@link Evaluation} bit for bit (the distributed module's data-parallel training). The trainer uses the one
 * installed for its thread with {@link #using}, else {@link #LOCAL}.
 */
@FunctionalInterface
public interface BatchGradients {

    /** The batch gradients of one training run. */
    @FunctionalInterface
    interface Run {

        /** Mean loss and gradient of {@code batch} at the network's current parameters, on {@code threads} here. */
        Evaluation lossAndGradient(BatchEncoder.Batch batch, int threads);
    }

    /** On this JVM's threads. */
    BatchGradients LOCAL = net -> (batch, threads) -> net.lossAndGradientFor(batch.inputs(), batch.targets(), threads);

    /**
     * Starts the batch gradients of a training run of {@code net}, whose parameters are as the run starts; only its
     * trainable ones change from step to step.
     */
    Run start(Network net);

    /** The batch gradients installed for this thread, or {@link #LOCAL}. */
    static BatchGradients current() {
        return InstalledGradients.current();
    }

    /** Runs {@code body} with {@code gradients} installed for this thread (training runs it starts use them). */
    static <T> T using(BatchGradients gradients, Supplier<T> body) {
        return InstalledGradients.using(gradients, body);
    }
}
