package io.smoothspike.dsl;

import static io.smoothspike.dsl.Snn.constant;
import static io.smoothspike.dsl.Snn.matrix;
import static io.smoothspike.dsl.Snn.normal;
import static io.smoothspike.dsl.Snn.qif;
import static io.smoothspike.dsl.Snn.uniform;
import static io.smoothspike.dsl.Snn.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.graph.DelayKind;
import io.smoothspike.network.Network;
import io.smoothspike.spec.DelaySpec;
import io.smoothspike.spec.ValueSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The Java DSL's delay words on {@code connect}: delays, delayPer, trainDelays, maxDelay. */
class DelayDslTest {

    private static ProjectionBuilder twoLayers() {
        return Snn.network("d").trial(4)
                .input("in", 3).spikeTimes(0, 0.5).spikeTimes(1, 1.0)
                .population("h", 2, qif(1))
                .population("out", 2, qif(1))
                .connect("in", "h").weights(constant(1))
                .connect("h", "out").weights(constant(1));
    }

    @Test
    void connectTakesDelaysOfEachKind() {
        Network net = Snn.network("d").trial(4)
                .input("in", 3).spikeTimes(0, 0.5)
                .population("h", 2, qif(1))
                .population("out", 2, qif(1))
                .connect("in", "h").delays(uniform(0, 1, 3)).trainDelays().maxDelay(1)
                .connect("h", "out").delays(values(0.1, 0.2)).delayPer("neuron")
                .connect("h", "h").delays(0.25).delayPer("projection")
                .compile();
        DelaySpec ih = net.spec().projections().get(0).delays();
        assertEquals(new DelaySpec("synapse", new ValueSpec.Uniform(0, 1, 3), true, 1.0), ih);
        assertEquals(DelayKind.SYNAPSE, net.graph().projections().get(0).delayKind());
        assertEquals(6, net.parameter("in->h.delay").length);
        assertArrayEquals(new double[] {0, 1}, net.bounds("in->h.delay"));
        assertArrayEquals(new double[] {0.1, 0.2}, net.parameter("h->out.delay"));
        assertArrayEquals(new double[] {0.25}, net.parameter("h->h.delay"));
        assertEquals(List.of("in->h.weight", "h->out.weight", "h->h.weight", "in->h.delay"),
                net.trainableParameterNames());
        assertArrayEquals(new double[] {0, Double.POSITIVE_INFINITY}, net.bounds("h->h.delay"));
    }

    @Test
    void withoutDelaysTheDescriptionHasNone() {
        Network net = twoLayers().compile();
        assertNull(net.spec().projections().get(0).delays());
        assertTrue(net.parameterNames().stream().noneMatch(n -> n.endsWith(".delay")));
    }

    @Test
    void matrixAndNormalDelays() {
        Network net = twoLayers().delays(matrix(new double[][] {{0.5, 0}, {1, 2}})).maxDelay(3)
                .and().compile();
        assertArrayEquals(new double[] {0.5, 0, 1, 2}, net.parameter("h->out.delay"));
        Network clipped = twoLayers().delays(normal(0, 1, 4)).compile();
        for (double d : clipped.parameter("h->out.delay")) {
            assertTrue(d >= 0, "normal draws below 0 are clipped to 0: " + d);
        }
    }

    private static void assertMessage(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void mistakesAreNamed() {
        assertMessage(() -> twoLayers().delays(0.1).delayPer("axon"), "projection h->out",
                "unknown delayPer 'axon'", "synapse, neuron, projection");
        assertMessage(() -> twoLayers().trainDelays().and().compile(), "projection h->out",
                "need delays", "delays(uniform(0, 1, seed))");
        assertMessage(() -> twoLayers().delays(0.1).maxDelay(-1), "maxDelay must be >= 0");
        assertMessage(() -> twoLayers().delays(0.1).delays(0.2), "delays is already set");
        assertMessage(() -> twoLayers().delays(2).maxDelay(1).and().compile(), "projections[h->out].delays",
                "above the largest delay 1.0");
        assertMessage(() -> twoLayers().delays(uniform(-1, 1, 2)).and().compile(), "projections[h->out].delays",
                "uniform delays need low >= 0");
    }
}
