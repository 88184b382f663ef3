package io.smoothspike.data;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Steps the fetchers of the named sets share: finding a program, running it, and installing verified files. Files
 * are gathered in a staging folder next to the target, checked, and only then renamed into place, one atomic rename
 * per file, so the target never holds a half-written or unverified file.
 */
final class Fetching {

    private Fetching() {
    }

    /** Whether {@code target} already holds the verified set; says so, or what fails, on {@code log}. */
    static boolean alreadyThere(IdxDataSet set, Path target, PrintStream log) {
        if (!set.hasFiles(target)) {
            return false;
        }
        IdxDataSet.Verification v = set.verify(target);
        if (v.ok()) {
            log.println(set.name() + " already present and verified in " + target + "; nothing to do.");
            return true;
        }
        log.println("The " + set.name() + " files in " + target + " fail verification; fetching them again:");
        log.print(v.report());
        return false;
    }

    /**
     * Checks the four files in {@code staged} and renames them into {@code target}. A {@code .gz} file takes the
     * place of a raw file of the same name, which would otherwise be read instead.
     *
     * @throws IOException a file fails the check (nothing is moved) or a rename fails
     */
    static void install(IdxDataSet set, Path staged, Path target) throws IOException {
        IdxDataSet.Verification v = set.verify(staged);
        if (!v.ok()) {
            throw new IOException("the fetched " + set.name() + " files fail the SHA-256 check (nothing was written"
                    + " to " + target + "):\n" + v.report());
        }
        for (IdxDataSet.FileCheck f : v.files()) {
            String fileName = f.path().getFileName().toString();
            Files.move(f.path(), target.resolve(fileName), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            if (!fileName.equals(f.name())) {
                Files.deleteIfExists(target.resolve(f.name()));
            }
        }
    }

    /** The absolute path of executable {@code name} in the directories of {@code pathEnv}, or null. */
    static String findOnPath(String name, String pathEnv) {
        if (pathEnv == null) {
            return null;
        }
        for (String d : pathEnv.split(File.pathSeparator)) {
            if (d.isEmpty()) {
                continue;
            }
            try {
                Path p = Paths.get(d, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p.toAbsolutePath().toString();
                }
            } catch (RuntimeException e) {
                // an unusable PATH entry: skip it
            }
        }
        return null;
    }

    /**
     * Runs {@code command} in {@code dir} with no input, its output going to {@code output} (stderr too when
     * {@code output} is {@code log}) and its errors to {@code log}.
     *
     * @param hint added to the message of a failed command (why it may have failed), may be empty
     * @throws IOException the command cannot start, fails or runs longer than {@code timeoutMinutes}; the message
     *                     quotes the end of {@code log}
     */
    static void run(List<String> command, Path dir, Map<String, String> env, Path output, Path log,
            long timeoutMinutes, String hint) throws IOException, InterruptedException {
        List<String> shown = new ArrayList<>(command);
        shown.set(0, String.valueOf(Path.of(command.get(0)).getFileName()));
        String what = "'" + String.join(" ", shown) + "'";
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())));
        if (output.equals(log)) {
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
        } else {
            pb.redirectOutput(output.toFile()).redirectError(log.toFile());
        }
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("could not start " + what + ": " + e.getMessage(), e);
        }
        try {
            if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(what + " did not finish within " + timeoutMinutes + " minutes; it said:\n"
                        + tail(log));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
        if (p.exitValue() != 0) {
            throw new IOException(what + " failed with exit status " + p.exitValue() + hint + "; it said:\n"
                    + tail(log));
        }
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows") ? "NUL" : "/dev/null";
    }

    /** The last 2000 characters of a log file. */
    static String tail(Path logFile) {
        try {
            String s = Files.readString(logFile, StandardCharsets.UTF_8).strip();
            return s.length() > 2000 ? "..." + s.substring(s.length() - 2000) : s;
        } catch (IOException | UncheckedIOException e) {
            return "(no output)";
        }
    }

    /** Deletes a folder and its content, best effort: a leftover hidden staging folder is harmless. */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }
}
