package io.smoothspike.distributed;

import static io.smoothspike.dsl.Snn.constant;
import static io.smoothspike.dsl.Snn.customLoss;
import static io.smoothspike.dsl.Snn.network;
import static io.smoothspike.dsl.Snn.qif;
import static io.smoothspike.dsl.Snn.spikeTimeLoss;
import static io.smoothspike.dsl.Snn.sum;
import static io.smoothspike.dsl.Snn.weighted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smoothspike.dsl.LossDef;
import io.smoothspike.network.Network;
import org.junit.jupiter.api.Test;

/** What data-parallel training refuses, before it starts Spark (no configuration is needed to find out). */
class SparkBatchGradientsTest {

    private static Network neuron(LossDef loss) {
        return network("neuron").trial(4)
                .input("in", 1).spikes(new double[][] {{0.5}})
                .population("n", 1, qif(1))
                .connect("in", "n").weights(constant(6))
                .readout("n")
                .loss(loss)
                .compile();
    }

    @Test
    void aCustomLossAnywhereInTheLossIsRefused() {
        Network net = neuron(sum(spikeTimeLoss(new double[][] {{2}}),
                weighted(0.5, customLoss("dataParallelTestLoss", (sample, times, grad) -> 0))));
        try (SparkBatchGradients gradients = new SparkBatchGradients(null)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gradients.start(net));
            assertEquals("data-parallel training cannot send the code of the custom loss 'dataParallelTestLoss' to "
                    + "the executors (they know the built-in losses only); train it with 'smoothspike run'",
                    e.getMessage());
        }
    }
}
