package io.smoothspike.distributed;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkStatusTracker;
import org.apache.spark.util.LongAccumulator;

/** Waits for a sweep's Spark job, printing a line whenever the number of runs done, running or failed changes. */
final class SweepProgress {

    private static final long POLL_MILLIS = 500;

    private SweepProgress() {
    }

    /**
     * Waits for {@code job} and returns its outcomes; {@code finished} and {@code failed} are the accumulators the
     * {@link RunTask}s count into.
     */
    static List<RunOutcome> await(JavaFutureAction<List<RunOutcome>> job, JavaSparkStatusTracker tracker,
            LongAccumulator finished, LongAccumulator failed, int total, PrintStream out) throws InterruptedException {
        String last = "";
        while (true) {
            String line = String.format("sweep: %d of %d runs done (%d failed), %d running", finished.value(), total,
                    failed.value(), Math.min(running(tracker), total - finished.value()));
            if (!line.equals(last)) {
                out.println(line);
                last = line;
            }
            if (job.isDone()) {
                break;
            }
            Thread.sleep(POLL_MILLIS);
        }
        try {
            return job.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("the Spark job failed (a rerun of the same command continues the "
                    + "sweep): " + cause.getMessage(), cause);
        }
    }

    /** The tasks running (Spark's count, which can lag a task's end by a moment). */
    private static int running(JavaSparkStatusTracker tracker) {
        int n = 0;
        for (int id : tracker.getActiveStageIds()) {
            SparkStageInfo stage = tracker.getStageInfo(id);
            n += stage == null ? 0 : stage.numActiveTasks();
        }
        return n;
    }
}
