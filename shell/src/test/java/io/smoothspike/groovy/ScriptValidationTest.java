package io.smoothspike.groovy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scripts whose counts are not exact integers, whose sizes cannot fit in memory, or whose loss targets cannot be
 * reached fail at the line that says so, before anything is built or trained.
 */
class ScriptValidationTest {

    @TempDir
    Path dir;

    private ScriptError fails(String body) throws IOException {
        Path f = dir.resolve("x.groovy");
        Files.writeString(f, body);
        return assertThrows(ScriptError.class, () -> ScriptRunner.run(f, dir.resolve("out"), null, Map.of()));
    }

    /** A script whose line 4 holds {@code line4}; lines 1-3 and 5-8 describe a small valid network. */
    private static String network(String trial, String input, String population, String readout) {
        return "network('x') {\n"
                + "    " + trial + "\n"
                + "    " + input + "\n"
                + "    " + population + "\n"
                + "    connect 'in', 'out', weights: 1.5\n"
                + "    " + readout + "\n"
                + "}\n";
    }

    private static final String TRIAL = "trial duration: 10";
    private static final String INPUT = "input 'in', size: 1, spikes: [[1.0]]";
    private static final String POP = "population 'out', size: 3, model: qif(tau: 1)";
    private static final String READOUT = "readout 'out'";

    static Stream<Arguments> notIntegers() {
        return Stream.of(
                Arguments.of(network(TRIAL, "input 'in', size: 0.7, spikes: [[1.0]]", POP, READOUT), 3,
                        "input 'in': 'size' must be an integer, got 0.7"),
                Arguments.of(network(TRIAL, "input 'in', size: 4294967297, spikes: [[1.0]]", POP, READOUT), 3,
                        "input 'in': 'size' must be an integer in [-2147483648, 2147483647], got 4294967297"),
                Arguments.of(network("trial duration: 10, spikeCap: 1e10", INPUT, POP, READOUT), 2,
                        "trial: 'spikeCap' must be an integer in [-2147483648, 2147483647], got 1E+10"),
                Arguments.of(network(TRIAL, INPUT, "population 'out', size: Double.POSITIVE_INFINITY, "
                        + "model: qif(tau: 1)", READOUT), 4,
                        "population 'out': 'size' must be an integer, got Infinity"),
                Arguments.of(network(TRIAL, INPUT, "population 'out', size: 3.0000000000000000001, "
                        + "model: qif(tau: 1)", READOUT), 4, "must be an integer, got 3.0000000000000000001"),
                Arguments.of(network(TRIAL, INPUT, POP, "readout 'out', neurons: [0.5, 1]"), 6,
                        "readout 'out': 'neurons': entry 0 must be an integer, got 0.5"),
                Arguments.of(network(TRIAL, INPUT, POP, "readout 'out', neurons: [4294967296]"), 6,
                        "entry 0 must be an integer in [-2147483648, 2147483647], got 4294967296"),
                Arguments.of(network(TRIAL, "input 'in', size: 1, poisson: [rate: 1, seed: 0.5]", POP, READOUT), 3,
                        "'seed' must be an integer seed, got 0.5"),
                Arguments.of(network(TRIAL, INPUT, POP, READOUT).replace("weights: 1.5",
                        "weights: 1.5, connectivity: mask([[true, 1, false]])"), 5,
                        "mask entry [0][1] must be true or false, got 1"));
    }

    @ParameterizedTest(name = "line {1}: {2}")
    @MethodSource("notIntegers")
    void countsThatAreNotExactIntegersAreRefusedAtTheirLine(String script, int line, String message)
            throws IOException {
        ScriptError e = fails(script);
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void wholeNumbersInAnyFormAreAccepted() throws IOException {
        Path f = dir.resolve("ok.groovy");
        Files.writeString(f, network("trial duration: 10, spikeCap: 50.0", "input 'in', size: 1L, spikes: [[1.0]]",
                "population 'out', size: 3.0, model: qif(tau: 1)", "readout 'out', neurons: [2, 0.0]"));
        var net = ScriptRunner.run(f, dir.resolve("out"), null, Map.of()).networks().get(0);
        assertEquals(50, net.trial().spikeCap());
        assertEquals(2, net.readout().neurons().length);
    }

    @Test
    void aPopulationThatCannotFitIsRefusedAtItsLine() throws IOException {
        ScriptError e = fails(network(TRIAL, INPUT, "population 'out', size: 2000000000, model: qif(tau: 1)",
                READOUT));
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("populations[out]: 2000000000 neurons"), e.getMessage());
    }

    @Test
    void anAllToAllProjectionThatCannotFitIsRefusedAtItsLine() throws IOException {
        ScriptError e = fails(network(TRIAL, "input 'in', size: 70000, external: true",
                "population 'out', size: 70000, model: qif(tau: 1)", READOUT));
        assertEquals(5, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("projections[in->out]: all-to-all 70000 x 70000: 4.9e9 weights"),
                e.getMessage());
    }

    @Test
    void loadingAMissingNetworkFileNamesTheFileAndTheLine() throws IOException {
        Path missing = dir.resolve("missing.json");
        ScriptError e = fails("def x = 1\ndef net = Network.load(java.nio.file.Path.of('" + missing + "'))\n");
        assertEquals(2, e.line(), e.getMessage());
        assertTrue(e.getMessage().endsWith(missing + ": file not found"), e.getMessage());
    }

    @Test
    void aNegativeSpikeTrainTargetIsRefusedAtTheLossLineNotAtTrain() throws IOException {
        ScriptError e = fails("""
                def net = network('x') {
                    trial duration: 10
                    input 'in', size: 1, spikes: [[1.0]]
                    population 'out', size: 1, model: qif(tau: 1)
                    connect 'in', 'out', weights: 1.5
                    readout 'out', spikes: 3
                    loss spikeTrain([[-3.0, 2.0]])
                }
                train(net, trials: 1)
                """);
        assertEquals(7, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("loss: target 0 of read-out neuron 0: target times must be finite "
                + "and >= 0"), e.getMessage());
    }
}
