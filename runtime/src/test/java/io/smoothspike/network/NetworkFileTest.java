package io.smoothspike.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smoothspike.loss.Loss;
import io.smoothspike.sim.EventRecord;
import io.smoothspike.spec.ConnectivitySpec;
import io.smoothspike.spec.InputSpec;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.ModelSpec;
import io.smoothspike.spec.NetworkSpec;
import io.smoothspike.spec.OutputSpec;
import io.smoothspike.spec.PopulationSpec;
import io.smoothspike.spec.ProjectionSpec;
import io.smoothspike.spec.TrialSpec;
import io.smoothspike.spec.ValueSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON form of descriptions and saved networks: lossless round trips, atomic saves, clear errors. */
class NetworkFileTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Loss REG = (sample, times, grad) -> {
        double s = 0;
        for (int r = 0; r < times.length; r++) {
            s += times[r][0] * times[r][0];
            grad[r][0] = 2 * times[r][0];
        }
        return 0.01 * s;
    };
    private static final Map<String, Loss> CUSTOM = Map.of("reg", REG);

    @TempDir
    Path dir;

    // ---- descriptions ----

    private static Map<String, ValueSpec> init(Object... kv) {
        Map<String, ValueSpec> m = new LinkedHashMap<>();
        for (int k = 0; k < kv.length; k += 2) {
            m.put((String) kv[k], (ValueSpec) kv[k + 1]);
        }
        return m;
    }

    /**
     * Every value kind, every connectivity kind, explicit (trainable) and Poisson sources, all four neuron models and a
     * sum loss of cross-entropy, a custom loss and spike-time error.
     */
    static NetworkSpec richSpec() {
        List<InputSpec> inputs = List.of(
                new InputSpec("spk", 3, new InputSpec.Spikes(new double[][] {{0.1, 0.7}, {}, {0.3 + 1e-13}}), true),
                new InputSpec("poi", 2, new InputSpec.Poisson(20, 0.5, 2.5, 42, true), false));
        List<PopulationSpec> pops = List.of(
                new PopulationSpec("h", 4, ModelSpec.qif(1.0),
                        init("V", new ValueSpec.Uniform(-0.5, 0.2, 11), "I", new ValueSpec.Normal(0.1, 0.05, -12)),
                        true, List.of("tau")),
                new PopulationSpec("o", 2, ModelSpec.theta(1.2, 0.9),
                        init("phase", new ValueSpec.Values(new double[] {0.25, 1.0 / 3})), false, List.of()),
                new PopulationSpec("l", 4, ModelSpec.oscillatoryLif(1.0, 1.5, 1.0),
                        init("phase", new ValueSpec.Constant(0.1)), false, List.of("drive")),
                new PopulationSpec("lf", 2, ModelSpec.lif(2.0, 0.75), init("V", new ValueSpec.Constant(0.2)), false,
                        List.of()));
        double[][] m = {{0.9, -0.2}, {0.4, 1.1}, {Math.PI / 3, 0.0}, {-0.0, Math.E}};
        boolean[][] mask = {{true, false}, {true, true}, {false, true}, {true, true}};
        List<ProjectionSpec> projections = List.of(
                new ProjectionSpec("spk", "h", new ConnectivitySpec.AllToAll(true),
                        new ValueSpec.FanInUniform(0.5, 1.2, 5), true),
                new ProjectionSpec("poi", "h", new ConnectivitySpec.Random(0.5, Long.MAX_VALUE, true),
                        new ValueSpec.Normal(0.4, 0.1, 3), true),
                new ProjectionSpec("h", "h", new ConnectivitySpec.AllToAll(false),
                        new ValueSpec.Uniform(-0.1, 0.1, Long.MIN_VALUE), true),
                new ProjectionSpec("h", "o", new ConnectivitySpec.Mask(mask), new ValueSpec.Matrix(m), true),
                new ProjectionSpec("h", "l", new ConnectivitySpec.OneToOne(),
                        new ValueSpec.Values(new double[] {0.1, 0, 0, 0, 0, 0.2, 0, 0, 0, 0, 0.3, 0, 0, 0, 0,
                                1e-300}), false),
                new ProjectionSpec("l", "l", new ConnectivitySpec.Random(0.3, 2, false), new ValueSpec.Constant(0.05),
                        true),
                new ProjectionSpec("l", "lf", null, new ValueSpec.Constant(0.3), false));
        LossSpec loss = new LossSpec.Sum(List.of(
                new LossSpec.Term(1, new LossSpec.CrossEntropy(0.1)),
                new LossSpec.Term(0.5, new LossSpec.Custom("reg")),
                new LossSpec.Term(0.25, new LossSpec.SpikeTime(new double[][] {{1.0}, {2.0}}))));
        return new NetworkSpec("rich", new TrialSpec(5.0, 500, 10.0, "recurrent"), inputs, pops, projections,
                new OutputSpec("o", new int[] {1, 0}, 1), loss);
    }

    /** Image and external sources, a recurrent population and the spike-train loss. */
    static NetworkSpec recurrentSpec() {
        List<InputSpec> inputs = List.of(new InputSpec("img", 4, new InputSpec.Image(3), false),
                new InputSpec("ext", 2, new InputSpec.External(), false));
        List<PopulationSpec> pops = List.of(new PopulationSpec("rnn", 3, ModelSpec.qif(0.5), null, false, null));
        List<ProjectionSpec> projections = List.of(
                new ProjectionSpec("img", "rnn", null, new ValueSpec.FanInUniform(0.5, 0, 1), true),
                new ProjectionSpec("ext", "rnn", null, null, true),
                new ProjectionSpec("rnn", "rnn", new ConnectivitySpec.AllToAll(false), new ValueSpec.Normal(0, 0.3, 9),
                        true));
        return new NetworkSpec("rnn", new TrialSpec(3.0, 200, 5.0, "recurrent"), inputs, pops, projections,
                new OutputSpec("rnn", null, 3),
                new LossSpec.SpikeTrain(new double[][] {{0.5, 1.0}, {1.5, 2.0}, {0.2, 0.3}}, 1.1));
    }

    /** Nulls and defaults: no read-out, no loss, default connectivity and weights, default pseudo rule. */
    static NetworkSpec minimalSpec() {
        return new NetworkSpec(null, new TrialSpec(2.0, 10, 1.0, "layered"),
                List.of(new InputSpec("in", 1, new InputSpec.Spikes(new double[][] {{0.5}}), false)),
                List.of(new PopulationSpec("p", 1, ModelSpec.qif(1.0), null, false, null)),
                List.of(new ProjectionSpec("in", "p", null, null, false)), null, null);
    }

    /** A small spec with explicit inputs and a first-spike loss, no custom losses. */
    static NetworkSpec smallSpec() {
        return new NetworkSpec("small", TrialSpec.of(4.0),
                List.of(new InputSpec("in", 3, new InputSpec.Spikes(new double[][] {{0.1}, {0.2, 0.5}, {0.3}}),
                        false)),
                List.of(new PopulationSpec("h", 4, ModelSpec.qif(1.0), null, false, List.of("tau")),
                        new PopulationSpec("out", 2, ModelSpec.theta(1.0, 1.0),
                                init("phase", new ValueSpec.Values(new double[] {0.5, 1.5})), true, List.of("tau"))),
                List.of(new ProjectionSpec("in", "h", null, new ValueSpec.Uniform(0.5, 2.0, 1), true),
                        new ProjectionSpec("h", "out", null, new ValueSpec.FanInUniform(0.5, 0.2, 7), true)),
                new OutputSpec("out", null, 1), new LossSpec.CrossEntropy(0.1));
    }

    static Stream<NetworkSpec> specs() {
        return Stream.of(richSpec(), recurrentSpec(), minimalSpec(), smallSpec());
    }

    static Stream<LossSpec> losses() {
        return Stream.of(new LossSpec.SpikeTime(new double[][] {{0.1, 0.2}, {}}),
                new LossSpec.SpikeTrain(new double[][] {{1.0 / 3}}, 1.1),
                new LossSpec.CrossEntropy(0),
                new LossSpec.Custom("my-loss"),
                new LossSpec.Sum(List.of(new LossSpec.Term(2, new LossSpec.CrossEntropy(0.5)),
                        new LossSpec.Term(-1e-3, new LossSpec.Sum(List.of(
                                new LossSpec.Term(1, new LossSpec.Custom("inner"))))))));
    }

    // ---- description round trips ----

    @ParameterizedTest(name = "spec {index}")
    @MethodSource("specs")
    void jsonRoundTripIsLossless(NetworkSpec spec) {
        String json = NetworkFile.toJson(spec);
        NetworkSpec back = NetworkFile.specFromJson(json);
        assertEquals(json, NetworkFile.toJson(back));
        assertEquals(NetworkFile.toJson(back), NetworkFile.toJson(NetworkFile.specFromJson(NetworkFile.toJson(back))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void everyLossRoundTrips(LossSpec loss) {
        NetworkSpec spec = new NetworkSpec("l", TrialSpec.of(1), List.of(), List.of(), List.of(), null, loss);
        String json = NetworkFile.toJson(spec);
        NetworkSpec back = NetworkFile.specFromJson(json);
        assertEquals(loss.getClass(), back.loss().getClass());
        assertEquals(json, NetworkFile.toJson(back));
    }

    @Test
    void theRoundTripDescriptionsUseEveryKind() {
        StringBuilder all = new StringBuilder();
        specs().forEach(s -> all.append(NetworkFile.toJson(s)));
        losses().forEach(l -> all.append(NetworkFile.toJson(new NetworkSpec("l", TrialSpec.of(1), null, null, null,
                null, l))));
        JsonNode[] kinds = all.toString().lines().filter(l -> l.contains("\"kind\"")).map(l -> {
            try {
                return MAPPER.readTree("{" + l.replaceAll(",\\s*$", "") + "}");
            } catch (IOException e) {
                throw new AssertionError(l, e);
            }
        }).toArray(JsonNode[]::new);
        List<String> seen = Stream.of(kinds).map(n -> n.get("kind").asText()).distinct().toList();
        for (String k : List.of("constant", "values", "uniform", "normal", "fanInUniform", "matrix", // ValueSpec
                "allToAll", "oneToOne", "random", "mask", // ConnectivitySpec
                "spikes", "poisson", "image", "external", // InputSpec.Source
                "spikeTime", "spikeTrain", "crossEntropy", "sum", "custom")) { // LossSpec
            assertTrue(seen.contains(k), "kind '" + k + "' is covered; seen " + seen);
        }
    }

    @Test
    void jsonRoundTripKeepsTypesAndBits() {
        NetworkSpec spec = richSpec();
        NetworkSpec back = NetworkFile.specFromJson(NetworkFile.toJson(spec));
        assertEquals(spec.trial(), back.trial());
        assertEquals(spec.populations().get(0).model(), back.populations().get(0).model());
        assertEquals(spec.populations().get(3).model(), back.populations().get(3).model());
        assertEquals(List.of("V", "I"), List.copyOf(back.populations().get(0).initial().keySet()));
        assertInstanceOf(ValueSpec.Uniform.class, back.populations().get(0).initial().get("V"));
        assertEquals(spec.populations().get(0).initial().get("I"), back.populations().get(0).initial().get("I"));
        assertInstanceOf(ValueSpec.Matrix.class, back.projections().get(3).weights());
        double[][] m = ((ValueSpec.Matrix) spec.projections().get(3).weights()).values();
        double[][] mb = ((ValueSpec.Matrix) back.projections().get(3).weights()).values();
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                assertEquals(Double.doubleToRawLongBits(m[i][j]), Double.doubleToRawLongBits(mb[i][j]),
                        "matrix entry " + i + "," + j + " (-0.0 stays -0.0)");
            }
        }
        assertEquals(spec.projections().get(1).connectivity(), back.projections().get(1).connectivity());
        assertEquals(spec.projections().get(2).weights(), back.projections().get(2).weights());
        assertEquals(spec.inputs().get(1), back.inputs().get(1));
        assertEquals(null, back.projections().get(6).connectivity());
        // the compiled networks agree bit for bit
        assertSameParameters(Network.compile(spec, CUSTOM), Network.compile(back, CUSTOM));
        assertSameParameters(Network.compile(recurrentSpec()),
                Network.compile(NetworkFile.specFromJson(NetworkFile.toJson(recurrentSpec()))));
    }

    @Test
    void malformedDescriptionTextIsRejectedWithLineAndColumn() {
        String json = NetworkFile.toJson(smallSpec());
        String broken = json.replaceFirst("\"populations\" : \\[", "\"populations\" : [ ,");
        assertNotEquals(json, broken);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkFile.specFromJson(broken));
        assertTrue(e.getMessage().contains("malformed network description: not JSON"), e.getMessage());
        int line = (int) broken.substring(0, broken.indexOf("[ ,")).lines().count();
        assertTrue(e.getMessage().contains("line " + line + " column "), e.getMessage());

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> NetworkFile.specFromJson(json.replaceFirst("\"name\" : \"small\"",
                        "\"name\" : \"small\", \"colour\" : \"blue\"")));
        assertTrue(unknown.getMessage().contains("field `colour` is unknown; known fields here: inputs, loss, name, "
                + "output, populations, projections, trial"), unknown.getMessage());

        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> NetworkFile.specFromJson(json.replaceFirst("\"kind\" : \"uniform\"", "\"kind\" : \"gaussian\"")));
        assertTrue(kind.getMessage().contains("gaussian"), kind.getMessage());
        assertTrue(kind.getMessage().contains("uniform"), "names the known kinds: " + kind.getMessage());
    }

    // ---- save and load ----

    @Test
    void saveAndLoadKeepParametersAndSimulationBitForBit() throws IOException {
        Network net = Network.compile(richSpec(), CUSTOM);
        Path file = dir.resolve("rich.json");
        net.save(file);
        Network back = Network.load(file, CUSTOM);
        assertEquals(NetworkFile.toJson(net.spec()), NetworkFile.toJson(back.spec()));
        assertSameParameters(net, back);
        assertEquals(net.trainableParameterNames(), back.trainableParameterNames());
        assertSameSimulation(net, back);
        assertTrue(net.simulate().record().spikeCount() > 0, "the rich network spikes");

        JsonNode root = MAPPER.readTree(file.toFile());
        assertEquals(NetworkFile.FORMAT, root.get("format").asText());
        assertEquals(NetworkFile.VERSION, root.get("version").asInt());
        assertTrue(root.get("spec").isObject());
        List<String> names = MAPPER.convertValue(root.get("parameters"), Map.class).keySet().stream()
                .map(Object::toString).toList();
        assertEquals(net.parameterNames(), names);
    }

    @Test
    void saveAndLoadKeepPerturbedParameters() throws IOException {
        Network net = Network.compile(richSpec(), CUSTOM);
        SplittableRandom rng = new SplittableRandom(2024);
        for (String name : net.parameterNames()) {
            double[] v = net.parameter(name);
            if (name.endsWith(".weight")) {
                for (int k = 0; k < v.length; k++) {
                    v[k] += rng.nextDouble(-0.1, 0.1);
                }
                if (v.length > 1) {
                    v[0] = -0.0;
                    v[1] = Double.MIN_VALUE;
                }
            } else if (name.equals("spk.time")) {
                for (int k = 0; k < v.length; k++) {
                    v[k] += rng.nextDouble(0, 0.01);
                }
            } else if (name.equals("h.psi0")) {
                for (int k = 0; k < v.length; k++) {
                    v[k] = rng.nextDouble(-1.2, 1.2);
                }
            } else if (name.equals("h.I0") || name.equals("lf.V0")) {
                for (int k = 0; k < v.length; k++) {
                    v[k] = rng.nextDouble(-0.3, 0.3);
                }
            } else if (name.equals("h.tau") || name.equals("lf.threshold") || name.equals("l.drive")) {
                v[0] *= 1 + rng.nextDouble(0, 0.1);
            } else {
                continue;
            }
            net.setParameter(name, v);
        }
        Network fresh = Network.compile(richSpec(), CUSTOM);
        assertNotEquals(Double.doubleToLongBits(fresh.parameter("h.tau")[0]),
                Double.doubleToLongBits(net.parameter("h.tau")[0]), "perturbed");
        Path file = dir.resolve("perturbed.json");
        net.save(file);
        Network back = Network.load(file, CUSTOM);
        assertSameParameters(net, back);
        assertSameSimulation(net, back);
        // the loaded network is the perturbed one, not a fresh compile of the description
        assertNotEquals(Double.doubleToLongBits(fresh.parameter("h->o.weight")[2]),
                Double.doubleToLongBits(back.parameter("h->o.weight")[2]));
    }

    @Test
    void saveAndLoadKeepThetaPhasesThatAreValidOnlyForTheSavedConstants() throws IOException {
        Network net = Network.compile(smallSpec());
        double period = Math.PI / Math.sqrt(0.75); // tau = 1, drive = 1
        net.setParameter("out.tau", new double[] {2.0});
        net.setParameter("out.phase0", new double[] {1.5 * period, 1.9 * period}); // valid for tau = 2
        Path file = dir.resolve("theta.json");
        net.save(file);
        Network back = Network.load(file);
        assertSameParameters(net, back);
        assertSameSimulation(net, back);
    }

    @Test
    void saveOverwritesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Network net = Network.compile(smallSpec());
        Path file = dir.resolve("net.json");
        net.save(file);
        assertEquals(List.of(file.getFileName().toString()), listing(dir));
        String first = Files.readString(file);
        net.setParameter("h.tau", new double[] {1.25});
        net.save(file);
        assertEquals(List.of(file.getFileName().toString()), listing(dir));
        assertNotEquals(first, Files.readString(file));
        assertEquals(1.25, Network.load(file).parameter("h.tau")[0]);

        Path nested = dir.resolve("a").resolve("b").resolve("net.json");
        net.save(nested);
        assertEquals(List.of("net.json"), listing(nested.getParent()));
    }

    @Test
    void failedSaveLeavesNoTemporaryFile() throws IOException {
        Network net = Network.compile(smallSpec());
        Path target = dir.resolve("taken.json");
        Files.createDirectories(target);
        Files.writeString(target.resolve("keep.txt"), "x");
        assertThrows(IOException.class, () -> net.save(target));
        assertEquals(List.of("taken.json"), listing(dir));
        assertEquals(List.of("keep.txt"), listing(target));
    }

    @Test
    void missingFileGivesAnIOExceptionNamingThePath() {
        Path file = dir.resolve("nowhere").resolve("missing.json");
        IOException e = assertThrows(IOException.class, () -> Network.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void missingFileSaysItDoesNotExist() {
        Path file = dir.resolve("missing.json");
        IOException e = assertThrows(IOException.class, () -> Network.load(file));
        assertEquals(file + ": file not found", e.getMessage());
    }

    @Test
    void customLossesAreNeededToLoad() throws IOException {
        Path file = dir.resolve("custom.json");
        Network.compile(richSpec(), CUSTOM).save(file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("invalid description"), e.getMessage());
        assertTrue(e.getMessage().contains("custom loss 'reg' is not registered"), e.getMessage());
        assertTrue(Network.load(file, CUSTOM).loss(new int[] {0}) != null);
    }

    // ---- malformed files ----

    private ObjectNode savedRoot() throws IOException {
        Path file = dir.resolve("good.json");
        Network.compile(smallSpec()).save(file);
        return (ObjectNode) MAPPER.readTree(file.toFile());
    }

    private IllegalArgumentException loadFails(String text, String... fragments) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.load(file));
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message should contain '" + f + "': " + e.getMessage());
        }
        return e;
    }

    private IllegalArgumentException loadFails(JsonNode root, String... fragments) throws IOException {
        return loadFails(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root), fragments);
    }

    @Test
    void notJsonGivesLineAndColumn() throws IOException {
        loadFails("{\n  \"format\": \"smoothspike-network\",\n  \"version\": 1,,\n}", "not JSON",
                "line 3 column");
        loadFails("this is not json", "not JSON", "line 1 column 1");
    }

    @Test
    void wrongFormatTagIsRejected() throws IOException {
        ObjectNode root = savedRoot();
        root.put("format", "some-other-format");
        loadFails(root, "not a SmoothSpike network file", "\"format\": \"smoothspike-network\"");
        root.remove("format");
        loadFails(root, "not a SmoothSpike network file", "\"format\": \"smoothspike-network\"");
        loadFails("[1, 2, 3]", "not a SmoothSpike network file");
    }

    @Test
    void wrongVersionIsRejected() throws IOException {
        ObjectNode root = savedRoot();
        root.put("version", 2);
        loadFails(root, "version 2 is not supported", "reads version 1");
    }

    @Test
    void missingVersionSaysItIsMissing() throws IOException {
        ObjectNode root = savedRoot();
        root.remove("version");
        loadFails(root, "version", "missing");
    }

    @Test
    void missingParameterIsRejected() throws IOException {
        ObjectNode root = savedRoot();
        ((ObjectNode) root.get("parameters")).remove("h.tau");
        loadFails(root, "field `parameters.h.tau` is missing");
        root.remove("parameters");
        loadFails(root, "field `parameters` is missing");
    }

    @Test
    void unknownParameterIsRejected() throws IOException {
        ObjectNode root = savedRoot();
        ((ObjectNode) root.get("parameters")).putArray("h.bogus").add(1.0);
        loadFails(root, "field `parameters.h.bogus` is not a parameter of this description");
    }

    @Test
    void wrongParameterLengthIsRejected() throws IOException {
        ObjectNode root = savedRoot();
        ArrayNode w = (ArrayNode) root.get("parameters").get("in->h.weight");
        assertEquals(12, w.size());
        w.remove(11);
        loadFails(root, "field `parameters.in->h.weight` has 11 values, expected 12");
        ((ObjectNode) root.get("parameters")).put("in->h.weight", 0.5);
        loadFails(root, "field `parameters.in->h.weight` must be a list of 12 numbers");
    }

    @Test
    void nonNumberEntryIsRejected() throws IOException {
        ObjectNode root = savedRoot();
        ((ArrayNode) root.get("parameters").get("h->out.weight")).set(3, MAPPER.getNodeFactory().textNode("0.5"));
        loadFails(root, "field `parameters.h->out.weight` entry 3 must be a number, got \"0.5\"");
        ObjectNode again = savedRoot();
        ((ArrayNode) again.get("parameters").get("out.phase0")).set(0, MAPPER.getNodeFactory().nullNode());
        loadFails(again, "field `parameters.out.phase0` entry 0 must be a number, got null");
    }

    @Test
    void invalidParameterValueIsRejected() throws IOException {
        ObjectNode root = savedRoot();
        ArrayNode phase = (ArrayNode) root.get("parameters").get("out.phase0");
        phase.set(1, MAPPER.getNodeFactory().numberNode(1000.0));
        loadFails(root, "out.phase0", "phase must lie in [0, Theta]");
    }

    @Test
    void unknownFieldInSpecIsRejected() throws IOException {
        ObjectNode root = savedRoot();
        ((ObjectNode) root.get("spec").get("populations").get(0)).put("colour", "blue");
        loadFails(root, "field `spec.populations[0].colour` is unknown");
    }

    @Test
    void invalidSpecInFileIsRejected() throws IOException {
        ObjectNode root = savedRoot();
        ((ObjectNode) root.get("spec").get("populations").get(0)).put("size", 0);
        loadFails(root, "invalid description", "populations[h]", "size must be a positive integer", "got 0");
    }

    // ---- helpers ----

    private static List<String> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertSameParameters(Network a, Network b) {
        assertEquals(a.parameterNames(), b.parameterNames());
        for (String name : a.parameterNames()) {
            double[] x = a.parameter(name);
            double[] y = b.parameter(name);
            assertEquals(x.length, y.length, name);
            for (int k = 0; k < x.length; k++) {
                assertEquals(Double.doubleToLongBits(x[k]), Double.doubleToLongBits(y[k]),
                        name + "[" + k + "]: " + x[k] + " vs " + y[k]);
            }
        }
    }

    private static void assertSameSimulation(Network a, Network b) {
        SimulationResult x = a.simulate();
        SimulationResult y = b.simulate();
        EventRecord rx = x.record();
        EventRecord ry = y.record();
        assertEquals(rx.eventCount(), ry.eventCount(), "event count");
        assertTrue(rx.eventCount() > 0, "some events");
        for (int k = 0; k < rx.eventCount(); k++) {
            assertEquals(Double.doubleToLongBits(rx.time(k)), Double.doubleToLongBits(ry.time(k)), "event " + k);
            assertEquals(rx.isInput(k), ry.isInput(k), "event " + k);
            if (rx.isInput(k)) {
                assertEquals(rx.inputChannel(k), ry.inputChannel(k), "event " + k);
            } else {
                assertEquals(rx.neuron(k), ry.neuron(k), "event " + k);
            }
        }
        if (x.outputTimes() != null) {
            for (int r = 0; r < x.outputTimes().length; r++) {
                for (int j = 0; j < x.outputTimes()[r].length; j++) {
                    assertEquals(Double.doubleToLongBits(x.outputTimes()[r][j]),
                            Double.doubleToLongBits(y.outputTimes()[r][j]), "output " + r + "," + j);
                }
            }
        }
        assertFalse(x.outputTimes() == null ^ y.outputTimes() == null);
    }
}
