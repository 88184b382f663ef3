package io.smoothspike.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standard input from a pipe or file: snippets in order, exit status 1 at the first failure. */
class PipedModeTest {

    @TempDir
    Path dir;

    @Test
    void stopsWithStatusOneAtTheFirstFailingSnippetOrCommand() {
        try (ReplHarness repl = new ReplHarness(dir)) {
            assertEquals(1, repl.pipe("int a = 1\nint b = a +\n    undefinedThing\nint c = 3\n"));
            assertTrue(repl.out().contains("a ==> 1"), repl.out());
            assertFalse(repl.out().contains("c ==> 3"), "nothing runs after the failure: " + repl.out());
            assertEquals("error: cannot find symbol: undefinedThing" + Session.TRACE_HINT + "\n", repl.err());
            repl.clear();
            assertEquals(1, repl.pipe("/nonsense\nint d = 4\n"));
            assertFalse(repl.out().contains("d ==> 4"));
            repl.clear();
            assertEquals(1, repl.pipe("Object o = null\no.toString()\n"));
            assertTrue(repl.err().startsWith("exception: NullPointerException"), repl.err());
        }
    }

    @Test
    void inputThatEndsInsideACommentOrSnippetFailsWithStatusOne() {
        try (ReplHarness repl = new ReplHarness(dir)) {
            assertEquals(1, repl.pipe("int a = 1\n\n/* a comment\n   never closed\n"));
            assertTrue(repl.out().contains("a ==> 1"), repl.out());
            assertEquals("error: line 3: the input ends before this snippet or comment is complete (an unclosed "
                    + "bracket, comment or string?): /* a comment" + Session.TRACE_HINT + "\n", repl.err());
            repl.clear();
            assertEquals(1, repl.pipe("int b = Math.max(1,\n"));
            assertTrue(repl.err().startsWith("error: line 1: the input ends before"), repl.err());
        }
    }

    @Test
    void succeedsWithStatusZeroAndStopsReadingAtExit() {
        try (ReplHarness repl = new ReplHarness(dir)) {
            String in = """
                    // comments and blank lines are fine

                    int[] xs = {1, 2,
                                3}
                    String s = String.valueOf(xs.length)
                            .repeat(2)
                    /exit
                    this is not Java
                    """;
            assertEquals(0, repl.pipe(in), repl.err());
            assertTrue(repl.out().contains("xs ==> int[3] { 1, 2, 3 }"), repl.out());
            assertTrue(repl.out().contains("s ==> \"33\""), repl.out());
            assertEquals("", repl.err());
        }
    }
}
