package io.smoothspike.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines starting with '.' continue the snippet above, one line at a time (interactive) as in one piece (piped). */
class LeadingDotTest {

    @TempDir
    Path dir;

    /** A builder whose construction is counted, so that a snippet run twice shows. */
    private static final String COUNTED = """
            int[] made = {0}
            StringBuilder make(String s) { made[0]++; return new StringBuilder(s); }
            """;

    private static void handleAll(ReplHarness repl, List<String> lines) {
        for (String line : lines) {
            assertTrue(repl.handle(line), line + ": " + repl.err());
        }
    }

    @Test
    void aLineStartingWithADotExtendsTheValueAboveWithoutRunningItAgain() {
        try (ReplHarness typed = new ReplHarness(dir); ReplHarness piped = new ReplHarness(dir)) {
            String chain = """
                    var b = make("a")
                        .append("b")
                        .append("c")
                    make("x")
                        .append("y")
                        .length()
                    """;
            assertEquals(0, typed.pipe(COUNTED), typed.err());
            handleAll(typed, chain.lines().toList()); // one line at a time, as typed
            assertEquals(0, piped.pipe(COUNTED + chain), piped.err());
            for (ReplHarness repl : List.of(typed, piped)) {
                repl.clear();
                assertTrue(repl.handle("b.toString() + \" \" + made[0] + \" \" + b.getClass().getSimpleName()"));
                assertTrue(repl.out().contains("==> \"abc 2 StringBuilder\""), repl.out());
            }
        }
    }

    @Test
    void theReadmeChainWithADeclaredTypeCompilesOnceComplete() {
        try (ReplHarness repl = new ReplHarness(dir)) {
            // alone, the first line declares a builder as a Network: rejected, so nothing ran; the next lines join it
            assertFalse(repl.handle("Network net = network(\"chain\")"));
            assertTrue(repl.err().contains("incompatible types"), repl.err());
            for (String line : List.of(".trial(10, 25)", ".input(\"in\", 2).spikes(new double[][] {{1.0}, {9.0}})",
                    ".population(\"out\", 1, qif(1))", ".connect(\"in\", \"out\").weights(constant(1.5))",
                    ".readout(\"out\").spikes(2)", ".loss(spikeTimeLoss(new double[][] {{2.5, 7.5}}))")) {
                repl.handle(line);
            }
            repl.clear();
            assertTrue(repl.handle("    .compile()"), repl.err());
            assertTrue(repl.out().contains("net ==> Network chain: 1 neuron, 2 input channels"), repl.out());
        }
    }

    @Test
    void aFailingLineLeavesTheVariableAsItWas() {
        try (ReplHarness repl = new ReplHarness(dir)) {
            assertEquals(0, repl.pipe(COUNTED + "var b = make(\"a\")\n"), repl.err());
            assertFalse(repl.handle(".apend(\"typo\")"));
            assertTrue(repl.err().startsWith("error: cannot find symbol"), repl.err());
            assertFalse(repl.handle(".charAt(99)"));
            assertTrue(repl.err().contains("exception: StringIndexOutOfBoundsException"), repl.err());
            assertTrue(repl.handle(".append(\"b\")"), repl.err());
            repl.clear();
            assertTrue(repl.handle("b + \" \" + made[0]"));
            assertTrue(repl.out().contains("==> \"ab 1\""), repl.out());
        }
    }

    @Test
    void whatCannotBeContinuedSaysSo() {
        try (ReplHarness repl = new ReplHarness(dir)) {
            assertFalse(repl.handle(".trial(10, 25)"));
            assertTrue(repl.err().startsWith("error: a line starting with '.' continues the snippet above it, but "
                    + "there is no snippet above it"), repl.err());
            repl.clear();
            assertTrue(repl.handle("var s = \"a\" + \"b\""));
            assertFalse(repl.handle(".length()"), "\"a\" + \"b\".length() is not (\"a\" + \"b\").length()");
            assertTrue(repl.err().contains("would apply to b alone"), repl.err());
            repl.clear();
            assertTrue(repl.handle("for (int i = 0; i < 2; i++) s += i;"));
            assertFalse(repl.handle(".length()"));
            assertTrue(repl.err().contains("the snippet above it (a statement) has no value to continue"),
                    repl.err());
            assertTrue(repl.handle("double d = .5"), "a number is no continuation: " + repl.err());
        }
    }

    @Test
    void saveWritesTheChainAsWritten() throws Exception {
        try (ReplHarness repl = new ReplHarness(dir)) {
            assertEquals(0, repl.pipe(COUNTED), repl.err());
            handleAll(repl, List.of("var b = make(\"a\")", ".append(\"b\")", "make(\"x\")", ".append(\"y\")",
                    "/save chain.jsh"));
            String saved = Files.readString(dir.resolve("chain.jsh"));
            assertTrue(saved.contains("var b = make(\"a\")\n.append(\"b\");"), saved);
            assertTrue(saved.contains("make(\"x\")\n.append(\"y\");"), saved);
            assertFalse(saved.contains("Registry"), saved);
            try (ReplHarness again = new ReplHarness(dir)) {
                assertTrue(again.handle("/load chain.jsh"), again.err());
                again.clear();
                assertTrue(again.handle("b + \" \" + made[0]"));
                assertTrue(again.out().contains("==> \"ab 2\""), "each chain runs once: " + again.out());
            }
        }
    }
}
