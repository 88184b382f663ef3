package io.smoothspike.distributed;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smoothspike.grad.BatchGradient;
import io.smoothspike.grad.TrialEvaluator;
import io.smoothspike.loss.TrialTargets;
import io.smoothspike.network.Json;
import io.smoothspike.network.Network;
import io.smoothspike.network.NetworkFile;
import io.smoothspike.sim.TrialGradient;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An executor thread's copy of the network being trained, loaded from the JSON that {@link NetworkFile#toTree} makes
 * of the driver's network as its training run starts; each step sets its trainable parameters, then sums chunks of the
 * batch as {@link BatchGradient} would.
 */
final class Replica {

    /** The replica of each executor thread. */
    private static final ThreadLocal<Replica> OF_THREAD = new ThreadLocal<>();

    /** The JSON it was loaded from. */
    private final String json;
    private final Network net;
    private final List<String> trainable;
    private TrialEvaluator evaluator;
    private TrialGradient sum;

    private Replica(String json) {
        this.json = json;
        try {
            this.net = NetworkFile.fromTree(Json.STRICT.readTree(json), "the network sent by the driver", Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the network sent by the driver is not JSON: " + e.getOriginalMessage(), e);
        }
        this.trainable = net.trainableParameterNames();
    }

    /**
     * This thread's replica of the network {@code json} describes, loaded where it has none of it yet (a broadcast's
     * value is one object per executor, so comparing the text rarely goes beyond comparing two references).
     */
    static Replica of(String json) {
        Replica r = OF_THREAD.get();
        if (r == null || !r.json.equals(json)) {
            r = new Replica(json);
            OF_THREAD.set(r);
        }
        return r;
    }

    /** Sets the trainable parameters, in the order of {@link Network#trainableParameterNames()}, laid end to end. */
    void setParameters(double[] values) {
        int offset = 0;
        for (String name : trainable) {
            int n = net.parameterLength(name);
            net.setParameter(name, Arrays.copyOfRange(values, offset, offset + n));
            offset += n;
        }
    }

    /** The sum of a chunk's losses and gradients for a batch whose trials carry {@code targets}. */
    ChunkSum sum(Chunk chunk, TrialTargets targets) {
        if (evaluator == null || evaluator.graph() != net.graph()) {
            evaluator = BatchGradient.chunkEvaluator(net.graph(), net.trial(), net.readout());
            sum = new TrialGradient(net.graph());
        }
        try {
            sum.clear();
            double loss = BatchGradient.sumChunk(evaluator, chunk.trials(), chunk.samples(), net.lossFor(targets), 0,
                    chunk.times().length, sum, () -> false);
            return new ChunkSum(chunk.index(), loss, sum.toArray(), null);
        } catch (RuntimeException e) {
            return new ChunkSum(chunk.index(), Double.NaN, null, e);
        }
    }
}
