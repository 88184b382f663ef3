package io.smoothspike.groovy;

import java.util.Optional;

/** Finds the line of the Groovy script currently calling into the DSL, from the call stack. */
final class ScriptLines {

    private ScriptLines() {
    }

    /** Line of the innermost stack frame that belongs to a {@code .groovy} file, or -1. */
    static int callerLine() {
        Optional<StackWalker.StackFrame> frame = StackWalker.getInstance().walk(s -> s
                .filter(f -> f.getFileName() != null && f.getFileName().endsWith(".groovy") && f.getLineNumber() > 0)
                .findFirst());
        return frame.map(StackWalker.StackFrame::getLineNumber).orElse(-1);
    }

    /** Line of the innermost frame of a {@code .groovy} file in an exception's stack, or -1. */
    static int lineIn(Throwable t, String fileName) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            for (StackTraceElement e : c.getStackTrace()) {
                if (fileName.equals(e.getFileName()) && e.getLineNumber() > 0) {
                    return e.getLineNumber();
                }
            }
        }
        return -1;
    }
}
