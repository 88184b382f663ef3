package io.smoothspike.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import jdk.jshell.SourceCodeAnalysis;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: Java from JShell's {@link SourceCodeAnalysis#completionSuggestions} (so {@code Snn.} and the
 * methods along a builder chain complete), and for command lines the command names, file names and variable
 * names. Candidates replace the word {@link SnippetParser#wordBefore} finds. The methods every object has from
 * {@code Object} ({@code wait}, {@code hashCode}, …; {@code toString} stays) are offered only once the user has typed
 * the start of their name, so that a builder chain offers the builder's own methods.
 */
final class SnippetCompleter implements Completer {

    private static final List<String> FILE_COMMANDS = List.of("/run", "/load", "/save", "/open");
    private static final Set<String> OBJECT_METHODS = Set.of("wait", "notify", "notifyAll", "hashCode", "getClass",
            "equals");

    private final Session session;

    SnippetCompleter(Session session) {
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        for (String c : candidates(line.line(), line.cursor())) {
            boolean done = !(c.endsWith("(") || c.endsWith("/") || c.endsWith("."));
            candidates.add(new Candidate(c, c, null, null, null, null, done && Commands.isCommand(line.line())));
        }
    }

    /** What may replace the word before {@code cursor} in {@code buffer}, most fitting first. */
    List<String> candidates(String buffer, int cursor) {
        String word = SnippetParser.wordBefore(buffer, cursor);
        Set<String> out = new LinkedHashSet<>();
        String head = buffer.substring(0, cursor).stripLeading();
        if (Commands.isCommand(head)) {
            commandCandidates(head, word, out);
        } else {
            javaCandidates(buffer, cursor, word, out);
        }
        return new ArrayList<>(out);
    }

    private void javaCandidates(String buffer, int cursor, String word, Set<String> out) {
        int wordStart = cursor - word.length();
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                session.evaluator().analysis().completionSuggestions(buffer, cursor, anchor);
        for (SourceCodeAnalysis.Suggestion s : suggestions) {
            String cont = s.continuation();
            String text;
            if (anchor[0] >= wordStart) {
                text = buffer.substring(wordStart, anchor[0]) + cont;
            } else {
                String before = buffer.substring(anchor[0], wordStart);
                if (!cont.startsWith(before)) {
                    continue;
                }
                text = cont.substring(before.length());
            }
            if (text.startsWith(word) && !(word.isEmpty() && isObjectMethod(text))) {
                out.add(text);
            }
        }
    }

    /** True for a candidate such as {@code hashCode()} or {@code wait(} that names a method of {@code Object}. */
    private static boolean isObjectMethod(String candidate) {
        int paren = candidate.indexOf('(');
        return paren > 0 && OBJECT_METHODS.contains(candidate.substring(0, paren));
    }

    private void commandCandidates(String head, String word, Set<String> out) {
        List<String> words = Commands.split(head);
        boolean fresh = head.isEmpty() || Character.isWhitespace(head.charAt(head.length() - 1));
        int index = fresh ? words.size() : words.size() - 1; // the index of the word being completed
        if (index == 0) {
            Commands.NAMES.stream().filter(n -> n.startsWith(word)).forEach(out::add);
            return;
        }
        String command = words.get(0);
        if (FILE_COMMANDS.contains(command) && index == 1 || command.equals("/export") && index == 2
                || command.equals("/plot") && index == 3) {
            files(word, out);
        } else if (command.equals("/plot") && index == 1) {
            Stream.of("raster", "trace", "curve").filter(k -> k.startsWith(word)).forEach(out::add);
        } else if (command.equals("/export") && index == 1 || command.equals("/plot") && index == 2) {
            session.evaluator().variableNames().stream().filter(n -> n.startsWith(word)).forEach(out::add);
        }
    }

    private void files(String word, Set<String> out) {
        int slash = word.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : word.substring(0, slash + 1);
        String prefix = word.substring(slash + 1);
        Path dir = session.resolve(dirPart.isEmpty() ? "." : dirPart);
        try (Stream<Path> entries = Files.list(dir)) {
            entries.map(p -> Files.isDirectory(p) ? p.getFileName() + "/" : p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && (!n.startsWith(".") || prefix.startsWith(".")))
                    .sorted().forEach(n -> out.add(dirPart + n));
        } catch (IOException | RuntimeException e) {
            // no such folder: nothing to offer
        }
    }
}
