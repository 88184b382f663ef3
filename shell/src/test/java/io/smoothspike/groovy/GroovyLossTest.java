package io.smoothspike.groovy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.network.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Losses of one's own in a Groovy script: a loss kind defined and registered in the script, and closures. */
class GroovyLossTest {

    @TempDir
    Path dir;

    private static final String NET = """
            def net = network('towards') {
                trial duration: 4
                input 'in', size: 1, spikes: [[0.5]]
                population 'n', size: 1, model: qif(tau: 1)
                connect 'in', 'n', weights: 6
                readout 'n'
                loss %s
            }
            """;

    private Network run(String text) throws IOException {
        Path f = dir.resolve("s.groovy");
        Files.writeString(f, text);
        return ScriptRunner.run(f, dir.resolve("out"), null, Map.of()).networks().get(0);
    }

    @Test
    void aLossKindDefinedInTheScriptTrainsSavesAndLoads() throws IOException {
        Path saved = dir.resolve("towards.json");
        Network net = run("""
                import io.smoothspike.loss.Loss
                import io.smoothspike.spec.LossContext
                import io.smoothspike.spec.LossSpec
                import io.smoothspike.spec.SpecException

                record TowardsInScript(double at) implements LossSpec {
                    void validate(String where, LossContext c) {
                        if (at < 0) throw new SpecException(where, "at must be >= 0")
                    }
                    Loss build(LossContext c, int[] labels) {
                        return { int s, double[][] t, double[][] g ->
                            double d = t[0][0] - at
                            g[0][0] = 2 * d
                            d * d
                        } as Loss
                    }
                }
                registerLoss('towardsInScript', TowardsInScript)
                """ + NET.formatted("new TowardsInScript(2.0)") + """
                def before = net.simulate().outputTimes()[0][0]
                train net, trials: 5, lr: 0.1
                net.save(java.nio.file.Path.of('%s'))
                def again = Network.load(java.nio.file.Path.of('%s'))
                assert again.spec().loss() == net.spec().loss()
                assert again.simulate().outputTimes()[0][0] == net.simulate().outputTimes()[0][0]
                assert Math.abs(net.simulate().outputTimes()[0][0] - 2.0) < Math.abs(before - 2.0)
                """.formatted(saved, saved));
        assertEquals("towardsInScript", net.spec().loss().kind());
        String json = Files.readString(saved);
        assertTrue(json.contains("\"kind\" : \"towardsInScript\""), json);
        assertTrue(json.contains("\"at\" : 2.0"), json);
        assertTrue(!json.contains("metaClass"), json);
    }

    @Test
    void aClosureLossIsSavedByNameAndMustBeRegisteredToLoad() throws IOException {
        Path saved = dir.resolve("closure.json");
        run(NET.formatted("custom('groovyTowards') { t, g -> g[0][0] = 2 * (t[0][0] - 2); (t[0][0] - 2) ** 2 }")
                + "net.save(java.nio.file.Path.of('" + saved + "'))\n"
                + "assert Network.load(java.nio.file.Path.of('" + saved + "')).spec().loss() == net.spec().loss()\n");
        Files.writeString(saved, Files.readString(saved).replace("groovyTowards", "groovyElsewhere"));
        Path loader = dir.resolve("load.groovy");
        Files.writeString(loader, "Network.load(java.nio.file.Path.of('" + saved + "'))\n");
        Exception e = assertThrows(Exception.class, () -> ScriptRunner.run(loader, dir.resolve("o2"), null,
                Map.of()));
        assertTrue(e.getMessage().contains("custom loss 'groovyElsewhere' is not registered"), e.getMessage());
        assertTrue(e.getMessage().contains("custom('groovyElsewhere') { times, grad -> … }"), e.getMessage());
        assertTrue(List.of(e.getMessage().split("\n")).size() < 5, e.getMessage());
    }

    @Test
    void aClosureLossMayPredictAClass() throws IOException {
        Network net = run(NET.formatted("custom('groovyLatest', predict: { double[][] t -> t[0][0] > t[1][0] ? 0 : 1 })"
                + " { t, g -> 0 }").replace("size: 1, model", "size: 2, model"));
        double[][] times = {{1.0}, {2.0}};
        assertEquals(1, net.loss(null).prediction().orElseThrow().predict(times));
        Exception e = assertThrows(Exception.class, () -> run(NET.formatted(
                "custom('groovyBad', predict: { t -> 'first' }) { t, g -> 0 }")
                + "net.loss(null).prediction().get().predict([[1d]] as double[][])\n"));
        assertTrue(e.getMessage().contains("the prediction of custom loss 'groovyBad' must return a class number "
                + "(an integer), returned first"), e.getMessage());
    }
}
