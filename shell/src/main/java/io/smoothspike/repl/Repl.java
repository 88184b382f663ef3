package io.smoothspike.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The read–eval–print loop of {@code ./smoothspike} without arguments. On a terminal: JLine line editing, history
 * in {@code ~/.smoothspike_history} (system property {@code smoothspike.history} overrides), Tab completion,
 * Shift-Tab documentation, continuation lines for incomplete snippets, Ctrl-C interrupts the running snippet,
 * Ctrl-D exits. With standard input from a pipe or file: reads snippets and commands in order and stops with exit
 * status 1 at the first that fails.
 */
public final class Repl {

    /** The prompt. */
    public static final String PROMPT = "smoothspike> ";
    /** The prompt of continuation lines (as wide as {@link #PROMPT}). */
    public static final String CONTINUATION = "        ...> ";
    private static final String DOC_WIDGET = "smoothspike-documentation";
    private static final String SHIFT_TAB = "\033[Z";

    private final Session session;

    /** A loop over {@code session}. */
    public Repl(Session session) {
        this.session = session;
    }

    /** Runs the REPL on this process's standard streams; returns the exit status. */
    public static int start() {
        Path workDir = Path.of("").toAbsolutePath();
        if (!stdinIsTerminal()) {
            PrintWriter out = new PrintWriter(System.out, true);
            PrintWriter err = new PrintWriter(System.err, true);
            try (Session session = new Session(workDir, out, err)) {
                return new Repl(session).runPiped(new BufferedReader(new InputStreamReader(System.in,
                        StandardCharsets.UTF_8)));
            }
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).build();
                Session session = new Session(workDir, terminal.writer(), terminal.writer())) {
            return new Repl(session).runInteractive(terminal, historyFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
        }
    }

    /** {@code ~/.smoothspike_history}, or the file in the system property {@code smoothspike.history}. */
    static Path historyFile() {
        String given = System.getProperty("smoothspike.history");
        return given != null ? Path.of(given) : Path.of(System.getProperty("user.home"), ".smoothspike_history");
    }

    /** True when standard input is a terminal (not a pipe or a file). */
    static boolean stdinIsTerminal() {
        if (System.console() != null) {
            return true;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /**
     * Reads complete inputs from {@code in} and handles them in order; returns 0 after the last, or 1 at the first
     * failure.
     */
    public int runPiped(BufferedReader in) {
        InputReader reader = new InputReader(in, session::isComplete);
        try {
            InputReader.Unit unit;
            while (!session.exitRequested() && (unit = reader.next()) != null) {
                if (!session.handle(unit)) {
                    return 1;
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
        }
    }

    /** The interactive loop on {@code terminal}, with history in {@code history}; returns 0. */
    public int runInteractive(Terminal terminal, Path history) {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("smoothspike")
                .parser(new SnippetParser(session::isComplete))
                .completer(new SnippetCompleter(session))
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is Java, not history
                .option(LineReader.Option.INSERT_TAB, false)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .build();
        DocLookup docs = DocLookup.ofProject();
        reader.getWidgets().put(DOC_WIDGET, () -> {
            showDocumentation(reader, docs);
            return true;
        });
        for (String map : List.of(LineReader.EMACS, LineReader.VIINS)) {
            reader.getKeyMaps().get(map).bind(new Reference(DOC_WIDGET), KeyMap.translate(SHIFT_TAB));
        }
        terminal.handle(Terminal.Signal.INT, signal -> session.interrupt());
        PrintWriter out = terminal.writer();
        out.println("SmoothSpike REPL (Java). /help lists the commands; Tab completes, Shift-Tab shows the "
                + "documentation, Ctrl-C interrupts, Ctrl-D exits.");
        out.flush();
        while (!session.exitRequested()) {
            String input;
            try {
                input = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue; // Ctrl-C at the prompt: drop the line
            } catch (EndOfFileException e) {
                break; // Ctrl-D
            }
            session.handle(input);
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            out.println("warning: cannot save the history to " + history + ": " + e.getMessage());
        }
        out.flush();
        return 0;
    }

    private void showDocumentation(LineReader reader, DocLookup docs) {
        String buffer = reader.getBuffer().toString();
        int cursor = reader.getBuffer().cursor();
        List<String> blocks;
        try {
            blocks = Commands.isCommand(buffer.stripLeading()) ? List.of()
                    : docs.at(session.evaluator().analysis(), buffer, cursor);
        } catch (RuntimeException e) {
            blocks = List.of();
        }
        reader.printAbove(blocks.isEmpty() ? "no documentation for the code before the cursor"
                : String.join("\n\n", blocks));
    }
}
