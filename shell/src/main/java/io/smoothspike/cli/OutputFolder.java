package io.smoothspike.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The output folder of {@code smoothspike run}: refuses to mix a new run into the folder of an earlier one, empties
 * such a folder on {@code --force}, and removes the folders it created when a run fails before writing anything.
 */
final class OutputFolder {

    /** The file that marks a folder as holding a run. */
    static final String CHECKPOINT = "checkpoint.json";

    private final Path dir;
    /** The outermost folder this run created or emptied (removed again while empty after a failure), or null. */
    private final Path outermostNew;

    private OutputFolder(Path dir, Path outermostNew) {
        this.dir = dir;
        this.outermostNew = outermostNew;
    }

    /**
     * Prepares {@code dir} for a run. A folder holding another run (a {@value #CHECKPOINT}) is refused unless
     * {@code force}, which deletes everything in it first; {@code resume} (or null) is the folder the run continues
     * from, which it may write to.
     */
    static OutputFolder prepare(Path dir, Path resume, boolean force, PrintStream out) {
        boolean same = resume != null && dir.toAbsolutePath().normalize().equals(resume.toAbsolutePath().normalize());
        if (force && same) {
            throw new UsageException("--force would delete the checkpoint that --resume " + resume + " continues "
                    + "from; give a different --out to continue into, or drop --force");
        }
        Path emptied = null;
        if (!same && Files.isRegularFile(dir.resolve(CHECKPOINT))) {
            if (!force) {
                throw new UsageException("--out " + dir + " already holds a run (" + CHECKPOINT + "); continue it "
                        + "with --resume " + dir + ", or delete its files and start anew with --force");
            }
            out.println("smoothspike run: --force: deleted the " + clear(dir) + " files of the previous run in "
                    + dir);
            emptied = dir;
        }
        Path outermost = dir.toAbsolutePath().normalize();
        while (outermost.getParent() != null && !Files.exists(outermost.getParent())) {
            outermost = outermost.getParent();
        }
        boolean creates = !Files.exists(outermost);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the output folder " + dir + ": " + e.getMessage());
        }
        return new OutputFolder(dir, creates ? outermost : emptied == null ? null : emptied.toAbsolutePath());
    }

    /** The folder. */
    Path dir() {
        return dir;
    }

    /** After a failed run: removes the folders this run created or emptied, as far as they are still empty. */
    void removeIfEmpty() {
        if (outermostNew == null) {
            return;
        }
        for (Path p = dir.toAbsolutePath().normalize(); p != null && p.startsWith(outermostNew); p = p.getParent()) {
            try {
                Files.delete(p); // fails on a folder that is not empty
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Deletes {@code dir} and everything in it (a scratch folder of a command). */
    static void deleteTree(Path dir) {
        clear(dir);
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes everything in {@code dir} and returns the number of files deleted. */
    private static long clear(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> paths = all.filter(p -> !p.equals(dir)).sorted(Comparator.reverseOrder()).toList();
            long files = paths.stream().filter(Files::isRegularFile).count();
            for (Path p : paths) {
                Files.delete(p);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the files in " + dir + ": " + e.getMessage(), e);
        }
    }
}
