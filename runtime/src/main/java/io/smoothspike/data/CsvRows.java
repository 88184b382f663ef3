package io.smoothspike.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams the rows of a CSV file of numbers with a fixed header, one at a time, so that only what the caller keeps of
 * them is held. Blank lines are skipped. Errors name the file and line, and the column and value where one is wrong.
 */
final class CsvRows {

    /** Receives one row. */
    interface RowReader {
        void read(Row row) throws IOException;
    }

    /** One row: its line number and its values by column. */
    static final class Row {
        private final Path file;
        private final List<String> columns;
        private String[] values;
        private int line;

        private Row(Path file, List<String> columns) {
            this.file = file;
            this.columns = columns;
        }

        /** The row's line number in the file (from 1). */
        int line() {
            return line;
        }

        /** The whole number in column {@code k}. */
        int integer(int k) throws IOException {
            try {
                return Integer.parseInt(values[k].strip());
            } catch (NumberFormatException e) {
                throw error("column '" + columns.get(k) + "': '" + values[k].strip() + "' is not a whole number");
            }
        }

        /** The number in column {@code k}. */
        double number(int k) throws IOException {
            try {
                return Double.parseDouble(values[k].strip());
            } catch (NumberFormatException e) {
                throw error("column '" + columns.get(k) + "': '" + values[k].strip() + "' is not a number");
            }
        }

        /** An error at this row: {@code FILE:LINE: message}. */
        IOException error(String message) {
            return new IOException(file + ":" + line + ": " + message);
        }
    }

    private CsvRows() {
    }

    /** Reads {@code file}, whose first line must name {@code columns} (comma-separated), row by row. */
    static void read(Path file, List<String> columns, RowReader reader) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        String header = String.join(",", columns);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null || !first.replace("\uFEFF", "").replace(" ", "").equals(header)) {
                throw new IOException(file + ":1: the header must be '" + header + "', found "
                        + (first == null ? "an empty file" : "'" + first + "'"));
            }
            Row row = new Row(file, columns);
            row.line = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                row.line++;
                if (line.isBlank()) {
                    continue;
                }
                row.values = line.split(",", -1);
                if (row.values.length != columns.size()) {
                    throw row.error(row.values.length + " values, the header names " + columns.size() + " ("
                            + header + ")");
                }
                reader.read(row);
            }
        }
    }
}
