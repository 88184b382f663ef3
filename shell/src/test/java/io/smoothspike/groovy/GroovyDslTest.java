package io.smoothspike.groovy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.dsl.Snn;
import io.smoothspike.network.Network;
import io.smoothspike.network.NetworkFile;
import io.smoothspike.network.SimulationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Groovy builder: same descriptions as the Java DSL, parameters, outputs, and errors that point to lines. */
class GroovyDslTest {

    @TempDir
    Path dir;

    private Path script(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private ScriptRunner.Result run(Path f, Map<String, String> overrides) {
        return ScriptRunner.run(f, dir.resolve("out"), null, overrides);
    }

    private static final String RECURRENT = """
            def p = params(seed: 4, n: 5)
            network('rec') {
                trial duration: 8, spikeCap: 300, alpha: 7, pseudoRule: 'recurrent'
                input 'drive', size: p.n, poisson: [rate: 2, seed: p.seed]
                input 'cue', size: 2, spikes: [[0.5, 1.5], [2.0]]
                population 'rnn', size: p.n, model: qif(tau: 1.5), V0: uniform(low: -1, high: 1, seed: 2), I0: 0.5,
                        trainInitial: true, trainConstants: ['tau']
                population 'theta', size: 3, model: theta(tau: 1, drive: 0.5), phase0: 1.0
                connect 'drive', 'rnn', connectivity: oneToOne(), weights: 4, trainable: false
                connect 'cue', 'rnn', weights: normal(std: 2, seed: 3)
                connect 'rnn', 'rnn', connectivity: random(p: 0.5, seed: 9, self: false),
                        weights: normal(std: 1, seed: 5)
                connect 'rnn', 'theta', weights: fanInUniform(scale: 0.5, offset: 0.2, seed: 6)
                readout 'theta', neurons: [0, 2], spikes: 2
                loss sum(weighted(0.5, spikeTime([[1, 2], [3, 4]])), weighted(2, spikeTrain([[1.5], [2.5]])))
            }
            """;

    private static Network javaRecurrent() {
        return Snn.network("rec").trial(8, 300).pseudo(7, "recurrent")
                .input("drive", 5).poisson(2, 4)
                .input("cue", 2).spikeTimes(0, 0.5, 1.5).spikeTimes(1, 2.0)
                .population("rnn", 5, Snn.qif(1.5)).v0(Snn.uniform(-1, 1, 2)).i0(0.5).trainInitial()
                .trainConstants("tau")
                .population("theta", 3, Snn.theta(1, 0.5)).phase0(1.0)
                .connect("drive", "rnn").connectivity(Snn.oneToOne()).weights(Snn.constant(4)).frozen()
                .connect("cue", "rnn").weights(Snn.normal(0, 2, 3))
                .connect("rnn", "rnn").connectivity(Snn.randomNoSelf(0.5, 9)).weights(Snn.normal(0, 1, 5))
                .connect("rnn", "theta").weights(Snn.fanInUniform(0.5, 0.2, 6))
                .readout("theta", 0, 2).spikes(2)
                .loss(Snn.sum(Snn.weighted(0.5, Snn.spikeTimeLoss(new double[][] {{1, 2}, {3, 4}})),
                        Snn.weighted(2, Snn.spikeTrainLoss(new double[][] {{1.5}, {2.5}}))))
                .compile();
    }

    @Test
    void groovyAndJavaDescriptionsAreIdentical() throws IOException {
        Network groovy = run(script("rec.groovy", RECURRENT), Map.of()).networks().get(0);
        Network java = javaRecurrent();
        assertEquals(NetworkFile.toJson(java.spec()), NetworkFile.toJson(groovy.spec()));
        assertEquals(java.parameterNames(), groovy.parameterNames());
        for (String name : java.parameterNames()) {
            assertArrayEquals(java.parameter(name), groovy.parameter(name), 0.0, name);
        }
        SimulationResult a = java.simulate();
        SimulationResult b = groovy.simulate();
        assertTrue(a.record().spikeCount() > 0, "the network is active");
        assertEquals(a.record().eventCount(), b.record().eventCount());
        for (int k = 0; k < a.record().eventCount(); k++) {
            assertEquals(a.record().time(k), b.record().time(k), 0.0);
        }
        for (int r = 0; r < 2; r++) {
            assertArrayEquals(a.outputTimes()[r], b.outputTimes()[r], 0.0);
        }
    }

    @Test
    void linearAlgebraInitialisersAsInJava() throws IOException {
        Network groovy = run(script("la.groovy", """
                network('la') {
                    trial duration: 4
                    input 'in', size: 6, external: true
                    population 'h', size: 5, model: qif(tau: 1)
                    connect 'in', 'h', weights: orthogonal(gain: 1.0, seed: 3)
                    connect 'h', 'h', weights: normal(0, 0.1, seed: 3, spectralRadius: 0.9)
                    population 'o', size: 5, model: qif(tau: 1)
                    connect 'h', 'o', weights: uniform(low: -1, high: 1, seed: 2, spectralRadius: 0.5)
                    connect 'o', 'o', connectivity: allToAll(self: true), weights: orthogonal(seed: 4)
                }
                """), Map.of()).networks().get(0);
        Network java = Snn.network("la").trial(4)
                .input("in", 6).external()
                .population("h", 5, Snn.qif(1))
                .connect("in", "h").weights(Snn.orthogonal(1, 3))
                .connect("h", "h").weights(Snn.spectralRadius(0.9, Snn.normal(0, 0.1, 3)))
                .population("o", 5, Snn.qif(1))
                .connect("h", "o").weights(Snn.spectralRadius(0.5, Snn.uniform(-1, 1, 2)))
                .connect("o", "o").connectivity(Snn.allToAll()).weights(Snn.orthogonal(1, 4))
                .compile();
        assertEquals(NetworkFile.toJson(java.spec()), NetworkFile.toJson(groovy.spec()));
        for (String name : java.parameterNames()) {
            assertArrayEquals(java.parameter(name), groovy.parameter(name), 0.0, name);
        }
        ScriptError unknown = assertThrows(ScriptError.class, () -> run(script("u.groovy", """
                network('u') {
                    trial duration: 4
                    input 'in', size: 2, external: true
                    population 'h', size: 2, model: qif(tau: 1)
                    connect 'in', 'h', weights: normal(0, 1, mean: 2)
                }
                """), Map.of()));
        assertEquals(5, unknown.line(), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("normal: unknown argument 'mean'; known: [seed, spectralRadius]"),
                unknown.getMessage());
        ScriptError square = assertThrows(ScriptError.class, () -> run(script("s.groovy", """
                network('s') {
                    trial duration: 4
                    input 'in', size: 3, external: true
                    population 'h', size: 2, model: qif(tau: 1)
                    connect 'in', 'h', weights: normal(0, 1, seed: 1, spectralRadius: 0.9)
                }
                """), Map.of()));
        assertEquals(5, square.line(), square.getMessage());
        assertTrue(square.getMessage().contains("a spectral radius needs a square weight matrix"), square.getMessage());
    }

    @Test
    void parameterOverridesAreTypedAndChecked() throws IOException {
        Path f = script("rec.groovy", RECURRENT);
        Network net = run(f, Map.of("n", "7")).networks().get(0);
        assertEquals(7, net.graph().populations().get(0).size());
        ScriptError unknown = assertThrows(ScriptError.class, () -> run(f, Map.of("neurons", "7")));
        assertTrue(unknown.getMessage().contains("unknown parameter -Pneurons") && unknown.getMessage()
                .contains("[seed, n]"), unknown.getMessage());
        ScriptError type = assertThrows(ScriptError.class, () -> run(f, Map.of("n", "seven")));
        assertTrue(type.getMessage().contains("-Pn=seven"), type.getMessage());
    }

    @Test
    void descriptionErrorsPointToTheScriptLine() throws IOException {
        Path f = script("bad.groovy", """
                network('bad') {
                    trial duration: 10
                    input 'in', size: 2, spikes: [[1.0], [2.0]]
                    population 'h', size: 3, model: theta(tau: 1, drive: 0.2)
                    connect 'in', 'h'
                }
                """);
        ScriptError e = assertThrows(ScriptError.class, () -> run(f, Map.of()));
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.groovy:4: ") && e.getMessage().contains("1/4"), e.getMessage());

        Path g = script("bad2.groovy", """
                network('bad') {
                    trial duration: 10
                    input 'in', size: 2, spikes: [[1.0], [2.0]]
                    population 'h', size: 3, model: qif(tau: 1)
                    connect 'in', 'nowhere'
                }
                """);
        ScriptError e2 = assertThrows(ScriptError.class, () -> run(g, Map.of()));
        assertEquals(5, e2.line(), e2.getMessage());
        assertTrue(e2.getMessage().contains("nowhere"), e2.getMessage());
    }

    @Test
    void unknownArgumentsAndWordsAndSyntaxErrorsAreLocated() throws IOException {
        ScriptError arg = assertThrows(ScriptError.class, () -> run(script("a.groovy", """
                network('x') {
                    trial duration: 10, spikecap: 5
                }
                """), Map.of()));
        assertEquals(2, arg.line(), arg.getMessage());
        assertTrue(arg.getMessage().contains("unknown argument 'spikecap'"), arg.getMessage());

        ScriptError word = assertThrows(ScriptError.class, () -> run(script("w.groovy", """
                network('x') {
                    trial duration: 10
                    populaton 'h', size: 1, model: qif(tau: 1)
                }
                """), Map.of()));
        assertEquals(3, word.line(), word.getMessage());
        assertTrue(word.getMessage().contains("populaton"), word.getMessage());

        ScriptError syntax = assertThrows(ScriptError.class, () -> run(script("s.groovy", """
                network('x') {
                    trial duration: 10
                """), Map.of()));
        assertTrue(syntax.getMessage().contains("s.groovy") && syntax.getMessage().contains("does not compile"),
                syntax.getMessage());
    }

    @Test
    void scriptsWriteIntoTheOutputFolder() throws IOException {
        Path f = script("w.groovy", """
                def net = network('one') {
                    trial duration: 5
                    input 'in', size: 1, spikes: [[0.5]]
                    population 'n', size: 1, model: qif(tau: 1)
                    connect 'in', 'n', weights: 6
                }
                write 'raster.txt', net.simulate().rasterSummary()
                """);
        run(f, Map.of());
        String raster = Files.readString(dir.resolve("out").resolve("raster.txt"));
        assertTrue(raster.startsWith("0: ") && raster.contains("1 network spikes"), raster);
    }
}
