package io.smoothspike.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * SHA-256 sums of data files, remembered so that loading a file again does not hash it again: in memory for the rest
 * of the process, and in a file {@value #FILE} beside the data (one line per file: sum, size, modification time,
 * name) for later processes.
 *
 * <p>A remembered sum counts only while the file's size and modification time are unchanged. A file modified less
 * than {@value #SETTLE_MILLIS} ms before it was hashed is not remembered: a change within the file system's timestamp
 * resolution would leave its modification time as it was. Writing {@value #FILE} is best effort; in a read-only
 * directory every process hashes once.
 */
final class Sha256Cache {

    /** Name of the cache file in the data directory. */
    static final String FILE = ".smoothspike-sha256";

    /** How long ago a file must have been modified for its sum to be remembered. */
    static final long SETTLE_MILLIS = 3000;

    /** The cache the loaders of this process share. */
    static final Sha256Cache SHARED = new Sha256Cache();

    private record Entry(long size, long modifiedMillis, String sha256) {
    }

    private final Map<Path, Entry> memory = new HashMap<>();

    /** The hex SHA-256 of {@code file}'s content (decompressed if gzip), from the cache when it is still valid. */
    synchronized String sha256(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        BasicFileAttributes before = Files.readAttributes(abs, BasicFileAttributes.class);
        Entry known = memory.get(abs);
        if (known == null) {
            known = readCacheFile(abs.getParent()).get(abs.getFileName().toString());
        }
        if (known != null && matches(known, before)) {
            memory.put(abs, known);
            return known.sha256();
        }
        long hashedAt = System.currentTimeMillis();
        String sum = hash(abs);
        BasicFileAttributes after = Files.readAttributes(abs, BasicFileAttributes.class);
        Entry fresh = new Entry(after.size(), after.lastModifiedTime().toMillis(), sum);
        if (matches(fresh, before) && fresh.modifiedMillis() < hashedAt - SETTLE_MILLIS) {
            memory.put(abs, fresh);
            writeCacheFile(abs, fresh);
        } else {
            memory.remove(abs);
        }
        return sum;
    }

    private static boolean matches(Entry e, BasicFileAttributes a) {
        return e.size() == a.size() && e.modifiedMillis() == a.lastModifiedTime().toMillis();
    }

    /** The entries of {@code dir}'s cache file by file name; empty when it is missing or unreadable. */
    private static Map<String, Entry> readCacheFile(Path dir) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return entries;
        }
        for (String line : lines) {
            String[] f = line.split(" ", 4);
            try {
                if (f.length == 4 && f[0].matches("[0-9a-f]{64}")) {
                    entries.put(f[3], new Entry(Long.parseLong(f[1]), Long.parseLong(f[2]), f[0]));
                }
            } catch (NumberFormatException e) {
                // a damaged line only costs a rehash
            }
        }
        return entries;
    }

    /** Records {@code e} for {@code file} in its directory's cache file (write to a temporary file, then rename). */
    private static void writeCacheFile(Path file, Entry e) {
        Path dir = file.getParent();
        Map<String, Entry> entries = readCacheFile(dir);
        entries.put(file.getFileName().toString(), e);
        StringBuilder b = new StringBuilder();
        entries.forEach((name, x) -> b.append(x.sha256()).append(' ').append(x.size()).append(' ')
                .append(x.modifiedMillis()).append(' ').append(name).append('\n'));
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, FILE, ".tmp");
            Files.writeString(tmp, b, StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException ex) {
            // read-only directory or similar: the next process hashes again
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }

    /** Hex SHA-256 of a file's content, decompressed first if it starts with the gzip magic bytes; no caching. */
    static String hash(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256", e);
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            try (InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
