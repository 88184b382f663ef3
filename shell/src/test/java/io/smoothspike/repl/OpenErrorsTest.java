package io.smoothspike.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /open} of a file that is not a network says why once, naming the file once. */
class OpenErrorsTest {

    @TempDir
    Path dir;

    private String openFails(String file) {
        try (ReplHarness repl = new ReplHarness(dir)) {
            assertEquals(1, repl.pipe("/open " + file + "\n"), repl.out());
            return repl.err().lines().filter(l -> l.startsWith("error:")).findFirst().orElse(repl.err());
        }
    }

    @Test
    void anEmptyFileIsEmpty() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.json"), "");
        assertEquals("error: " + file + ": file is empty (/trace for details)", openFails("empty.json"));
    }

    @Test
    void aMissingFileIsNotFound() {
        String line = openFails("missing.json");
        assertTrue(line.startsWith("error: cannot read " + dir.resolve("missing.json") + ": file not found"), line);
    }
}
