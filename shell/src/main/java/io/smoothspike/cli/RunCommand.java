package io.smoothspike.cli;

import io.smoothspike.groovy.ScriptRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/** {@code smoothspike run FILE.groovy}: runs an experiment script. */
final class RunCommand {

    private static final String HELP = """
            Usage: smoothspike run FILE.groovy [--out DIR] [--data DIR] [--resume DIR] [-Pname=value ...]

            Runs a SmoothSpike Groovy script. Everything it writes goes to --out
            (default runs/<script>-<timestamp>/).
              --out DIR        output folder
              --data DIR       folder with data sets (default: SMOOTHSPIKE_DATA or the user cache)
              --resume DIR     continue an interrupted run from DIR/checkpoint.json (writes to DIR)
              -Pname=value     override a parameter the script declares with params(name: default, ...)
            """;

    private RunCommand() {
    }

    static int run(String[] args, PrintStream out) {
        ScriptArgs a = ScriptArgs.parse(args, Set.of("out", "data", "resume"), true);
        if (a.options().help()) {
            out.print(HELP);
            return 0;
        }
        String resume = a.options().value("resume", null);
        if (resume != null && !Files.isRegularFile(Path.of(resume, "checkpoint.json"))) {
            throw new UsageException("--resume " + resume + ": no checkpoint.json there");
        }
        Path dir = outputDir(a.script(), a.options().value("out", resume));
        if (resume != null) {
            ScriptRunner.resume(a.script(), dir, a.dataDir(), a.overrides(), Path.of(resume));
        } else {
            ScriptRunner.run(a.script(), dir, a.dataDir(), a.overrides());
        }
        out.println("smoothspike run: results in " + dir);
        return 0;
    }

    static Path outputDir(Path script, String given) {
        Path dir;
        if (given != null) {
            dir = Path.of(given);
        } else {
            String base = script.getFileName().toString().replaceFirst("\\.groovy$", "");
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            dir = Path.of("runs", base + "-" + stamp);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the output folder " + dir + ": " + e.getMessage());
        }
        return dir;
    }
}
