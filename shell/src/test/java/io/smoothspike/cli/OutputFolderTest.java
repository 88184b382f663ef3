package io.smoothspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --out} never mixes a new run into the folder of an earlier one, and a failed run leaves no empty one. */
class OutputFolderTest {

    @TempDir
    Path dir;
    private Path script;
    private Path old;

    @BeforeEach
    void setUp() throws IOException {
        script = Files.writeString(dir.resolve("new.groovy"), "write 'new.txt', 'new run'\n");
        old = Files.createDirectories(dir.resolve("old"));
        Files.writeString(old.resolve("checkpoint.json"), "{\"step\": 10000}");
        Files.writeString(old.resolve("raster.txt"), "old raster");
    }

    @Test
    void aFolderHoldingARunIsRefused() {
        Cli r = Cli.run("run", script.toString(), "--out", old.toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("already holds a run") && r.err().contains("--resume " + old)
                && r.err().contains("--force"), r.toString());
        assertTrue(Files.exists(old.resolve("checkpoint.json")) && Files.exists(old.resolve("raster.txt")));
        assertFalse(Files.exists(old.resolve("new.txt")));
    }

    @Test
    void forceDeletesTheOldRunFirst() {
        Cli r = Cli.run("run", script.toString(), "--out", old.toString(), "--force");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("deleted the 2 files of the previous run in " + old), r.toString());
        assertFalse(Files.exists(old.resolve("checkpoint.json")) || Files.exists(old.resolve("raster.txt")));
        assertTrue(Files.exists(old.resolve("new.txt")));
    }

    @Test
    void resumeWritesIntoTheFolderItContinues() {
        Cli r = Cli.run("run", script.toString(), "--resume", old.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(Files.exists(old.resolve("checkpoint.json")) && Files.exists(old.resolve("new.txt")));
    }

    @Test
    void forceNeverDeletesTheCheckpointToResumeFrom() {
        Cli r = Cli.run("run", script.toString(), "--resume", old.toString(), "--force");
        assertEquals(2, r.status(), r.toString());
        assertTrue(Files.exists(old.resolve("checkpoint.json")));
    }

    @Test
    void aRunFailingBeforeWritingLeavesNoFolderItCreated() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.groovy"), "assert 1 == 2\n");
        Cli r = Cli.run("run", bad.toString(), "--out", dir.resolve("a/b").toString());
        assertEquals(1, r.status(), r.toString());
        assertFalse(Files.exists(dir.resolve("a")));

        Path mine = Files.createDirectories(dir.resolve("mine"));
        assertEquals(1, Cli.run("run", bad.toString(), "--out", mine.toString()).status());
        assertTrue(Files.isDirectory(mine), "a folder the user made stays");
    }
}
