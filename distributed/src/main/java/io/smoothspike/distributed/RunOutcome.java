package io.smoothspike.distributed;

import java.io.Serializable;

/** What became of one run of a sweep; {@code error} is the run's one-line failure, or null. */
public record RunOutcome(SweepRun run, Status status, String error) implements Serializable {

    /** How the run ended. */
    public enum Status {
        /** Ran from the start to the end. */
        RAN,
        /** Continued from the checkpoint an interrupted run left, to the end. */
        RESUMED,
        /** Had finished in an earlier attempt of the sweep; left as it was. */
        KEPT,
        /** Failed; {@link #error()} says why. */
        FAILED;

        /** The status as written in sweep.json and sweep.md. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether the run has its results. */
    public boolean succeeded() {
        return status != Status.FAILED;
    }
}
