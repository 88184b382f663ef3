package io.smoothspike.distributed;

import io.smoothspike.cli.Main;
import io.smoothspike.train.BatchGradients;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;

/**
 * {@code smoothspike train-distributed SCRIPT [run's options] [--master URL] [--conf KEY=VALUE ...]}: runs the script
 * as {@code smoothspike run} does, with the gradient of every training batch summed over Spark executors
 * ({@link SparkBatchGradients}); the run writes the same files, bit for bit. Called by the CLI's {@code Main} through
 * reflection, and by {@code spark-submit --class io.smoothspike.cli.Main ... train-distributed ...}.
 */
public final class TrainDistributedCommand {

    static final String HELP = """
            Usage: smoothspike train-distributed FILE.groovy [--out DIR] [--data DIR] [--resume DIR] [--force]
                                                 [-Pname=value ...] [--master URL] [--conf KEY=VALUE ...]

            Runs the script as 'smoothspike run' does (the same options, the same files, bit for
            bit), with the gradient of every training batch computed on Apache Spark executors:
            the batch's chunks (at most 32) are spread over the executors' cores, and the driver
            adds their sums in chunk order, as one machine does. The driver reads the data and
            encodes each batch; the executors get the encoded trials, and the parameters once per
            step, so they need neither the data nor the script.
              --master URL      local[*] (default), local[N], spark://HOST:PORT, yarn, k8s://...
              --conf KEY=VALUE  a Spark setting, e.g. spark.executor.cores=4
            Networks with trainable input spike times or model constants, or a loss of their own code
            (a custom loss, a loss kind of one's own), train only with 'smoothspike run'.
            """;

    private TrainDistributedCommand() {
    }

    /** Runs the script described by {@code args} (those after {@code train-distributed}); returns the exit status. */
    public static int run(String[] args, PrintStream out) {
        TrainDistributedArgs a = TrainDistributedArgs.parse(args);
        if (a.help()) {
            out.print(HELP);
            return 0;
        }
        List<String> runArgs = new ArrayList<>(List.of("run"));
        runArgs.addAll(a.runArgs());
        SparkConf conf = SparkSettings.of("smoothspike train-distributed", a.master(), a.conf());
        try (SparkBatchGradients gradients = new SparkBatchGradients(conf)) {
            return BatchGradients.using(gradients, () -> Main.run(runArgs.toArray(String[]::new), out, System.err));
        }
    }
}
