package io.smoothspike.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remembering SHA-256 sums in memory and beside the data, keyed by size and modification time. */
class Sha256CacheTest {

    @TempDir
    Path tmp;

    private static final FileTime HOUR_AGO = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);

    /** Writes {@code content} to {@code file} and gives it the modification time {@code time}. */
    private static Path write(Path file, String content, FileTime time) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, time);
        return file;
    }

    @Test
    void hashOfAKnownString() throws IOException {
        Path f = write(tmp.resolve("abc"), "abc", HOUR_AGO);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256Cache.hash(f));
    }

    @Test
    void aSettledFileIsRememberedInAFileBesideIt() throws IOException {
        Path f = write(tmp.resolve("data"), "original", HOUR_AGO);
        String sum = Sha256Cache.hash(f);
        assertEquals(sum, new Sha256Cache().sha256(f));
        assertEquals(List.of(sum + " 8 " + Files.getLastModifiedTime(f).toMillis() + " data"),
                Files.readAllLines(tmp.resolve(Sha256Cache.FILE)));

        // a later process trusts the record while size and modification time are unchanged: it does not rehash
        write(f, "altered!", HOUR_AGO);
        assertEquals(sum, new Sha256Cache().sha256(f));

        // an ordinary change moves the modification time, so the file is hashed again
        Files.writeString(f, "altered!", StandardCharsets.UTF_8);
        assertEquals(Sha256Cache.hash(f), new Sha256Cache().sha256(f));
    }

    @Test
    void aChangedSizeMeansRehashing() throws IOException {
        Path f = write(tmp.resolve("data"), "original", HOUR_AGO);
        Sha256Cache cache = new Sha256Cache();
        cache.sha256(f);
        write(f, "longer content", HOUR_AGO);
        assertEquals(Sha256Cache.hash(f), cache.sha256(f));
        assertEquals(Sha256Cache.hash(f), new Sha256Cache().sha256(f));
    }

    @Test
    void aJustModifiedFileIsNotRemembered() throws IOException {
        Path f = tmp.resolve("data");
        Files.writeString(f, "original", StandardCharsets.UTF_8);
        Sha256Cache cache = new Sha256Cache();
        cache.sha256(f);
        assertFalse(Files.exists(tmp.resolve(Sha256Cache.FILE)));
        // a change within the timestamp resolution keeps the modification time; the sum must still follow it
        FileTime same = Files.getLastModifiedTime(f);
        write(f, "altered!", same);
        assertEquals(Sha256Cache.hash(f), cache.sha256(f));
    }

    @Test
    void damagedCacheLinesAreIgnored() throws IOException {
        Path f = write(tmp.resolve("data"), "original", HOUR_AGO);
        Files.writeString(tmp.resolve(Sha256Cache.FILE), "garbage\n" + "0".repeat(64) + " x 1 data\n"
                + "0".repeat(64) + " 8 " + (HOUR_AGO.toMillis() + 1) + " data\n", StandardCharsets.UTF_8);
        assertEquals(Sha256Cache.hash(f), new Sha256Cache().sha256(f));
    }
}
