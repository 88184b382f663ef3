package io.smoothspike.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.network.Network;
import io.smoothspike.train.TrainingResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Networks and training results print as one readable line, from Java and in the REPL alike. */
class ValueSummaryTest {

    @TempDir
    Path dir;

    @Test
    void networksAndTrainingResultsSummariseThemselves() {
        try (ReplHarness repl = new ReplHarness(dir)) {
            assertEquals(0, repl.pipe(ReplSessionTest.SINGLE_NEURON), repl.err());
            Network net = (Network) repl.session.evaluator().valueOf("net");
            String summary = "Network single_neuron: 1 neuron, 22 input channels, trainable "
                    + "[learned->neuron.weight, learned.time]";
            assertEquals(summary, String.valueOf(net));
            assertTrue(repl.out().contains("net ==> " + summary), repl.out());
        }
        TrainingResult r = new TrainingResult(40.0612, 3.40777, List.of(Map.of("loss", 40.0612),
                Map.of("loss", 3.40777)), List.<double[][]>of(new double[][] {{1.0}}), Map.of(), true);
        assertEquals("TrainingResult[loss 40.06 -> 3.408, 2 evaluations, interrupted]", String.valueOf(r));
    }
}
