package io.smoothspike.dsl;

import static io.smoothspike.dsl.Snn.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.loss.Loss;
import io.smoothspike.network.Network;
import io.smoothspike.spec.LossContext;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.Losses;
import io.smoothspike.spec.SpecException;
import io.smoothspike.train.TrainingSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A loss of one's own registered from Java: used through the DSL, trained, saved, loaded; and when unregistered. */
class UserLossTest {

    /** {@code weight · Σ (t − at)²} over all output times: a loss kind with its own parameters. */
    public record Towards(double at, double weight) implements LossSpec {

        @Override
        public void validate(String where, LossContext c) {
            if (!(weight > 0)) {
                throw new SpecException(where, "weight must be positive, got " + weight);
            }
        }

        @Override
        public Loss build(LossContext c, int[] labels) {
            return (sample, times, grad) -> {
                double sum = 0;
                for (int r = 0; r < times.length; r++) {
                    for (int j = 0; j < times[r].length; j++) {
                        double d = times[r][j] - at;
                        sum += weight * d * d;
                        grad[r][j] = 2 * weight * d;
                    }
                }
                return sum;
            };
        }
    }

    /** Never registered. */
    public record Unregistered() implements LossSpec {

        @Override
        public void validate(String where, LossContext c) {
        }

        @Override
        public Loss build(LossContext c, int[] labels) {
            return (sample, times, grad) -> 0;
        }
    }

    @TempDir
    Path dir;

    @BeforeAll
    static void register() {
        Losses.register("towardsTest", Towards.class);
    }

    private static Network neuron(LossDef loss) {
        return network("towards").trial(4)
                .input("in", 1).spikes(new double[][] {{0.5}})
                .population("n", 1, qif(1))
                .connect("in", "n").weights(constant(6))
                .readout("n")
                .loss(loss)
                .compile();
    }

    private static double time(Network net) {
        return net.simulate().outputTimes()[0][0];
    }

    @Test
    void aRegisteredKindTrainsSavesAndLoads() throws IOException {
        Network net = neuron(loss(new Towards(2.0, 0.5)));
        double before = time(net);
        trainInMemory(net, new TrainingSettings().trials(5).threads(1));
        assertTrue(Math.abs(time(net) - 2.0) < Math.abs(before - 2.0), before + " -> " + time(net));
        Path file = dir.resolve("towards.json");
        net.save(file);
        assertTrue(Files.readString(file).contains("\"kind\" : \"towardsTest\""));
        Network again = Network.load(file);
        assertEquals(new Towards(2.0, 0.5), again.spec().loss());
        assertEquals(time(net), time(again));
        assertEquals(net.lossAndGradient(List.of(net.input(0)), null, 1).loss(),
                again.lossAndGradient(List.of(again.input(0)), null, 1).loss());
        SpecException invalid = assertThrows(SpecException.class, () -> neuron(loss(new Towards(2.0, 0))));
        assertEquals("loss: weight must be positive, got 0.0", invalid.getMessage());
    }

    @Test
    void anUnregisteredKindIsRefusedWhenCompilingAndLoading() throws IOException {
        SpecException e = assertThrows(SpecException.class, () -> neuron(loss(new Unregistered())));
        assertTrue(e.getMessage().startsWith("loss: loss type " + Unregistered.class.getName()
                + " is not registered: call Losses.register(\"<kind>\", Unregistered.class)"), e.getMessage());
        Path file = dir.resolve("elsewhere.json");
        neuron(loss(new Towards(1, 1))).save(file);
        Files.writeString(file, Files.readString(file).replace("towardsTest", "someoneElsesLoss"));
        IllegalArgumentException load = assertThrows(IllegalArgumentException.class, () -> Network.load(file));
        assertTrue(load.getMessage().contains("field `spec.loss.kind` is 'someoneElsesLoss', not a known kind: "
                + "crossEntropy, custom, spikeTime, spikeTrain, sum"), load.getMessage());
        assertTrue(load.getMessage().contains("Losses.register(\"someoneElsesLoss\", YourLoss.class)"),
                load.getMessage());
    }

    @Test
    void aCustomLossIsSavedByNameAndLoadsWhileRegistered() throws IOException {
        Loss towards = (sample, times, grad) -> {
            grad[0][0] = 2 * (times[0][0] - 2);
            return (times[0][0] - 2) * (times[0][0] - 2);
        };
        Network net = neuron(customLoss("towardsCode", towards));
        trainInMemory(net, new TrainingSettings().trials(3).threads(1));
        Path file = dir.resolve("code.json");
        net.save(file);
        Network again = Network.load(file);
        assertEquals(new LossSpec.Custom("towardsCode"), again.spec().loss());
        assertArrayEquals(net.parameter("in->n.weight"), again.parameter("in->n.weight"));
        assertEquals(towards, again.loss(null));
        Files.writeString(file, Files.readString(file).replace("towardsCode", "codeNeverRegistered"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.load(file));
        assertTrue(e.getMessage().contains("invalid description: loss: custom loss 'codeNeverRegistered' is not "
                + "registered"), e.getMessage());
        assertTrue(e.getMessage().contains("Losses.register(\"codeNeverRegistered\", loss)"), e.getMessage());
    }
}
