package io.smoothspike.distributed;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * {@code smoothspike sweep SCRIPT -Pname=A,B -Pseed=1..6 --out DIR}: runs the script once per combination of the
 * parameter values, each run a Spark task writing {@code DIR/name=A,seed=1/} as {@code smoothspike run} would, then
 * summarises the final metrics in {@code DIR/sweep.json} and {@code DIR/sweep.md}. Called by the CLI's
 * {@code Main} through reflection, and by {@code spark-submit --class io.smoothspike.cli.Main ... sweep ...}.
 */
public final class SweepCommand {

    static final String HELP = """
            Usage: smoothspike sweep FILE.groovy -Pname=A,B -Pname=FROM..TO [-Pname=value ...] --out DIR
                                     [--master URL] [--conf KEY=VALUE ...] [--data DIR]

            Runs the script once for every combination of the listed values, as Apache Spark
            tasks; each run writes DIR/name=A,seed=1/ exactly as 'smoothspike run' would.
            At the end DIR/sweep.json and DIR/sweep.md hold, per configuration, the mean and
            standard deviation over the seeds of every final metric (metrics.json).
              --out DIR         the sweep's folder; the same command again continues an
                                interrupted sweep (finished runs are kept, interrupted ones
                                resume from their checkpoint)
              --master URL      local[*] (default: every core of this machine), local[N],
                                spark://HOST:PORT, yarn, k8s://...; a cluster's executors
                                must see the script, DIR and --data at the same paths
              --conf KEY=VALUE  a Spark setting, e.g. spark.executor.memory=4g
              --data DIR        folder with data sets (default: SMOOTHSPIKE_DATA or the user cache)
            A failed run is reported with its error; the others go on (exit status 1 at the end).
            """;

    private SweepCommand() {
    }

    /** Runs the sweep described by {@code args} (those after {@code sweep}) and returns the exit status. */
    public static int run(String[] args, PrintStream out) throws InterruptedException {
        SweepArgs a = SweepArgs.parse(args);
        if (a.help()) {
            out.print(HELP);
            return 0;
        }
        SweepGrid grid = SweepGrid.parse(a.parameters());
        List<SweepRun> runs = grid.runs();
        createFolder(a.out());
        List<RunOutcome> outcomes;
        try (JavaSparkContext sc = new JavaSparkContext(SparkSettings.of("smoothspike sweep "
                + a.script().getFileName(), a.master(), a.conf()))) {
            LongAccumulator finished = sc.sc().longAccumulator("smoothspike runs finished");
            LongAccumulator failed = sc.sc().longAccumulator("smoothspike runs failed");
            RunTask task = new RunTask(a.script(), a.out(), a.data(), finished, failed);
            JavaFutureAction<List<RunOutcome>> job = sc.parallelize(runs, runs.size()).map(task).collectAsync();
            outcomes = SweepProgress.await(job, sc.statusTracker(), finished, failed, runs.size(), out);
        }
        new SweepReport(a.out(), a.script(), grid, outcomes).write();
        long failed = 0;
        for (RunOutcome o : outcomes) {
            if (!o.succeeded()) {
                failed++;
                out.println("sweep: run " + o.run().folder() + " failed: " + o.error());
            }
        }
        long kept = outcomes.stream().filter(o -> o.status() == RunOutcome.Status.KEPT).count();
        out.println("smoothspike sweep: " + runs.size() + " runs (" + kept + " kept from before, " + failed
                + " failed); summary in " + a.out().resolve(SweepReport.MARKDOWN_FILE));
        return failed == 0 ? 0 : 1;
    }

    private static void createFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the sweep folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
