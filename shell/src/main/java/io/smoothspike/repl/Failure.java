package io.smoothspike.repl;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A failed snippet or command: {@code summary} is the one line shown at once (without the /trace hint),
 * {@code details} the full story that {@code /trace} prints (diagnostics with positions, or a stack trace).
 */
public record Failure(String summary, String details) {

    /** A failure whose details are its summary. */
    public static Failure of(String summary) {
        return new Failure(summary, summary);
    }

    /**
     * A failure from anything thrown by REPL code: the summary is the message of a runtime exception (the REPL's and
     * the runtime's messages name the cause), and the class and message of any other throwable (an
     * {@code OutOfMemoryError}, a checked exception from a script); the details are the stack trace.
     */
    public static Failure of(String prefix, Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        String message = e.getMessage() == null || e.getMessage().isBlank() ? null : headline(e.getMessage());
        String name = e.getClass().getSimpleName();
        String summary = e instanceof RuntimeException && message != null ? message
                : message == null ? name : name + ": " + message;
        return new Failure(prefix + summary, w.toString());
    }

    /** The first line of {@code text}. */
    static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /**
     * The first non-blank line of {@code text}, joined with the next non-blank line when it ends with a colon (as in
     * Groovy's "Assertion failed:" followed by the assertion).
     */
    static String headline(String text) {
        String[] lines = text.strip().split("\\s*\\n\\s*");
        String first = lines[0].strip();
        return first.endsWith(":") && lines.length > 1 ? first + " " + lines[1].strip() : first;
    }
}
