package io.smoothspike.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.network.Network;
import io.smoothspike.network.NetworkFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every run writes model.json; Network.load reads it and the network of a checkpoint.json. */
class ModelFileTest {

    @TempDir
    Path dir;

    private static void assertSameNetwork(Network expected, Network actual) {
        assertEquals(NetworkFile.toJson(expected.spec()), NetworkFile.toJson(actual.spec()));
        for (String name : expected.parameterNames()) {
            assertArrayEquals(expected.parameter(name), actual.parameter(name), 0.0, name);
        }
    }

    @Test
    void aRunWritesItsFinalNetworkAsModelJson() throws IOException {
        Network net = TrainerTest.singleNeuron(2.0);
        Trainer.train(net, ResumeTest.settings(), null, dir, null, null);
        assertSameNetwork(net, Network.load(dir.resolve(Trainer.MODEL)));
        assertSameNetwork(net, Network.load(dir.resolve(Trainer.CHECKPOINT)));
    }

    @Test
    void anInterruptedRunWritesTheNetworkItStoppedWith() throws IOException {
        Network net = TrainerTest.classifier();
        Trainer.train(net, TrainerTest.settings(2).stopAfter(1), TrainerTest.data(), dir, null, null);
        assertSameNetwork(net, Network.load(dir.resolve(Trainer.MODEL)));
    }

    @Test
    void aCheckpointWithoutItsNetworkIsRefusedByName() throws IOException {
        Path file = Files.writeString(dir.resolve("checkpoint.json"),
                "{\"format\": \"smoothspike-checkpoint\", \"version\": 2}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.load(file));
        assertEquals(file + ": the checkpoint holds no \"network\" object", e.getMessage());
        Files.writeString(file, "{\"format\": \"smoothspike-checkpoint\", \"network\": {\"format\": \"x\"}}");
        e = assertThrows(IllegalArgumentException.class, () -> Network.load(file));
        assertTrue(e.getMessage().startsWith(file + ": \"network\": not a SmoothSpike network file"), e.getMessage());
    }
}
