package io.smoothspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.data.IdxDataSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code smoothspike data}: the named sets, and what a failed check tells the user to do. */
class DataCommandTest {

    @TempDir
    Path dir;

    @Test
    void namesTheKnownSets() {
        Cli r = Cli.run("data", "cifar");
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("unknown data set 'cifar'; known: mnist, fashion-mnist"), r.toString());
        Cli help = Cli.run("data", "--help");
        assertTrue(help.out().contains("fashion-mnist  Fashion-MNIST, from Debian's dataset-fashion-mnist package"),
                help.out());
    }

    @Test
    void filesOfAnotherOriginAreNeverFetchedOver() throws IOException {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        for (String name : IdxDataSet.FASHION_MNIST.sha256().keySet()) {
            // well-formed one-item IDX files: images [1, 28, 28], labels [1]
            byte[] head = name.contains("images") ? new byte[] {0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 28, 0, 0, 0, 28}
                    : new byte[] {0, 0, 8, 1, 0, 0, 0, 1};
            byte[] file = java.util.Arrays.copyOf(head, head.length + (name.contains("images") ? 784 : 1));
            Files.write(mine.resolve(name), file);
        }
        Cli r = Cli.run("data", "fashion-mnist", "--verify", "--dir", mine.toString());
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.out().contains("CORRUPT  " + mine.resolve("train-images-idx3-ubyte") + ": SHA-256 "), r.out());
        assertTrue(r.out().contains("4 of 4 files fail. Files of another origin in this format load in scripts with"
                + " idx(dir: '" + mine + "'), without a check; './smoothspike data fashion-mnist' puts the published"
                + " Fashion-MNIST into the user cache (" + IdxDataSet.FASHION_MNIST.defaultCacheDir() + ")."),
                r.out());
        assertFalse(r.out().contains("--dir"), "no fetch into the user's folder is suggested: " + r.out());
        assertEquals("Run './smoothspike data mnist' to fetch the cached copy again.",
                DataCommand.whatToDo(IdxDataSet.MNIST, IdxDataSet.MNIST.defaultCacheDir()));
    }
}
