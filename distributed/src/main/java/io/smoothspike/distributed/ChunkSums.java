package io.smoothspike.distributed;

import io.smoothspike.loss.TrialTargets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * The Spark task of one step of data-parallel training: sums its chunks of the batch, one after the other, on this
 * executor thread's {@link Replica} of the network with the step's parameters. The parameters are a field, not a
 * broadcast of their own: Spark broadcasts each stage's function once per executor anyway, so they reach the
 * executors with it, without another round trip.
 */
final class ChunkSums implements FlatMapFunction<Iterator<List<Chunk>>, ChunkSum> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<String> model;
    private final double[] parameters;
    private final TrialTargets targets;

    /**
     * @param model the network as the run started (the JSON of {@link io.smoothspike.network.NetworkFile#toTree})
     * @param parameters the trainable parameters of this step, laid end to end
     * @param targets what the batch's trials carry (labels, target times or nothing), by sample
     */
    ChunkSums(Broadcast<String> model, double[] parameters, TrialTargets targets) {
        this.model = model;
        this.parameters = parameters;
        this.targets = targets;
    }

    @Override
    public Iterator<ChunkSum> call(Iterator<List<Chunk>> tasks) {
        Replica replica = Replica.of(model.value());
        replica.setParameters(parameters);
        List<ChunkSum> sums = new ArrayList<>();
        while (tasks.hasNext()) {
            for (Chunk chunk : tasks.next()) {
                sums.add(replica.sum(chunk, targets));
            }
        }
        return sums.iterator();
    }
}
