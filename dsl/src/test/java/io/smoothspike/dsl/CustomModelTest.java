package io.smoothspike.dsl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.model.ModelConstant;
import io.smoothspike.model.NeuronModel;
import io.smoothspike.model.NeuronModelType;
import io.smoothspike.model.NeuronModels;
import io.smoothspike.model.PopulationKernel;
import io.smoothspike.model.PseudoState;
import io.smoothspike.model.Qif;
import io.smoothspike.model.UserCoordinates;
import io.smoothspike.network.Evaluation;
import io.smoothspike.network.Network;
import io.smoothspike.network.NetworkFile;
import io.smoothspike.spec.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** A neuron model registered from Java: used through the DSL, saved and loaded, and the errors around models. */
class CustomModelTest {

    @TempDir
    Path dir;

    /** A model of its own name that behaves exactly like the qif model (so its results can be compared). */
    static final class TwinQif implements NeuronModel {
        static final NeuronModelType TYPE = new NeuronModelType("twin-qif",
                List.of(ModelConstant.positive("tau").withDefault(1)), UserCoordinates.VOLTAGE_AND_CURRENT,
                c -> new TwinQif(c[0]));
        private final Qif qif;

        TwinQif(double tau) {
            qif = new Qif(tau);
        }

        @Override
        public String id() {
            return "twin-qif";
        }

        @Override
        public String[] stateNames() {
            return qif.stateNames();
        }

        @Override
        public double[] stateBounds(int coordinate) {
            return qif.stateBounds(coordinate);
        }

        @Override
        public double[] stateFromVoltage(double v, double current) {
            return qif.stateFromVoltage(v, current);
        }

        @Override
        public PopulationKernel newKernel(int size) {
            return qif.newKernel(size);
        }

        @Override
        public String[] constantNames() {
            return qif.constantNames();
        }

        @Override
        public double[] constants() {
            return qif.constants();
        }

        @Override
        public NeuronModel withConstants(double[] constants) {
            return new TwinQif(constants[0]);
        }

        @Override
        public int currentIndex() {
            return qif.currentIndex();
        }

        @Override
        public void pseudo(double[] state, int off, double u, double alpha, PseudoState out) {
            qif.pseudo(state, off, u, alpha, out);
        }
    }

    private static Network network(ModelSpec model) {
        return Snn.network("twin").trial(10, 25)
                .input("in", 2).spikeTimes(0, 1.0).spikeTimes(1, 4.0)
                .population("out", 2, model).v0(Snn.values(0.1, -0.2)).i0(0.3).trainInitial().trainConstants("tau")
                .connect("in", "out").weights(Snn.values(1.5, 2.0, 0.5, 1.0))
                .readout("out").spikes(2)
                .loss(Snn.spikeTimeLoss(new double[][] {{2.5, 7.5}, {3.0, 8.0}}))
                .compile();
    }

    @Test
    void aModelRegisteredFromJavaWorksThroughTheDslAndItsFiles() throws IOException {
        NeuronModels.register(TwinQif.TYPE);
        Network twin = network(Snn.model("twin-qif", Map.of("tau", 0.8)));
        Network qif = network(Snn.qif(0.8));
        assertEquals(qif.parameterNames(), twin.parameterNames());
        Evaluation a = qif.lossAndGradient(List.of(qif.input(0)), null, 1);
        Evaluation b = twin.lossAndGradient(List.of(twin.input(0)), null, 1);
        assertEquals(a.loss(), b.loss());
        for (String name : qif.trainableParameterNames()) {
            assertArrayEquals(a.gradient().get(name), b.gradient().get(name), 0.0, name);
            assertArrayEquals(qif.bounds(name), twin.bounds(name), 0.0, name);
        }

        Path file = dir.resolve("twin.json");
        twin.setParameter("out.tau", new double[] {0.85});
        twin.save(file);
        assertTrue(Files.readString(file).contains("\"type\" : \"twin-qif\",\n        \"tau\" : 0.8\n"));
        Network back = Network.load(file);
        assertEquals(NetworkFile.toJson(twin.spec()), NetworkFile.toJson(back.spec()));
        assertEquals(twin.spec().populations().get(0).model(), back.spec().populations().get(0).model());
        assertArrayEquals(new double[] {0.85}, back.parameter("out.tau"));
        assertArrayEquals(twin.simulate().outputTimes()[1], back.simulate().outputTimes()[1], 0.0);
    }

