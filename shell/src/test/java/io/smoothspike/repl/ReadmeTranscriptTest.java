package io.smoothspike.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transcript in README.md's "Interactive use" section runs as shown. */
class ReadmeTranscriptTest {

    @TempDir
    Path dir;

    static Path readme() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("dsl"))) {
                return p.resolve("README.md");
            }
        }
        throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
    }

    /** The typed lines of the section: those after the prompt or the continuation prompt. */
    static List<String> typedLines() throws Exception {
        String text = Files.readString(readme());
        int start = text.indexOf("\n## Interactive use");
        assertTrue(start >= 0, "README has an 'Interactive use' section");
        int end = text.indexOf("\n## ", start + 1);
        List<String> typed = new ArrayList<>();
        for (String line : text.substring(start, end < 0 ? text.length() : end).split("\n")) {
            if (line.startsWith(Repl.PROMPT)) {
                typed.add(line.substring(Repl.PROMPT.length()));
            } else if (line.startsWith(Repl.CONTINUATION)) {
                typed.add(line.substring(Repl.CONTINUATION.length()));
            }
        }
        return typed;
    }

    @Test
    void theTranscriptRuns() throws Exception {
        List<String> typed = typedLines();
        assertTrue(typed.size() >= 6, typed.toString());
        assertEquals("/exit", typed.get(typed.size() - 1));
        System.setProperty("smoothspike.runs", dir.resolve("runs").toString());
        try (ReplHarness repl = new ReplHarness(dir)) {
            assertEquals(0, repl.pipe(String.join("\n", typed) + "\n"), repl.err());
            assertEquals("", repl.err());
            assertTrue(repl.out().contains("r ==> TrainingResult[loss "), repl.out());
            assertTrue(Files.size(dir.resolve("net-raster.png")) > 0);
        } finally {
            System.clearProperty("smoothspike.runs");
        }
    }
}
