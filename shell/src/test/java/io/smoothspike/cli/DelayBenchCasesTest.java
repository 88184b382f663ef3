package io.smoothspike.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.graph.DelayKind;
import io.smoothspike.graph.Projection;
import io.smoothspike.grad.Task;
import io.smoothspike.sim.InputSpikes;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The delayed MNIST-shaped cases of {@code bench sim}, {@code bench grad} and {@code gradcheck}: the network of their
 * undelayed twin (same weights, same inputs) with per-synapse delays in [0, T/4].
 */
class DelayBenchCasesTest {

    private static void assertDelayedTwin(List<Projection> plain, List<Projection> delayed) {
        assertEquals(plain.size(), delayed.size());
        for (int j = 0; j < plain.size(); j++) {
            assertFalse(plain.get(j).hasDelays());
            assertArrayEquals(plain.get(j).weights(), delayed.get(j).weights(), 0.0);
            assertEquals(DelayKind.SYNAPSE, delayed.get(j).delayKind());
            double[] d = delayed.get(j).delays();
            assertEquals(delayed.get(j).synapseCount(), d.length);
            assertTrue(java.util.Arrays.stream(d).allMatch(x -> x >= 0 && x <= 0.5));
            assertTrue(java.util.Arrays.stream(d).max().getAsDouble() > 0.45, "delays spread over [0, 0.5]");
        }
    }

    private static void assertSameInputs(List<InputSpikes> plain, List<InputSpikes> delayed) {
        assertEquals(plain.size(), delayed.size());
        for (int k = 0; k < plain.size(); k++) {
            assertEquals(plain.get(k).size(), delayed.get(k).size());
            for (int s = 0; s < plain.get(k).size(); s++) {
                assertEquals(plain.get(k).time(s), delayed.get(k).time(s));
                assertEquals(plain.get(k).source(s), delayed.get(k).source(s));
            }
        }
    }

    @Test
    void simCaseIsMnistThetaWithDelays() {
        SimBenchmark.Case plain = SimBenchmark.cases("mnist-theta").get(0);
        SimBenchmark.Case delayed = SimBenchmark.cases("mnist-theta-delays").get(0);
        assertDelayedTwin(plain.graph().projections(), delayed.graph().projections());
        assertSameInputs(List.of(plain.inputs()), List.of(delayed.inputs()));
    }

    @Test
    void gradCaseIsMnistThetaActiveWithDelays() {
        Task plain = GradBenchmark.task("mnist-theta-active");
        Task delayed = GradBenchmark.task("mnist-theta-active-delays");
        assertEquals("mnist-theta-active-delays", delayed.name());
        assertDelayedTwin(plain.graph().projections(), delayed.graph().projections());
        assertSameInputs(plain.inputs(), delayed.inputs());
        assertTrue(GradBenchmark.names().contains("mnist-theta-active-delays"));
    }
}
