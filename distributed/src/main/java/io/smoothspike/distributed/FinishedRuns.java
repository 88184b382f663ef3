package io.smoothspike.distributed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The runs of a sweep folder that finished: {@code DIR/.finished/FOLDER} holds what run {@code FOLDER} was started
 * with (the script, --data and the parameters, a line each), so that a rerun of the sweep keeps it only when it would
 * run the same thing.
 */
final class FinishedRuns {

    /** The folder of the markers, inside the sweep folder. */
    static final String FOLDER = ".finished";

    private final Path sweepDir;

    FinishedRuns(Path sweepDir) {
        this.sweepDir = sweepDir;
    }

    /** What {@code run} finished with, or null where it has not finished (or its folder is gone). */
    String recorded(SweepRun run) {
        Path marker = marker(run);
        if (!Files.isRegularFile(marker) || !Files.isDirectory(sweepDir.resolve(run.folder()))) {
            return null;
        }
        try {
            return Files.readString(marker);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + marker + ": " + e.getMessage(), e);
        }
    }

    /** Records that {@code run} finished, started with {@code identity}. */
    void mark(SweepRun run, String identity) {
        Path marker = marker(run);
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, identity);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark run " + run.folder() + " finished: " + e.getMessage(), e);
        }
    }

    /** The marker file of {@code run}. */
    Path marker(SweepRun run) {
        return sweepDir.resolve(FOLDER).resolve(run.folder());
    }
}
