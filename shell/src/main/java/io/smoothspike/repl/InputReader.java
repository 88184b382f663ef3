package io.smoothspike.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Predicate;

/**
 * Cuts text read line by line (piped standard input, a file given to /load) into the units a {@link Session}
 * handles: a command line, or lines up to the end of a complete snippet. A snippet continues while it is incomplete
 * (open bracket, trailing dot, …) and also when the next line starts with a dot, so that fluent chains written with
 * leading dots ({@code .trial(10, 25)}) read as one snippet. Text that is still incomplete at the end of the input
 * (an open bracket, an unterminated comment) comes as an unfinished unit.
 */
final class InputReader {

    /** One unit: its text, the number of its first line (from 1), and whether it is complete. */
    record Unit(String text, int line, boolean finished) {
    }

    private final BufferedReader in;
    private final Predicate<String> complete;
    private String pending;
    private int lineNumber;

    /** @param complete tells whether the text so far is complete (see {@link Session#isComplete}) */
    InputReader(BufferedReader in, Predicate<String> complete) {
        this.in = in;
        this.complete = complete;
    }

    /** The next unit, or null at the end of the input. */
    Unit next() throws IOException {
        StringBuilder buf = new StringBuilder();
        int first = 0;
        while (true) {
            String line = readLine();
            if (line == null) {
                return buf.length() == 0 ? null : new Unit(buf.toString(), first, false);
            }
            if (buf.length() == 0) {
                if (line.isBlank()) {
                    continue;
                }
                first = lineNumber;
                if (Commands.isCommand(line.strip())) {
                    return new Unit(line.strip(), first, true);
                }
            }
            buf.append(line).append('\n');
            if (complete.test(buf.toString())) {
                pending = in.readLine();
                if (pending == null || !LeadingDot.continues(pending)) {
                    return new Unit(buf.toString(), first, true);
                }
            }
        }
    }

    private String readLine() throws IOException {
        String line = pending != null ? pending : in.readLine();
        pending = null;
        if (line != null) {
            lineNumber++;
        }
        return line;
    }
}
