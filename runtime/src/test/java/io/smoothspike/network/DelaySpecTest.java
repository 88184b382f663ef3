package io.smoothspike.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.graph.DelayKind;
import io.smoothspike.graph.Projection;
import io.smoothspike.sim.TrialGradient;
import io.smoothspike.spec.ConnectivitySpec;
import io.smoothspike.spec.DelaySpec;
import io.smoothspike.spec.InputSpec;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.ModelSpec;
import io.smoothspike.spec.NetworkSpec;
import io.smoothspike.spec.OutputSpec;
import io.smoothspike.spec.PopulationSpec;
import io.smoothspike.spec.ProjectionSpec;
import io.smoothspike.spec.SpecException;
import io.smoothspike.spec.TrialSpec;
import io.smoothspike.spec.ValueSpec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delays in descriptions: how they are built, validated, named as parameters, saved and loaded. */
class DelaySpecTest {

    @TempDir
    Path dir;

    private static final boolean[][] MASK = {{true, false}, {false, true}, {true, true}};

    /**
     * Inputs a (3 channels, explicit) and b (2, external) into h (3 qif), h into out (2 qif); the projections carry the
     * given delays: a->h, b->h (masked), h->out.
     */
    static NetworkSpec spec(DelaySpec ah, DelaySpec bh, DelaySpec ho) {
        return new NetworkSpec("delays", TrialSpec.of(4.0),
                List.of(new InputSpec("a", 3, new InputSpec.Spikes(new double[][] {{0.5}, {1.0}, {}}), false),
                        new InputSpec("b", 3, new InputSpec.External(), false)),
                List.of(new PopulationSpec("h", 2, ModelSpec.qif(1.0), null, false, null),
                        new PopulationSpec("out", 2, ModelSpec.qif(1.0), null, false, null)),
                List.of(new ProjectionSpec("a", "h", null, new ValueSpec.Constant(1), true, ah),
                        new ProjectionSpec("b", "h", new ConnectivitySpec.Mask(MASK), new ValueSpec.Constant(1), true,
                                bh),
                        new ProjectionSpec("h", "out", null, new ValueSpec.Constant(1), true, ho)),
                new OutputSpec("out", null, 1), new LossSpec.TargetTime());
    }

    private static DelaySpec d(String per, ValueSpec values, boolean trainable, Double max) {
        return new DelaySpec(per, values, trainable, max);
    }

    private static NetworkSpec allKinds() {
        return spec(d("neuron", new ValueSpec.Values(new double[] {0.1, 0.2, 0.3}), true, 1.0),
                d("synapse", new ValueSpec.Matrix(new double[][] {{0.5, 9}, {9, 0.25}, {0.125, 1e-13}}), false, null),
                d("projection", new ValueSpec.Constant(0.75), true, null));
    }

