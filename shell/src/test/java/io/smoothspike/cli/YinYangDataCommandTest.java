package io.smoothspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.data.YinYang;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code smoothspike data yinyang}: the three CSV files, and no silent overwriting. */
class YinYangDataCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheThreeSplitsAsCsv() throws IOException {
        Path dir = tmp.resolve("new/yinyang");
        Cli r = Cli.run("data", "yinyang", "--out", dir.toString());
        assertEquals(0, r.status(), r.toString());
        for (String split : new String[] {"train", "validation", "test"}) {
            Path file = dir.resolve(split + ".csv");
            assertTrue(r.out().contains("Wrote " + file), r.out());
            String text = Files.readString(file);
            assertEquals(YinYang.split(split).csv(), text, split);
            assertTrue(text.startsWith("x,y,x_flipped,y_flipped,label\n"), split);
            assertEquals(YinYang.Split.named(split).size() + 1, text.lines().count(), split);
        }
    }

    @Test
    void refusesToOverwriteWithoutForce() throws IOException {
        Path test = Files.writeString(tmp.resolve("test.csv"), "mine\n");
        Cli refused = Cli.run("data", "yinyang", "--out", tmp.toString());
        assertEquals(2, refused.status(), refused.toString());
        assertTrue(refused.err().contains("--out " + tmp + " already holds test.csv; give --force to overwrite"),
                refused.toString());
        assertEquals("mine\n", Files.readString(test));
        assertTrue(Files.notExists(tmp.resolve("train.csv")), "nothing written after a refusal");

        Cli forced = Cli.run("data", "yinyang", "--out", tmp.toString(), "--force");
        assertEquals(0, forced.status(), forced.toString());
        assertEquals(YinYang.split("test").csv(), Files.readString(test));
    }

    @Test
    void namesMissingAndUnknownOptions() {
        Cli noOut = Cli.run("data", "yinyang");
        assertEquals(2, noOut.status(), noOut.toString());
        assertTrue(noOut.err().contains("give the folder for the CSV files: 'smoothspike data yinyang --out DIR'"),
                noOut.toString());
        Cli bogus = Cli.run("data", "yinyang", "--dir", "x");
        assertEquals(2, bogus.status(), bogus.toString());
        assertTrue(bogus.err().contains("unknown option --dir; known: --force, --out"), bogus.toString());
        Cli help = Cli.run("data", "yinyang", "--help");
        assertTrue(help.out().contains("--out DIR") && help.out().contains("--force"), help.toString());
        String unknown = Cli.run("data", "bogus").err();
        assertTrue(unknown.contains("unknown data set 'bogus'; known: ") && unknown.contains("yinyang"), unknown);
    }
}
