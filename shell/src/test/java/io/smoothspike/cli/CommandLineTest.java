package io.smoothspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The help texts name every command, option and benchmark case; unknown options are named as such. */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void usageNamesEveryCommandAndSuite() {
        Cli r = Cli.run("--help");
        assertEquals(0, r.status());
        for (String command : Main.COMMANDS.keySet()) {
            assertTrue(r.out().contains("\n  " + command + " "), command + " missing in\n" + r.out());
        }
        assertTrue(r.out().contains("bench sim|grad|mnist") && r.out().contains("--force"), r.out());
    }

    @Test
    void eachHelpListsEveryOptionOfItsCommand() {
        assertLists(Cli.run("run", "--help"), RunCommand.OPTIONS, RunCommand.FLAGS);
        assertLists(Cli.run("demo", "--help"), DemoCommand.OPTIONS);
        assertLists(Cli.run("gradcheck", "--help"), GradcheckCommand.OPTIONS, GradcheckCommand.SCRIPT_OPTIONS);
        assertLists(Cli.run("data", "--help"), DataCommand.OPTIONS, DataCommand.FLAGS);
        Cli bench = Cli.run("bench", "--help");
        BenchCommand.OPTIONS.values().forEach(options -> assertLists(bench, options));
        List<String> cases = new ArrayList<>(SimBenchmark.NAMES);
        cases.addAll(GradBenchmark.names());
        for (String name : cases) {
            assertTrue(bench.out().contains(name), name + " missing in\n" + bench.out());
        }
    }

    @SafeVarargs
    private static void assertLists(Cli help, Collection<String>... options) {
        assertEquals(0, help.status(), help.toString());
        for (Collection<String> set : options) {
            for (String name : set) {
                assertTrue(help.out().contains("--" + name + " "), "--" + name + " missing in\n" + help.out());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"run SCRIPT --bogus", "run --bogus SCRIPT", "run SCRIPT --out x --bogus 3", "demo --bogus",
        "gradcheck --bogus", "gradcheck SCRIPT --bogus", "bench sim --bogus", "bench grad --bogus",
        "bench mnist --bogus", "data mnist --bogus", "data mnist --verify --bogus"})
    void unknownOptionsAreNamed(String line) throws IOException {
        Path script = Files.writeString(dir.resolve("s.groovy"), "write 'x.txt', 'x'\n");
        Cli r = Cli.run(line.replace("SCRIPT", script.toString()).split(" "));
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("unknown option --bogus"), r.toString());
        assertTrue(Files.notExists(Path.of("x")) && Files.notExists(dir.resolve("x.txt")));
    }

    @Test
    void optionsOfAnotherSuiteAreUnknown() {
        assertTrue(Cli.run("bench", "mnist", "--case", "silent").err().contains("unknown option --case"));
        assertTrue(Cli.run("bench", "sim", "--batches", "3").err().contains("unknown option --batches"));
    }

    @Test
    void demoRefusesNoNeurons() {
        Cli r = Cli.run("demo", "--neurons", "-1");
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("--neurons must be at least 1"), r.toString());
    }
}
