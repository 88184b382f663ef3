package io.smoothspike.distributed;

import io.smoothspike.cli.Main;
import io.smoothspike.network.Json;
import io.smoothspike.train.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.util.LongAccumulator;

/**
 * The Spark task of one run: runs the script exactly as {@code smoothspike run SCRIPT --out DIR/FOLDER -P...} does
 * (through the CLI itself, so the folder is the same), continues it with {@code --resume} where an interrupted
 * attempt left a checkpoint, and keeps it where an earlier attempt finished it with the same script, data and
 * parameters ({@link FinishedRuns}); one whose training was interrupted is not finished. A failing run yields
 * a {@link RunOutcome.Status#FAILED} outcome rather than failing the task, so the other runs go on; a task whose
 * executor died is rerun by Spark and resumes.
 */
final class RunTask implements Function<SweepRun, RunOutcome> {

    private static final long serialVersionUID = 1L;

    private final String script;
    private final String sweepDir;
    private final String dataDir;
    private final LongAccumulator finished;
    private final LongAccumulator failed;

    /**
     * @param dataDir the --data folder, or null
     * @param finished counts the runs that ended, failed or not (for the progress line)
     * @param failed counts the runs that failed
     */
    RunTask(Path script, Path sweepDir, Path dataDir, LongAccumulator finished, LongAccumulator failed) {
        this.script = script.toAbsolutePath().toString();
        this.sweepDir = sweepDir.toAbsolutePath().toString();
        this.dataDir = dataDir == null ? null : dataDir.toAbsolutePath().toString();
        this.finished = finished;
        this.failed = failed;
    }

    @Override
    public RunOutcome call(SweepRun run) {
        RunOutcome outcome = execute(run);
        finished.add(1);
        if (!outcome.succeeded()) {
            failed.add(1);
        }
        return outcome;
    }

    private RunOutcome execute(SweepRun run) {
        Path sweep = Path.of(sweepDir);
        FinishedRuns finishedRuns = new FinishedRuns(sweep);
        List<String> identity = new ArrayList<>(List.of(script));
        if (dataDir != null) {
            identity.addAll(List.of("--data", dataDir));
        }
        run.parameters().forEach((name, value) -> identity.add("-P" + name + "=" + value));
        String recorded = finishedRuns.recorded(run);
        if (recorded != null) {
            return recorded.equals(String.join("\n", identity)) ? new RunOutcome(run, RunOutcome.Status.KEPT, null)
                    : new RunOutcome(run, RunOutcome.Status.FAILED, sweep.resolve(run.folder()) + " holds a "
                    + "finished run of another script, data or parameters (" + finishedRuns.marker(run) + "); give "
                    + "the sweep another --out, or delete that folder to run it again");
        }
        Path dir = sweep.resolve(run.folder());
        boolean resume = Files.isRegularFile(dir.resolve(Trainer.CHECKPOINT));
        List<String> args = new ArrayList<>(List.of("run", resume ? "--resume" : "--out", dir.toString()));
        args.addAll(identity);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args.toArray(String[]::new), System.out, new PrintStream(err, true,
                StandardCharsets.UTF_8));
        if (status != 0) {
            return new RunOutcome(run, RunOutcome.Status.FAILED, err.toString(StandardCharsets.UTF_8).strip());
        }
        if (stoppedEarly(dir)) {
            return new RunOutcome(run, RunOutcome.Status.FAILED, "its training stopped before the end "
                    + "(interrupted); the same sweep command continues it from " + dir.resolve(Trainer.CHECKPOINT));
        }
        finishedRuns.mark(run, String.join("\n", identity));
        return new RunOutcome(run, resume ? RunOutcome.Status.RESUMED : RunOutcome.Status.RAN, null);
    }

    /** Whether the run's metrics.json says its training was interrupted (stopped early, or its thread was). */
    private static boolean stoppedEarly(Path dir) {
        Path metrics = dir.resolve(SweepReport.METRICS_FILE);
        try {
            return Files.isRegularFile(metrics) && Json.MAPPER.readTree(metrics.toFile()).path("interrupted")
                    .asBoolean(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metrics + ": " + e.getMessage(), e);
        }
    }
}
