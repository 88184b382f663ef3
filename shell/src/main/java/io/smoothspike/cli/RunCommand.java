package io.smoothspike.cli;

import io.smoothspike.groovy.ScriptRunner;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/** {@code smoothspike run FILE.groovy}: runs an experiment script. */
final class RunCommand {

    /** The options taking a value. */
    static final Set<String> OPTIONS = Set.of("out", "data", "resume");
    /** The options without a value. */
    static final Set<String> FLAGS = Set.of("force");

    static final String HELP = """
            Usage: smoothspike run FILE.groovy [--out DIR] [--data DIR] [--resume DIR] [--force] [-Pname=value ...]

            Runs a SmoothSpike Groovy script. Everything it writes goes to --out
            (default runs/<script>-<timestamp>/).
              --out DIR        output folder; one that already holds a run (a checkpoint.json) is refused
                               unless --resume or --force is given
              --data DIR       folder with data sets (default: SMOOTHSPIKE_DATA or the user cache)
              --resume DIR     continue an interrupted run from DIR/checkpoint.json (writes to DIR)
              --force          start anew in an --out folder that holds a run: deletes everything in it first
              -Pname=value     override a parameter the script declares with params(name: default, ...)
            A failure prints FILE:LINE: message and exits with status 1.
            """;

    private RunCommand() {
    }

    static int run(String[] args, PrintStream out) {
        ScriptArgs a = ScriptArgs.parse(args, OPTIONS, FLAGS, true);
        if (a.options().help()) {
            out.print(HELP);
            return 0;
        }
        String resumeArg = a.options().value("resume", null);
        Path resume = resumeArg == null ? null : Path.of(resumeArg);
        if (resume != null && !Files.isRegularFile(resume.resolve(OutputFolder.CHECKPOINT))) {
            throw new UsageException("--resume " + resume + ": no " + OutputFolder.CHECKPOINT + " there");
        }
        Path dir = outputDir(a.script(), a.options().value("out", resumeArg));
        OutputFolder folder = OutputFolder.prepare(dir, resume, a.options().flag("force"), out);
        try {
            if (resume != null) {
                ScriptRunner.resume(a.script(), dir, a.dataDir(), a.overrides(), resume);
            } else {
                ScriptRunner.run(a.script(), dir, a.dataDir(), a.overrides());
            }
        } catch (Throwable t) {
            folder.removeIfEmpty();
            throw t;
        }
        out.println("smoothspike run: results in " + dir);
        return 0;
    }

    private static Path outputDir(Path script, String given) {
        if (given != null) {
            return Path.of(given);
        }
        String base = script.getFileName().toString().replaceFirst("\\.groovy$", "");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("runs", base + "-" + stamp);
    }
}
