package io.smoothspike.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.smoothspike.network.Network;
import io.smoothspike.spec.InputSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer computes its batch gradients where the installed {@link BatchGradients} says. */
class BatchGradientsTest {

    @TempDir
    Path dir;

    @Test
    void theTrainerAsksTheInstalledGradientsForEveryStepOnThisThreadOnly() throws Exception {
        Trainer.train(DataSourceTrainingTest.network(new InputSpec.External(), 3), DataSourceTrainingTest.settings(2),
                DataSourceTrainingTest.data(), dir.resolve("local"), null, null);
        List<Network> started = new ArrayList<>();
        int[] batches = new int[1];
        BatchGradients counting = net -> {
            started.add(net);
            BatchGradients.Run local = BatchGradients.LOCAL.start(net);
            return (batch, threads) -> {
                batches[0]++;
                return local.lossAndGradient(batch, threads);
            };
        };
        Network net = DataSourceTrainingTest.network(new InputSpec.External(), 3);

        TrainingResult r = BatchGradients.using(counting, () -> Trainer.train(net,
                DataSourceTrainingTest.settings(2), DataSourceTrainingTest.data(), dir.resolve("installed"), null,
                null));

        assertEquals(List.of(net), started);
        assertEquals(8L, r.finalMetrics().get("steps"), "2 epochs of 32 trials in batches of 8");
        assertEquals(8, batches[0], "one call per step");
        assertArrayEquals(Files.readAllBytes(dir.resolve("local/metrics.csv")),
                Files.readAllBytes(dir.resolve("installed/metrics.csv")));
        assertSame(BatchGradients.LOCAL, BatchGradients.current(), "installed for the call only");
    }
}
