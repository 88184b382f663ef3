package io.smoothspike.groovy;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.codehaus.groovy.runtime.powerassert.PowerAssertionError;

/** One-line descriptions of failures for the user: the cause in words, never a stack trace. */
public final class FailureText {

    /** Exceptions whose messages are written for the user (as SmoothSpike's and Groovy's own are). */
    private static final Set<Class<?>> PLAIN = Set.of(RuntimeException.class, IllegalArgumentException.class,
            IllegalStateException.class, UnsupportedOperationException.class, UncheckedIOException.class);

    private FailureText() {
    }

    /**
     * Describes {@code t} in one line: the message of an exception thrown for the user, the simple class name and
     * message of any other (whose message often names only a value or a file: "-2", "/ by zero"), and a cause and a
     * remedy for running out of memory or stack.
     */
    public static String of(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory" + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")")
                    + "; give Java more, e.g. SMOOTHSPIKE_JAVA_OPTS=-Xmx16g, "
                    + "or use fewer trials per batch or fewer threads";
        }
        if (t instanceof StackOverflowError) {
            return "stack overflow: calls nested too deeply (a function that calls itself without end?)";
        }
        if (t instanceof PowerAssertionError) {
            return "assertion failed: " + assertedExpression(t.getMessage());
        }
        String message = t.getMessage() == null || t.getMessage().isBlank() ? null : oneLine(t.getMessage());
        if (message != null && forTheUser(t)) {
            return message;
        }
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static boolean forTheUser(Throwable t) {
        String name = t.getClass().getName();
        return PLAIN.contains(t.getClass()) || name.startsWith("io.smoothspike.") || name.startsWith("groovy.")
                || name.startsWith("org.codehaus.groovy.");
    }

    /** The lines of {@code text}, trimmed, without empty ones, joined by spaces. */
    static String oneLine(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
    }

    /** The {@code assert ...} line of a Groovy power assertion's message (the value diagram below it spans lines). */
    private static String assertedExpression(String message) {
        return Arrays.stream(message.split("\\R")).map(String::strip).filter(s -> s.startsWith("assert "))
                .findFirst().orElse(oneLine(message));
    }
}
