package io.smoothspike.groovy;

/** A failed script, located: {@code FILE:LINE: message}, on one line. */
public final class ScriptError extends RuntimeException {

    private final String file;
    private final int line;

    ScriptError(String file, int line, String message, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + FailureText.oneLine(message), cause);
        this.file = file;
        this.line = line;
    }

    /** The script's file name. */
    public String file() {
        return file;
    }

    /** The script line, or -1 where unknown. */
    public int line() {
        return line;
    }
}
