package io.smoothspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gradcheck} covers delays: of a script's network (each kind), and of the built-in delayed MNIST case. */
class DelayGradcheckTest {

    private static final String SCRIPT = """
            network('d') {
                trial duration: 4, spikeCap: 50
                input 'in', size: 3, spikes: [[0.2], [0.5, 1.1], [0.8]]
                population 'h', size: 3, model: qif(tau: 1)
                population 'out', size: 2, model: theta(tau: 1, drive: 1.25), phase0: 3
                connect 'in', 'h', weights: uniform(1, 3, seed: 1) IN_H
                connect 'h', 'out', weights: uniform(0.5, 2, seed: 2) H_OUT
                connect 'h', 'h', weights: normal(0, 0.3, seed: 3) H_H
                readout 'out'
                loss spikeTime([[2.0], [2.5]])
            }
            """;

    /** The number of parameters a passing gradcheck of the script with these delay arguments checks. */
    private static int checked(Path dir, String name, String inH, String hOut, String hH) throws IOException {
        Path script = Files.writeString(dir.resolve(name + ".groovy"), SCRIPT.replace("IN_H", inH)
                .replace("H_OUT", hOut).replace("H_H", hH));
        Cli r = Cli.run("gradcheck", script.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().startsWith("PASS"), r.out());
        Matcher m = Pattern.compile("(\\d+) parameters checked").matcher(r.out());
        assertTrue(m.find(), r.out());
        return Integer.parseInt(m.group(1));
    }

    @Test
    void delaysOfEachKindAreCheckedAndExact(@TempDir Path dir) throws IOException {
        int without = checked(dir, "plain", "", "", "");
        int with = checked(dir, "delays", ", delays: uniform(0.05, 0.5, seed: 4), trainDelays: true",
                ", delays: [0.1, 0.3, 0.2], delayPer: 'neuron', trainDelays: true",
                ", delays: 0.15, delayPer: 'projection'");
        assertEquals(without + 9 + 3 + 1, with, "every delay value is checked: 9 per synapse, 3 per neuron, 1");
    }

    @Test
    void theDelayedMnistCasePasses() {
        Cli r = Cli.run("gradcheck", "--case", "mnist-theta-active-delays", "--max-parameters", "60");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().startsWith("PASS  [mnist-theta-active-delays]"), r.out());
    }
}
