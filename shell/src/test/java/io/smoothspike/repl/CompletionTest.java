package io.smoothspike.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tab completion, Shift-Tab documentation and continuation lines. */
class CompletionTest {

    @TempDir
    static Path dir;
    static ReplHarness repl;
    static SnippetCompleter completer;

    @BeforeAll
    static void start() {
        repl = new ReplHarness(dir);
        completer = new SnippetCompleter(repl.session);
    }

    @AfterAll
    static void stop() {
        repl.close();
    }

    private static List<String> complete(String buffer) {
        return completer.candidates(buffer, buffer.length());
    }

    @Test
    void completesTheDslFromSnn() {
        List<String> c = complete("Snn.");
        for (String m : List.of("network(", "qif(", "theta(", "lif(", "spikeTimeLoss(", "train(")) {
            assertTrue(c.contains(m), m + " in " + c);
        }
        assertEquals(List.of("theta("), complete("Snn.th"));
        assertTrue(complete("var m = qi").contains("qif("), "static import of Snn.*");
    }

    @Test
    void completesAlongABuilderChain() {
        List<String> c = complete("network(\"a\").trial(10, 25).input(\"in\", 2).");
        for (String m : List.of("spikes(", "poisson(", "trainableTimes()", "population(", "compile()")) {
            assertTrue(c.contains(m), m + " in " + c);
        }
        for (String m : List.of("wait(", "notify()", "notifyAll()", "hashCode()", "getClass()", "equals(")) {
            assertFalse(c.contains(m), m + " from Object in " + c);
        }
        assertTrue(c.contains("toString()"), c.toString());
        assertEquals(List.of("hashCode()"), complete("network(\"a\").hash"), "typed, it still completes");
        assertTrue(repl.handle("var b = network(\"b\")"));
        assertTrue(complete("b.conn").contains("connect("));
    }

    @Test
    void completesCommandsFilesAndVariables() throws Exception {
        assertEquals(List.of("/export", "/exit"), complete("/ex"));
        assertEquals(List.of("raster"), complete("/plot r"));
        assertTrue(repl.handle("int someVariable = 1"));
        assertEquals(List.of("someVariable"), complete("/export some"));
        Files.writeString(dir.resolve("model.json"), "{}");
        assertEquals(List.of("model.json"), complete("/open mod"));
    }

    @Test
    void documentsTheMethodAtTheCursorWithItsJavadoc() {
        DocLookup docs = DocLookup.ofProject();
        List<String> qif = docs.at(repl.session.evaluator().analysis(), "Snn.qif(", 8);
        assertEquals(1, qif.size(), qif.toString());
        assertTrue(qif.get(0).contains("Snn.qif(double tau)"), qif.get(0));
        assertTrue(qif.get(0).contains("Quadratic integrate-and-fire neuron"), qif.get(0));
        String chain = "network(\"a\").trial";
        List<String> trial = docs.at(repl.session.evaluator().analysis(), chain, chain.length());
        assertEquals(2, trial.size(), trial.toString());
        assertTrue(trial.get(1).contains("The trial duration T and the cap K"), trial.get(1));
    }

    @Test
    void incompleteSnippetsContinueOnTheNextLine() {
        SnippetParser parser = new SnippetParser(repl.session::isComplete);
        for (String open : List.of("network(\"a\").", "Snn.network(", "void f() {", "int[] a = {1,")) {
            assertThrows(EOFError.class, () -> parser.parse(open, open.length(), ParseContext.ACCEPT_LINE), open);
        }
        for (String done : List.of("1 + 1", "int x = 1;", "/help", "// a comment", "")) {
            ParsedLine line = parser.parse(done, done.length(), ParseContext.ACCEPT_LINE);
            assertEquals(done, line.line());
        }
        ParsedLine word = parser.parse("Snn.qi", 6, ParseContext.COMPLETE);
        assertEquals("qi", word.word());
        assertInstanceOf(org.jline.reader.CompletingParsedLine.class, word);
        assertFalse(repl.session.isComplete("var net = network(\"x\")\n    .trial(10)."));
    }
}
