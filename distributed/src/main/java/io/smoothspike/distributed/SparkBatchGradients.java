package io.smoothspike.distributed;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smoothspike.grad.BatchGradient;
import io.smoothspike.network.Evaluation;
import io.smoothspike.network.Json;
import io.smoothspike.network.Network;
import io.smoothspike.network.NetworkFile;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.TrialGradient;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.Losses;
import io.smoothspike.train.BatchEncoder;
import io.smoothspike.train.BatchGradients;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Data-parallel batch gradients on Spark. A training run broadcasts the network once; each step cuts the batch into
 * {@link BatchGradient}'s chunks and runs one task per executor core (at most one per chunk), each with the trainable
 * parameters and the consecutive chunks that start in its share of the batch ({@link ChunkSums}). The driver then
 * adds the chunk sums in chunk order, as {@link BatchGradient} does, so that the mean loss and gradient are those of
 * one machine bit for bit, whatever the cluster, its cores and the order in which the tasks finish (which is why it
 * does not use Spark's {@code treeAggregate} or {@code fold}: they combine partial results in the order they arrive).
 * Spark starts with the first training run, so that a script that fails before it, or trains a network this cannot,
 * does not wait for a cluster.
 */
final class SparkBatchGradients implements BatchGradients, AutoCloseable {

    private final SparkConf conf;
    /** Null until the first training run. */
    private JavaSparkContext sc;
    /** The network of the current training run, as the executors load it. */
    private Broadcast<String> model;

    SparkBatchGradients(SparkConf conf) {
        this.conf = conf;
    }

    @Override
    public Run start(Network net) {
        if (!net.sumsBatchesInChunks()) {
            throw new IllegalArgumentException("data-parallel training sums each batch in chunks, but a network with "
                    + "trainable input spike times or model constants sums its batches trial by trial; train it with "
                    + "'smoothspike run'");
        }
        String ownCode = lossOfOwnCode(net.spec().loss());
        if (ownCode != null) {
            throw new IllegalArgumentException("data-parallel training cannot send the code of " + ownCode + " to the "
                    + "executors (they know the built-in losses only); train it with 'smoothspike run'");
        }
        if (sc == null) {
            sc = new JavaSparkContext(conf);
        }
        if (model != null) {
            model.destroy();
        }
        model = sc.broadcast(json(net));
        Broadcast<String> runModel = model;
        return (batch, threads) -> lossAndGradient(net, runModel, batch);
    }

    private Evaluation lossAndGradient(Network net, Broadcast<String> runModel, BatchEncoder.Batch batch) {
        List<InputSpikes> inputs = batch.inputs();
        int n = inputs.size();
        int chunks = BatchGradient.chunkCount(n);
        int tasks = Math.min(chunks, sc.defaultParallelism());
        List<List<Chunk>> perTask = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            perTask.add(new ArrayList<>());
        }
        for (int c = 0; c < chunks; c++) {
            int from = BatchGradient.chunkStart(c, chunks, n);
            // task t takes the chunks that start in its 1/tasks of the batch: about as many trials as the others
            perTask.get((int) ((long) from * tasks / n)).add(Chunk.of(c, inputs, from,
                    BatchGradient.chunkStart(c + 1, chunks, n)));
        }
        JavaFutureAction<List<ChunkSum>> job = sc.parallelize(perTask, tasks)
                .mapPartitions(new ChunkSums(runModel, trainableParameters(net), batch.targets())).collectAsync();
        return mean(net, await(job), n);
    }

    /** The loss in {@code spec} whose code the executors may lack (a custom loss, a kind of one's own), or null. */
    private static String lossOfOwnCode(LossSpec spec) {
        if (spec instanceof LossSpec.Sum sum) {
            for (LossSpec.Term term : sum.terms()) {
                String own = lossOfOwnCode(term.loss());
                if (own != null) {
                    return own;
                }
            }
            return null;
        }
        if (spec instanceof LossSpec.Custom custom) {
            return "the custom loss '" + custom.name() + "'";
        }
        return Losses.isBuiltIn(spec.kind()) ? null : "the loss kind '" + spec.kind() + "'";
    }

    /** Stops Spark, if it started. */
    @Override
    public void close() {
        if (sc != null) {
            sc.close();
        }
    }

    /** The network and its parameters as JSON, as {@link Network#save} writes them. */
    private static String json(Network net) {
        try {
            return Json.MAPPER.writeValueAsString(NetworkFile.toTree(net));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the network as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The network's trainable parameters, in the order of {@link Network#trainableParameterNames()}, end to end. */
    private static double[] trainableParameters(Network net) {
        List<String> names = net.trainableParameterNames();
        int length = names.stream().mapToInt(net::parameterLength).sum();
        double[] values = new double[length];
        int offset = 0;
        for (String name : names) {
            double[] v = net.parameter(name);
            System.arraycopy(v, 0, values, offset, v.length);
            offset += v.length;
        }
        return values;
    }

    /**
     * The step's chunk sums; an interrupt cancels the job and is reported as {@link BatchGradient} reports it, for
     * the trainer to stop with the parameters of the last step.
     */
    private static List<ChunkSum> await(JavaFutureAction<List<ChunkSum>> job) {
        try {
            return job.get();
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("batch evaluation interrupted");
        } catch (ExecutionException e) {
            String why = String.valueOf(e.getCause().getMessage()).lines().findFirst().orElse("");
            throw new IllegalStateException("the Spark job of a training step failed: " + why, e.getCause());
        }
    }

    /**
     * The mean loss and gradient from the chunk sums, added in chunk order from zero as {@link BatchGradient} adds
     * them; the first failed chunk's exception instead.
     */
    private static Evaluation mean(Network net, List<ChunkSum> sums, int n) {
        ChunkSum[] byIndex = new ChunkSum[sums.size()];
        for (ChunkSum s : sums) {
            byIndex[s.index()] = s;
        }
        for (ChunkSum s : byIndex) {
            if (s.failure() != null) {
                throw s.failure();
            }
        }
        TrialGradient mean = new TrialGradient(net.graph());
        TrialGradient chunk = new TrialGradient(net.graph());
        double loss = 0;
        for (ChunkSum s : byIndex) {
            chunk.set(s.gradient());
            mean.add(chunk, 1.0 / n);
            loss += s.loss();
        }
        return new Evaluation(loss / n, net.namedGradient(mean));
    }
}
