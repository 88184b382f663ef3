package io.smoothspike.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive loop on a JLine dumb terminal: multi-line snippets, results, failures, history, end of input. */
class InteractiveTerminalTest {

    @TempDir
    Path dir;

    @Test
    void multiLineSnippetsRunAndHistoryIsKept() throws Exception {
        String typed = """
                Network n = network("two_lines").trial(10, 25).
                    input("in", 2).spikes(new double[][] {{1.0}, {9.0}}).
                    population("out", 1, qif(1)).connect("in", "out").weights(constant(1.5)).
                    readout("out").spikes(2).loss(spikeTimeLoss(new double[][] {{2.5, 7.5}})).compile()
                n.simulate().outputTimes()[0].length
                var lead = network("leading_dots")
                        .trial(10, 25)
                        .input("in", 1).spikes(new double[][] {{1.0}})
                        .population("out", 1, qif(1)).connect("in", "out")
                        .compile()
                oops(
                )
                1 + 1
                """;
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Path history = dir.resolve("history");
        try (Terminal terminal = new DumbTerminal(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                screen);
                Session session = new Session(dir, terminal.writer(), terminal.writer())) {
            assertEquals(0, new Repl(session).runInteractive(terminal, history)); // ends at end of input (Ctrl-D)
        }
        String out = screen.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("n ==> Network two_lines: 1 neuron, 2 input channels"), out);
        assertTrue(out.contains("==> 2"), out);
        assertTrue(out.contains("lead ==> Network leading_dots: 1 neuron, 1 input channel"), out);
        assertTrue(out.contains("error: cannot find symbol: oops()" + Session.TRACE_HINT), out);
        assertTrue(out.contains("$2 ==> 2"), out);
        String saved = Files.readString(history);
        assertTrue(saved.contains("1 + 1"), saved);
        assertTrue(saved.contains("network(\"two_lines\")"), saved);
    }
}
