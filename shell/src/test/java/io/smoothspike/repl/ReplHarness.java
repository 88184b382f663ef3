package io.smoothspike.repl;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;

/** A session whose results and failure lines are collected in strings, driven as the piped REPL is. */
final class ReplHarness implements AutoCloseable {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    final Session session;

    ReplHarness(Path workDir) {
        session = new Session(workDir, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** Feeds {@code text} as piped standard input; returns the exit status. */
    int pipe(String text) {
        return new Repl(session).runPiped(new BufferedReader(new StringReader(text)));
    }

    /** Handles one complete input. */
    boolean handle(String input) {
        return session.handle(input);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** Forgets what was printed so far. */
    void clear() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }

    @Override
    public void close() {
        session.close();
    }
}
