package io.smoothspike.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Predicate;

/**
 * Cuts text read line by line (piped standard input, a file given to /load) into the units a {@link Session}
 * handles: a command line, or lines up to the end of a complete snippet. A snippet continues while it is incomplete
 * (open bracket, trailing dot, …) and also when the next line starts with a dot, so that fluent chains written with
 * leading dots ({@code .trial(10, 25)}) read as one snippet.
 */
final class InputReader {

    private final BufferedReader in;
    private final Predicate<String> complete;
    private String pending;

    /** @param complete tells whether the text so far is complete (see {@link Session#isComplete}) */
    InputReader(BufferedReader in, Predicate<String> complete) {
        this.in = in;
        this.complete = complete;
    }

    /** The next unit, or null at the end of the input. */
    String next() throws IOException {
        StringBuilder buf = new StringBuilder();
        while (true) {
            String line = pending != null ? pending : in.readLine();
            pending = null;
            if (line == null) {
                return buf.length() == 0 ? null : buf.toString();
            }
            if (buf.length() == 0) {
                if (line.isBlank()) {
                    continue;
                }
                if (Commands.isCommand(line.strip())) {
                    return line.strip();
                }
            }
            buf.append(line).append('\n');
            if (complete.test(buf.toString())) {
                String next = in.readLine();
                if (next != null && next.stripLeading().startsWith(".")) {
                    pending = next;
                    continue;
                }
                pending = next;
                return buf.toString();
            }
        }
    }
}