    @Test
    void eachKindBuildsItsDelayArrayAndParameter() {
        Network net = Network.compile(allKinds());
        List<Projection> p = net.graph().projections();
        // two input groups: projections from inputs span all 6 channels; a is channels 0-2, b channels 3-5
        assertEquals(DelayKind.AXONAL, p.get(0).delayKind());
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0, 0, 0}, p.get(0).delays());
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, net.parameter("a->h.delay"));
        // per synapse, masked: the matrix entries where the mask has a synapse, in synapse order
        assertEquals(DelayKind.SYNAPSE, p.get(1).delayKind());
        assertArrayEquals(new double[] {0.5, 0.25, 0.125, 1e-13}, net.parameter("b->h.delay"));
        assertEquals(DelayKind.PROJECTION, p.get(2).delayKind());
        assertArrayEquals(new double[] {0.75}, net.parameter("h->out.delay"));

        assertEquals(List.of("a->h.weight", "b->h.weight", "h->out.weight", "a->h.delay", "b->h.delay",
                "h->out.delay"), net.parameterNames().subList(0, 6));
        assertTrue(net.trainableParameterNames().containsAll(List.of("a->h.delay", "h->out.delay")));
        assertFalse(net.trainableParameterNames().contains("b->h.delay"));
        assertArrayEquals(new double[] {0, 1.0}, net.bounds("a->h.delay"));
        assertArrayEquals(new double[] {0, Double.POSITIVE_INFINITY}, net.bounds("b->h.delay"));
    }

    @Test
    void setParameterWritesTheLiveArrayWithinBounds() {
        Network net = Network.compile(allKinds());
        net.setParameter("a->h.delay", new double[] {0, 0.5, 1.0});
        assertArrayEquals(new double[] {0, 0.5, 1.0, 0, 0, 0}, net.graph().projections().get(0).delays());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.setParameter("a->h.delay", new double[] {0, 1.5, 0}));
        assertTrue(e.getMessage().contains("'a->h.delay'") && e.getMessage().contains("[0, 1.0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> net.setParameter("h->out.delay", new double[] {-0.1}));
        assertTrue(e.getMessage().contains("delays must lie in [0, Infinity]"), e.getMessage());
    }

    @Test
    void namedGradientTakesTheDelayGradientsOfEachProjection() {
        Network net = Network.compile(allKinds());
        TrialGradient g = new TrialGradient(net.graph());
        for (int j = 0; j < 3; j++) {
            double[] d = g.delays(j);
            for (int k = 0; k < d.length; k++) {
                d[k] = 10 * j + k + 1;
            }
        }
        Map<String, double[]> named = net.namedGradient(g);
        assertArrayEquals(new double[] {1, 2, 3}, named.get("a->h.delay"));
        assertArrayEquals(new double[] {11, 12, 13, 14}, named.get("b->h.delay"));
        assertArrayEquals(new double[] {21}, named.get("h->out.delay"));
    }

    @Test
    void delaysAreSavedAndLoadedWithTheNetwork() throws IOException {
        Network net = Network.compile(allKinds());
        net.setParameter("b->h.delay", new double[] {0.3, 0.1 + 0.2, Math.PI, 0});
        Path file = dir.resolve("net.json");
        net.save(file);
        Network back = Network.load(file);
        assertEquals(NetworkFile.toJson(net.spec()), NetworkFile.toJson(back.spec()));
        for (String name : net.parameterNames()) {
            assertArrayEquals(net.parameter(name), back.parameter(name), 0.0, name);
        }
        Path again = dir.resolve("again.json");
        back.save(again);
        assertEquals(Files.readString(file), Files.readString(again));
        String text = Files.readString(file);
        assertTrue(text.contains("\"per\" : \"synapse\"") && text.contains("\"max\" : 1.0"), text);
        // without a largest delay, no "max" field
        assertEquals(1, text.split("\"max\"").length - 1);
    }

    @Test
    void aNetworkWithoutDelaysIsWrittenAsBefore() throws IOException, URISyntaxException {
        // written by the version before delays
        Path file = Path.of(DelaySpecTest.class.getResource("no-delays.json").toURI());
        Network net = Network.load(file);
        assertTrue(net.graph().projections().stream().noneMatch(Projection::hasDelays));
        assertTrue(net.parameterNames().stream().noneMatch(n -> n.endsWith(".delay")));
        Path again = dir.resolve("again.json");
        net.save(again);
        assertEquals(Files.readString(file), Files.readString(again));
        assertFalse(Files.readString(again).contains("\"delays\" :"));
    }

    @Test
    void normalDrawsAreClippedIntoTheBounds() {
        Network net = Network.compile(spec(null, null, null));
        assertTrue(net.parameterNames().stream().noneMatch(n -> n.endsWith(".delay")));
        Network clipped = Network.compile(spec(null, null, d("synapse", new ValueSpec.Normal(0.5, 2, 3), true, 1.0)));
        double[] v = clipped.parameter("h->out.delay");
        assertTrue(java.util.Arrays.stream(v).allMatch(x -> x >= 0 && x <= 1), java.util.Arrays.toString(v));
        assertTrue(java.util.Arrays.stream(v).anyMatch(x -> x == 0) || java.util.Arrays.stream(v)
                .anyMatch(x -> x == 1), java.util.Arrays.toString(v));
    }

    private static void assertRefused(DelaySpec ho, String... parts) {
        SpecException e = assertThrows(SpecException.class, () -> Network.compile(spec(null, null, ho)));
        assertTrue(e.getMessage().startsWith("projections[h->out].delays"), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void invalidDelaysAreRefusedNamingTheProjectionAndTheFix() {
        assertRefused(d("dendritic", new ValueSpec.Constant(0), false, null), "unknown delay kind 'dendritic'",
                "synapse, neuron, projection");
        assertRefused(d(null, new ValueSpec.Constant(0), false, null), "delay kind is missing", "synapse");
        assertRefused(d("synapse", null, false, null), "initial delays (values) is missing");
        assertRefused(d("synapse", new ValueSpec.Constant(-0.5), false, null), "delay [0][0] is -0.5",
                "delays must be >= 0");
        assertRefused(d("synapse", new ValueSpec.Uniform(-1, 1, 3), false, null), "uniform delays need low >= 0");
        assertRefused(d("synapse", new ValueSpec.Uniform(0, 2, 3), false, 1.0), "high = 2.0",
                "above the largest delay 1.0", "raise the largest delay");
        assertRefused(d("synapse", new ValueSpec.Constant(1.5), false, 1.0), "delay [0][0] is 1.5",
                "above the largest delay 1.0", "lower the initial delays or raise the largest delay");
        assertRefused(d("synapse", new ValueSpec.Constant(0.5), false, -1.0), "largest delay must be finite and >= 0");
        assertRefused(d("neuron", new ValueSpec.Values(new double[] {0.1}), false, null), "needs 2 values, got 1",
                "delays per neuron: 2");
        assertRefused(d("synapse", new ValueSpec.Values(new double[] {0.1, 0.2}), false, null),
                "needs 4 values, got 2", "2 × 2 = 4", "[pre][post] matrix");
        assertRefused(d("synapse", new ValueSpec.Matrix(new double[][] {{0.1, 0.2}}), false, null),
                "matrix needs 2 rows, got 1");
        assertRefused(d("neuron", new ValueSpec.Matrix(new double[][] {{0.1}, {0.2}}), false, null),
                "needs delays per synapse", "give a list of 2 value(s)");
        assertRefused(d("synapse", new ValueSpec.FanInUniform(0.5, 0, 1), false, null),
                "constant, explicit values, a matrix, uniform or normal", "FanInUniform");
        assertRefused(d("projection", new ValueSpec.Constant(Double.NaN), false, null), "finite");
    }
}
