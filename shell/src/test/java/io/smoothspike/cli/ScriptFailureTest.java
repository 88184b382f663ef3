package io.smoothspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way a script can fail ends in one line {@code FILE:LINE: message} and exit status 1. Errors such as a stack
 * overflow are thrown, not provoked: a real overflow deep inside Groovy can leave a class half-initialised for the rest
 * of the test JVM (the launcher's own JVM ends with the run; the bad-input rounds exercise real overflows there).
 */
class ScriptFailureTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            assert      | assert x == 2                                | 2 | assertion failed: assert x == 2
            recursion   | throw new StackOverflowError()               | 2 | stack overflow
            memory      | def a = new long[Integer.MAX_VALUE]          | 2 | out of memory
            checked     | throw new java.io.IOException('disk gone')   | 2 | IOException: disk gone
            error       | throw new Error('custom')                    | 2 | Error: custom
            method      | foo(3)                                       | 2 | unknown DSL word or wrong arguments
            property    | println bar                                  | 2 | unknown name 'bar'
            nullobject  | def s = null; s.length()                     | 2 | Cannot invoke method length() on null
            syntax      | def y = (                                    | 3 | does not compile
            """)
    void runReportsOneLocatedLine(String name, String line2, int line, String message) throws IOException {
        Path script = script(name, line2);
        Path out = dir.resolve("runs").resolve(name);
        Cli r = Cli.run("run", script.toString(), "--out", out.toString());
        assertOneLine(r, name + ".groovy:" + line + ": ", message);
        assertFalse(Files.exists(dir.resolve("runs")), "a failed run left its output folder behind");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            assert      | assert x == 2                                | 2 | assertion failed: assert x == 2
            recursion   | throw new StackOverflowError()               | 2 | stack overflow
            checked     | throw new java.io.IOException('disk gone')   | 2 | IOException: disk gone
            """)
    void gradcheckReportsOneLocatedLine(String name, String line2, int line, String message) throws IOException {
        assertOneLine(Cli.run("gradcheck", script(name, line2).toString()), name + ".groovy:" + line + ": ", message);
    }

    @Test
    void gradcheckRemovesItsScratchFolder() throws IOException {
        long before = scratchFolders();
        Path script = Files.writeString(dir.resolve("writes.groovy"), "write 'note.txt', 'x'\nassert false\n");
        assertEquals(1, Cli.run("gradcheck", script.toString()).status());
        assertEquals(before, scratchFolders(), "gradcheck left a smoothspike-gradcheck folder in the temp folder");
    }

    private static long scratchFolders() throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith("smoothspike-gradcheck")).count();
        }
    }

    private Path script(String name, String line2) throws IOException {
        return Files.writeString(dir.resolve(name + ".groovy"), "def x = 1\n" + line2 + "\n");
    }

    private static void assertOneLine(Cli r, String prefix, String message) {
        assertEquals(1, r.status(), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
        assertTrue(r.err().startsWith(prefix) && r.err().contains(message), r.toString());
    }
}
