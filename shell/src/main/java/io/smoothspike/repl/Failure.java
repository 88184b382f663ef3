package io.smoothspike.repl;

/**
 * A failed snippet or command: {@code summary} is the one line shown at once (without the /trace hint),
 * {@code details} the full story that {@code /trace} prints (diagnostics with positions, or a stack trace).
 */
public record Failure(String summary, String details) {

    /** A failure whose details are its summary. */
    public static Failure of(String summary) {
        return new Failure(summary, summary);
    }

    /** A failure from an exception thrown by REPL code: the summary names its class and message. */
    public static Failure of(String prefix, Throwable e) {
        java.io.StringWriter w = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(w));
        return new Failure(prefix + firstLine(e.getMessage() == null ? e.toString() : e.getMessage()), w.toString());
    }

    /** The first line of {@code text}. */
    static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
