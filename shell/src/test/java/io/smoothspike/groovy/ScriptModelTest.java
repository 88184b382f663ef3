package io.smoothspike.groovy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.dsl.Snn;
import io.smoothspike.network.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Neuron models in scripts: any registered model by name, and a model class defined and registered in the script. */
class ScriptModelTest {

    @TempDir
    Path dir;

    private static final String TWIN = """
            class Twin implements NeuronModel {
                static final NeuronModelType TYPE = new NeuronModelType('script-twin',
                        [ModelConstant.positive('tau').withDefault(1)], UserCoordinates.VOLTAGE_AND_CURRENT,
                        { double[] c -> new Twin(c[0]) })
                final Qif qif
                Twin(double tau) { qif = new Qif(tau) }
                String id() { 'script-twin' }
                String[] stateNames() { qif.stateNames() }
                double[] stateBounds(int k) { qif.stateBounds(k) }
                double[] stateFromVoltage(double v, double i) { qif.stateFromVoltage(v, i) }
                PopulationKernel newKernel(int n) { qif.newKernel(n) }
                String[] constantNames() { qif.constantNames() }
                double[] constants() { qif.constants() }
                NeuronModel withConstants(double[] c) { new Twin(c[0]) }
                int currentIndex() { qif.currentIndex() }
                void pseudo(double[] s, int off, double u, double a, PseudoState out) { qif.pseudo(s, off, u, a, out) }
            }
            register(Twin.TYPE)
            """;

    private static String network(String model) {
        return """
                network('n') {
                    trial duration: 10, spikeCap: 25
                    input 'in', size: 2, spikes: [[1.0], [4.0]]
                    population 'out', size: 1, model: %s, V0: 0.1, I0: 0.2, trainConstants: ['tau']
                    connect 'in', 'out', weights: [[1.5], [2.0]]
                    readout 'out', spikes: 2
                }
                """.formatted(model);
    }

    private Network run(String text) throws IOException {
        Path f = dir.resolve("model.groovy");
        Files.writeString(f, text);
        return ScriptRunner.run(f, dir.resolve("out"), null, Map.of()).networks().get(0);
    }

    private ScriptError fails(String text) {
        return assertThrows(ScriptError.class, () -> run(text));
    }

    private static Network java() {
        return Snn.network("n").trial(10, 25).input("in", 2).spikeTimes(0, 1.0).spikeTimes(1, 4.0)
                .population("out", 1, Snn.qif(1.25)).v0(0.1).i0(0.2).trainConstants("tau")
                .connect("in", "out").weights(Snn.matrix(new double[][] {{1.5}, {2.0}})).readout("out").spikes(2)
                .compile();
    }

    @Test
    void aModelClassDefinedInTheScriptIsRegisteredAndUsed() throws IOException {
        Network twin = run(TWIN + network("model('script-twin', tau: 1.25)"));
        assertEquals("script-twin", twin.spec().populations().get(0).model().type());
        assertArrayEquals(java().simulate().outputTimes()[0], twin.simulate().outputTimes()[0], 0.0);
        // running the script again defines its class again: the new registration replaces the old one
        assertArrayEquals(twin.parameter("out.tau"), run(TWIN + network("model('script-twin', tau: 1.25)"))
                .parameter("out.tau"), 0.0);
    }

    @Test
    void builtInModelsByNameAndByShortcutAreTheSame() throws IOException {
        Network byName = run(network("model('qif', tau: 1.25)"));
        Network shortcut = run(network("qif(tau: 1.25)"));
        assertEquals(shortcut.spec().populations().get(0).model(), byName.spec().populations().get(0).model());
        assertArrayEquals(java().simulate().outputTimes()[0], byName.simulate().outputTimes()[0], 0.0);
    }

    @Test
    void modelErrorsPointToTheLineAndListWhatIsKnown() {
        ScriptError unknown = fails(network("model('izhikevich', a: 0.02)"));
        assertEquals(4, unknown.line(), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("unknown neuron model 'izhikevich'; registered: qif, theta, lif, "
                + "oscillatory-lif"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("register(MyModel.TYPE) in a script"), unknown.getMessage());

        ScriptError constant = fails(network("qif(tau: 1, drive: 2)"));
        assertEquals(4, constant.line(), constant.getMessage());
        assertTrue(constant.getMessage().contains("the qif model has no constant 'drive'; the qif model's constants: "
                + "tau > 0"), constant.getMessage());

        ScriptError coordinate = fails(network("qif(tau: 1), phase0: 1"));
        assertTrue(coordinate.getMessage().contains("unknown argument 'phase0'; known: [I0, V0, model, size, "
                + "trainConstants, trainInitial]"), coordinate.getMessage());
    }
}