    @Test
    void defaultsFillConstantsLeftOut() {
        NeuronModels.register(TwinQif.TYPE);
        assertEquals(Map.of(), Snn.model("twin-qif", Map.of()).constants());
        assertArrayEquals(new double[] {1.0}, network(Snn.model("twin-qif", Map.of())).parameter("out.tau"));
        assertArrayEquals(new double[] {1.0}, network(Snn.model("lif", Map.of("tau", 2))).parameter("out.threshold"));
    }

    @Test
    void errorsListTheRegisteredModelsAndTheModelsConstants() {
        message(() -> Snn.model("izhikevich", Map.of("a", 0.02)), "unknown neuron model 'izhikevich'; registered: "
                + "qif, theta, lif, oscillatory-lif", "NeuronModels.register(MyModel.TYPE) in Java");
        message(() -> Snn.model("qif", Map.of("tau", 1, "drive", 2)), "the qif model has no constant 'drive'; "
                + "the qif model's constants: tau > 0");
        message(() -> Snn.model("theta", Map.of("tau", 1)), "drive of the theta model is missing; the theta model's "
                + "constants: tau > 0, drive > 0.25");
        message(() -> Snn.theta(1, 0.1), "greater than 1/4", "the theta model's constants: tau > 0, drive > 0.25");
        message(() -> Snn.oscillatoryLif(1, 0.5, 1), "the oscillatory-lif model's constants: tau > 0, "
                + "drive > threshold, threshold > 0 (default 1.0)");
        message(() -> Snn.network("n").population("p", 1, Snn.qif(1)).trainConstants("drive"),
                "population 'p': unknown model constant 'drive'; the qif model has [tau]");
        message(() -> NeuronModels.register(new NeuronModelType("qif", List.of(), UserCoordinates.PHASE,
                c -> new Qif(1))), "'qif' is a built-in neuron model");
    }

    @Test
    void aModelTypeChecksItsDeclaredRangesAndItsModels() {
        Function<double[], NeuronModel> qifOfGain = c -> new Qif(1);
        NeuronModelType mislabelled = new NeuronModelType("mislabelled", List.of(), UserCoordinates.PHASE, qifOfGain);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> mislabelled.create(Map.of()));
        assertTrue(e.getMessage().contains("model with id() 'qif'"), e.getMessage());

        NeuronModelType gained = new NeuronModelType("twin-qif", List.of(ModelConstant.above("tau", 2.0)),
                UserCoordinates.VOLTAGE_AND_CURRENT, c -> new TwinQif(c[0]));
        message(() -> gained.create(Map.of("tau", 1.5)), "twin-qif: tau = 1.5 is outside its range; the twin-qif "
                + "model's constants: tau > 2.0");
        message(() -> new NeuronModelType("bad", List.of(ModelConstant.above("drive", "threshold")),
                UserCoordinates.PHASE, c -> new Qif(1)), "bad: constant 'drive' must exceed 'threshold', which the "
                + "model does not declare");
    }

    @Test
    void loadingANetworkOfAnUnregisteredModelSaysHowToRegisterIt() throws IOException {
        Path file = dir.resolve("net.json");
        network(Snn.qif(1)).save(file);
        Files.writeString(file, Files.readString(file).replace("\"qif\"", "\"never-registered\""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.load(file));
        for (String part : List.of(file.toString(), "populations[out].model", "unknown neuron model "
                + "'never-registered'", "NeuronModels.register(MyModel.TYPE) in Java, register(MyModel.TYPE) in a "
                + "script")) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }

    private static void message(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
        }
    }
}
