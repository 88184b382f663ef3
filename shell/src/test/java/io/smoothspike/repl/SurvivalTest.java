package io.smoothspike.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever a snippet, /run or a command throws prints one line; the session and its variables live on. */
class SurvivalTest {

    @TempDir
    Path dir;

    @Test
    void errorsAndCheckedExceptionsFromSnippetsAndScriptsPrintOneLineEach() throws Exception {
        Files.writeString(dir.resolve("assert.groovy"), "def x = 1\nassert x == 2\n");
        Files.writeString(dir.resolve("checked.groovy"), "throw new java.io.IOException('disk gone')\n");
        Files.writeString(dir.resolve("memory.groovy"), "throw new OutOfMemoryError('simulated')\n");
        // thrown, not provoked: a real overflow inside Groovy can break class initialisation for the whole test JVM
        Files.writeString(dir.resolve("deep.groovy"), "throw new StackOverflowError()\n");
        try (ReplHarness repl = new ReplHarness(dir)) {
            assertTrue(repl.handle("int keep = 7"));
            assertTrue(repl.handle("int f(int n) { return f(n + 1) + 1; }"));
            List<String> failing = List.of("f(0)", "throw new AssertionError(\"boom\")",
                    "throw new java.io.IOException(\"checked\")", "throw new OutOfMemoryError(\"simulated\")",
                    "/run assert.groovy", "/run checked.groovy", "/run memory.groovy", "/run deep.groovy");
            for (String input : failing) {
                assertFalse(repl.handle(input), input);
            }
            List<String> lines = repl.err().lines().toList();
            assertEquals(List.of("exception: StackOverflowError", "exception: AssertionError: boom",
                    "exception: IOException: checked", "exception: OutOfMemoryError: simulated",
                    "error: assert.groovy:2: assertion failed: assert x == 2",
                    "error: checked.groovy:1: IOException: disk gone",
                    "error: memory.groovy:1: out of memory (simulated); give Java more, e.g. "
                            + "SMOOTHSPIKE_JAVA_OPTS=-Xmx16g, or use fewer trials per batch or fewer threads",
                    "error: deep.groovy:1: stack overflow: calls nested too deeply (a function that calls itself "
                            + "without end?)"),
                    lines.stream().map(l -> l.replace(Session.TRACE_HINT, "")).toList());
            repl.clear();
            assertTrue(repl.handle("/trace"));
            assertTrue(repl.out().contains("java.lang.StackOverflowError"), "details under /trace: " + repl.out());
            repl.clear();
            assertTrue(repl.handle("keep"), repl.err());
            assertTrue(repl.out().contains("==> 7"), repl.out());
        }
    }

    @Test
    void aFailingAssertInAScriptEndsPipedInputWithItsMessage() throws Exception {
        Files.writeString(dir.resolve("check.groovy"), "assert 1 + 1 == 3\n");
        try (ReplHarness repl = new ReplHarness(dir)) {
            assertEquals(1, repl.pipe("int a = 1\n/run check.groovy\nint b = 2\n"));
            assertEquals("error: check.groovy:1: assertion failed: assert 1 + 1 == 3" + Session.TRACE_HINT + "\n",
                    repl.err());
            assertFalse(repl.out().contains("b ==> 2"), repl.out());
        }
    }

    @Test
    void compileErrorsShowRequiredAndFoundOnTheOneLine() {
        try (ReplHarness repl = new ReplHarness(dir)) {
            assertFalse(repl.handle("Integer.toHexString()"));
            assertEquals("error: method toHexString in class java.lang.Integer cannot be applied to given types; "
                    + "required: int; found: no arguments; reason: actual and formal argument lists differ in length"
                    + Session.TRACE_HINT + "\n", repl.err());
            repl.clear();
            assertFalse(repl.handle("List<int> xs = null"));
            assertEquals("error: unexpected type; required: reference; found: int" + Session.TRACE_HINT + "\n",
                    repl.err());
        }
    }

    @Test
    void commandsWithBadArgumentsSayWhatIsWrongInOneLine() throws Exception {
        Files.writeString(dir.resolve("bad.json"), "not json");
        try (ReplHarness repl = new ReplHarness(dir)) {
            assertTrue(repl.handle("int x = 1"));
            for (String command : List.of("/open bad.json", "/plot curve x", "/vars x", "/trace x", "/reset now",
                    "/plot raster nothing", "/export", "/open")) {
                repl.clear();
                assertFalse(repl.handle(command), command);
                List<String> lines = repl.err().lines().toList();
                assertEquals(1, lines.size(), command + ": " + repl.err());
                assertTrue(lines.get(0).startsWith("error: "), lines.get(0));
                assertFalse(lines.get(0).contains("Exception"), lines.get(0));
            }
            repl.clear();
            assertFalse(repl.handle("/open bad.json"));
            String file = dir.resolve("bad.json").toString();
            assertEquals(repl.err().indexOf(file), repl.err().lastIndexOf(file), "the file is named once");
            repl.clear();
            assertFalse(repl.handle("/plot curve x"));
            assertTrue(repl.err().contains("x holds an Integer, not a TrainingResult"), repl.err());
            assertTrue(repl.handle("x"), "the variable is still there");
        }
    }
}
