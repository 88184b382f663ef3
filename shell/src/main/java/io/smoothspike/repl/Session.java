package io.smoothspike.repl;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * One REPL session: takes complete inputs (a {@code /command} line, the source of one or more snippets, or a line
 * starting with '.' that continues the snippet above, see {@link LeadingDot}), runs them, prints results to
 * {@code out} and each failure as one line to {@code err}, and keeps the last failure for {@code /trace}. Whatever
 * an input throws (an {@code Error} too) becomes such a failure; the session and its variables live on. The
 * interactive and the piped loop of {@link Repl} both drive a session.
 */
public final class Session implements AutoCloseable {

    /** Appended to every failure line. */
    static final String TRACE_HINT = " (/trace for details)";

    private final SnippetEvaluator evaluator = new SnippetEvaluator();
    private final LeadingDot leadingDot = new LeadingDot(evaluator);
    private final Commands commands;
    private final Path workDir;
    private final PrintWriter out;
    private final PrintWriter err;
    private Failure lastFailure;
    private boolean exitRequested;
    private volatile Thread commandThread;
    private volatile int interrupts;

    /**
     * @param workDir folder against which the commands resolve relative paths (and where plots go by default)
     * @param out     results
     * @param err     failure lines
     */
    public Session(Path workDir, PrintWriter out, PrintWriter err) {
        this.workDir = workDir.toAbsolutePath();
        this.out = out;
        this.err = err;
        this.commands = new Commands(this);
    }

    /** Handles one complete input; returns false when it failed. */
    public boolean handle(String input) {
        String text = input.strip();
        if (text.isEmpty()) {
            return true;
        }
        if (Commands.isCommand(text)) {
            Thread previous = commandThread;
            int before = interrupts;
            commandThread = Thread.currentThread();
            Failure failure;
            leadingDot.forget();
            try {
                failure = commands.run(text);
            } catch (Throwable e) { // an OutOfMemoryError, a StackOverflowError, ...: the session goes on
                failure = Failure.of("error: ", e);
            } finally {
                commandThread = previous;
                if (previous == null) {
                    Thread.interrupted(); // a Ctrl-C aimed at the command ends here
                }
            }
            return report(failure, interrupts != before);
        }
        SnippetEvaluator.Outcome o;
        try {
            if (LeadingDot.continues(text)) {
                o = leadingDot.extend(text);
            } else {
                o = evaluator.eval(input);
                leadingDot.remember(o);
            }
        } catch (Throwable e) { // JShell's own failures, or an Error while showing a value
            leadingDot.forget();
            o = new SnippetEvaluator.Outcome(List.of(), Failure.of("error: ", e), false, null, null);
        }
        if (o.interrupted()) {
            out.println(); // ends a progress bar or the echoed ^C
        }
        for (String line : o.lines()) {
            out.println(line);
        }
        out.flush();
        return report(o.failure(), o.interrupted());
    }

    /**
     * Handles one unit of piped input or of a /load file; one that the input left unfinished (an open bracket or
     * comment at its end) fails.
     */
    boolean handle(InputReader.Unit unit) {
        if (unit.finished()) {
            return handle(unit.text());
        }
        return report(Failure.of("error: line " + unit.line() + ": the input ends before this snippet or comment is "
                + "complete (an unclosed bracket, comment or string?): " + Failure.firstLine(unit.text().strip())),
                false);
    }

    /** Prints and keeps {@code failure} (null means success); returns whether it was a success. */
    boolean report(Failure failure, boolean interrupted) {
        if (failure == null) {
            if (interrupted) {
                out.println("interrupted");
                out.flush();
            }
            return true;
        }
        lastFailure = failure;
        err.println(failure.summary() + TRACE_HINT);
        err.flush();
        return false;
    }

    /**
     * Ctrl-C, from another thread: interrupts the running snippet (see {@link SnippetEvaluator#interrupt()}) or the
     * running command.
     */
    public void interrupt() {
        interrupts++;
        evaluator.interrupt(() -> {
            Thread t = commandThread;
            if (t != null) {
                t.interrupt();
            }
        });
    }

    /** How many times {@link #interrupt()} was called; a long command stops when this changes. */
    int interrupts() {
        return interrupts;
    }

    /** True once /exit was given. */
    public boolean exitRequested() {
        return exitRequested;
    }

    void requestExit() {
        exitRequested = true;
    }

    /** The last failure, for /trace; null if none yet. */
    Failure lastFailure() {
        return lastFailure;
    }

    /** The JShell wrapper. */
    public SnippetEvaluator evaluator() {
        return evaluator;
    }

    /** True when {@code source} needs no more lines (commands always are complete). */
    public boolean isComplete(String source) {
        return Commands.isCommand(source.strip()) || evaluator.isComplete(source);
    }

    Path workDir() {
        return workDir;
    }

    /** {@code path} resolved against the working folder. */
    Path resolve(String path) {
        String p = path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
        return workDir.resolve(p).normalize();
    }

    PrintWriter out() {
        return out;
    }

    @Override
    public void close() {
        evaluator.close();
    }
}
