package io.smoothspike.repl;

import java.util.List;
import java.util.function.Predicate;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * JLine parser for Java snippets: Enter on an incomplete snippet (open bracket, trailing dot, …) asks for another
 * line under the continuation prompt instead of accepting; for completion the word at the cursor is the Java
 * identifier before it (in a command line: the blank-separated word before it), and candidates are inserted as
 * they are, without shell quoting.
 */
final class SnippetParser implements Parser {

    private final Predicate<String> complete;

    /** @param complete tells whether the text is complete (see {@link Session#isComplete}) */
    SnippetParser(Predicate<String> complete) {
        this.complete = complete;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !complete.test(line)) {
            throw new EOFError(-1, -1, "incomplete snippet");
        }
        return new Line(line, cursor);
    }

    /** The word that completion replaces: what stands before {@code cursor}, see the class comment. */
    static String wordBefore(String buffer, int cursor) {
        int start = cursor;
        if (Commands.isCommand(buffer.stripLeading())) {
            while (start > 0 && !Character.isWhitespace(buffer.charAt(start - 1))) {
                start--;
            }
        } else {
            while (start > 0 && Character.isJavaIdentifierPart(buffer.charAt(start - 1))) {
                start--;
            }
        }
        return buffer.substring(start, cursor);
    }

    /** A parsed line: the whole buffer, with the word before the cursor as its only word. */
    private static final class Line implements CompletingParsedLine {
        private final String line;
        private final int cursor;
        private final String word;

        Line(String line, int cursor) {
            this.line = line;
            this.cursor = cursor;
            this.word = wordBefore(line, cursor);
        }

        @Override
        public String word() {
            return word;
        }

        @Override
        public int wordCursor() {
            return word.length();
        }

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word);
        }

        @Override
        public String line() {
            return line;
        }

        @Override
        public int cursor() {
            return cursor;
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return word.length();
        }

        @Override
        public int rawWordLength() {
            return word.length();
        }
    }
}
