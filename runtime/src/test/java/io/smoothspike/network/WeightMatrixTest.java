package io.smoothspike.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smoothspike.spec.ConnectivitySpec;
import io.smoothspike.spec.InputSpec;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.MatrixInitialisers;
import io.smoothspike.spec.ModelSpec;
import io.smoothspike.spec.NetworkSpec;
import io.smoothspike.spec.OutputSpec;
import io.smoothspike.spec.PopulationSpec;
import io.smoothspike.spec.ProjectionSpec;
import io.smoothspike.spec.TrialSpec;
import io.smoothspike.spec.ValueSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Network.weights / setWeights / weightGradient: presynaptic × postsynaptic EJML matrices of the flat arrays. */
class WeightMatrixTest {

    private static final double[][] A_TO_H = {{0.5, -0.25, 1.0, 0.125}, {2.0, 0.75, -1.5, 0.0}};
    /** b → h: 3 × 4, entries [0][1], [1][0], [1][3] and [2][2] left out. */
    private static final boolean[][] B_MASK = {{true, false, true, true}, {false, true, true, false},
        {true, true, false, true}};

    @TempDir
    Path dir;

    /** Two input groups (so a→h and b→h share one compiled projection), a masked, a square and a dense projection. */
    private static NetworkSpec spec() {
        List<InputSpec> inputs = List.of(
                new InputSpec("a", 2, new InputSpec.Spikes(new double[][] {{0.2}, {0.6}}), false),
                new InputSpec("b", 3, new InputSpec.Spikes(new double[][] {{0.1}, {0.4}, {0.9}}), false));
        List<PopulationSpec> pops = List.of(
                new PopulationSpec("h", 4, ModelSpec.qif(1.0), null, false, null),
                new PopulationSpec("o", 2, ModelSpec.qif(1.0), null, false, null));
        List<ProjectionSpec> projections = List.of(
                new ProjectionSpec("a", "h", null, new ValueSpec.Matrix(A_TO_H), true),
                new ProjectionSpec("b", "h", new ConnectivitySpec.Mask(B_MASK), new ValueSpec.Normal(1, 0.5, 2), true),
                new ProjectionSpec("h", "h", new ConnectivitySpec.AllToAll(true), new ValueSpec.Orthogonal(0.8, 3),
                        true),
                new ProjectionSpec("h", "o", null, new ValueSpec.FanInUniform(0.5, 1.5, 4), true));
        return new NetworkSpec("views", new TrialSpec(3.0, 100, 5.0, "auto"), inputs, pops, projections,
                new OutputSpec("o", null, 1), new LossSpec.SpikeTime(new double[][] {{1.0}, {2.0}}));
    }

    @Test
    void weightsArePresynapticByPostsynapticCopies() {
        Network net = Network.compile(spec());
        assertEquals(List.of("a->h", "b->h", "h->h", "h->o"), net.projectionNames());
        DMatrixRMaj a = net.weights("a->h");
        assertEquals(2, a.numRows);
        assertEquals(4, a.numCols);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(A_TO_H[i][j], a.get(i, j));
            }
        }
        // a dense projection's flat parameter is its matrix row-major by presynaptic neuron
        assertArrayEquals(net.parameter("h->o.weight"), net.weights("h->o").data);
        // a masked one holds its synapses row by row; the entries left out read 0
        DMatrixRMaj b = net.weights("b->h");
        double[] flat = net.parameter("b->h.weight");
        int k = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(B_MASK[i][j] ? flat[k++] : 0, b.get(i, j), "[" + i + "][" + j + "]");
            }
        }
        assertEquals(flat.length, k);
        a.set(0, 0, 99);
        assertEquals(A_TO_H[0][0], net.weights("a->h").get(0, 0), "weights() is a copy");
    }

    @Test
    void setWeightsWritesThroughToTheSimulation() {
        Network net = Network.compile(spec());
        double[] before = net.simulate().outputTimes()[0];
        DMatrixRMaj w = net.weights("h->o");
        CommonOps_DDRM.scale(2, w);
        net.setWeights("h->o", w);
        assertArrayEquals(w.data, net.parameter("h->o.weight"));
        DMatrixRMaj b = net.weights("b->h");
        b.set(2, 3, -4.5);
        net.setWeights("b->h", b);
        assertEquals(-4.5, net.weights("b->h").get(2, 3));
        DMatrixRMaj a = new DMatrixRMaj(A_TO_H);
        CommonOps_DDRM.scale(-1, a);
        net.setWeights("a->h", a);
        assertArrayEquals(a.data, net.weights("a->h").data);
        assertEquals(b.data.length, net.weights("b->h").data.length);
        assertArrayEquals(b.data, net.weights("b->h").data, "b's rows unchanged by setting a's");
        double[] after = net.simulate().outputTimes()[0];
        assertFalse(Arrays.equals(before, after), "the simulation uses the new weights");
    }

    @Test
    void setWeightsRefusesWithClearMessages() {
        Network net = Network.compile(spec());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> net.setWeights("h->o", new DMatrixRMaj(2, 4)));
        assertEquals("projection 'h->o': the weight matrix is 4 × 2 (presynaptic × postsynaptic), got 2 × 4",
                shape.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> net.weights("h1->h2"));
        assertEquals("unknown projection 'h1->h2'; known: [a->h, b->h, h->h, h->o]", unknown.getMessage());
        DMatrixRMaj b = net.weights("b->h");
        b.set(0, 1, 0.3);
        IllegalArgumentException masked = assertThrows(IllegalArgumentException.class, () -> net.setWeights("b->h", b));
        assertEquals("projection 'b->h': entry [0][1] is 0.3, but the connectivity has no synapse there; such "
                + "entries must be 0", masked.getMessage());
        DMatrixRMaj nan = net.weights("h->h");
        nan.set(3, 2, Double.NaN);
        assertEquals("projection 'h->h': entry [3][2] is not finite: NaN", assertThrows(
                IllegalArgumentException.class, () -> net.setWeights("h->h", nan)).getMessage());
        assertEquals("projection 'a->h': the weight matrix is 2 × 4 (presynaptic × postsynaptic), got null",
                assertThrows(IllegalArgumentException.class, () -> net.setWeights("a->h", null)).getMessage());
        assertArrayEquals(Network.compile(spec()).parameter("b->h.weight"), net.parameter("b->h.weight"),
                "a refused matrix changes nothing");
    }

    @Test
    void weightGradientIsAMatrixLikeTheWeights() {
        Network net = Network.compile(spec());
        Evaluation e = net.lossAndGradient(List.of(net.input(0)), null, 1);
        for (String p : net.projectionNames()) {
            DMatrixRMaj g = net.weightGradient(e.gradient(), p);
            DMatrixRMaj w = net.weights(p);
            assertEquals(w.numRows, g.numRows, p);
            assertEquals(w.numCols, g.numCols, p);
        }
        assertArrayEquals(e.gradient().get("h->o.weight"), net.weightGradient(e.gradient(), "h->o").data);
        double[] flat = e.gradient().get("b->h.weight");
        DMatrixRMaj g = net.weightGradient(e.gradient(), "b->h");
        int k = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(B_MASK[i][j] ? flat[k++] : 0, g.get(i, j));
            }
        }
        assertEquals("the gradient has no values for 'h->o.weight', which has 8; give a gradient of this network",
                assertThrows(IllegalArgumentException.class, () -> net.weightGradient(Map.of(), "h->o"))
                        .getMessage());
    }

    @Test
    void linearAlgebraInitialisersCompileSaveAndReloadIdentically() throws IOException {
        Network net = Network.compile(spec());
        DMatrixRMaj h = net.weights("h->h");
        DMatrixRMaj gram = CommonOps_DDRM.multTransA(h, h, null);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(i == j ? 0.64 : 0, gram.get(i, j), 1e-12);
            }
        }
        NetworkSpec recurrent = withRecurrent(new ValueSpec.SpectralRadius(0.9, new ValueSpec.Normal(0, 0.1, 3)));
        Network rnn = Network.compile(recurrent);
        assertEquals(0, rnn.weights("h->h").get(2, 2), "no self-connections by default");
        assertEquals(0.9, MatrixInitialisers.spectralRadius(rnn.weights("h->h").data, 4), 1e-12);
        for (Network n : List.of(net, rnn)) {
            Path f = dir.resolve(n.spec().name() + ".json");
            n.save(f);
            Network back = Network.load(f);
            assertEquals(NetworkFile.toJson(n.spec()), NetworkFile.toJson(back.spec()));
            Network fromJson = Network.compile(NetworkFile.specFromJson(NetworkFile.toJson(n.spec())));
            for (String p : n.parameterNames()) {
                assertArrayEquals(n.parameter(p), back.parameter(p), p);
                assertArrayEquals(n.parameter(p), fromJson.parameter(p), p);
            }
        }
    }

    private static NetworkSpec withRecurrent(ValueSpec weights) {
        NetworkSpec s = spec();
        List<ProjectionSpec> projections = new ArrayList<>(s.projections());
        projections.set(2, new ProjectionSpec("h", "h", null, weights, true));
        return new NetworkSpec("recurrent", s.trial(), s.inputs(), s.populations(), projections, s.output(),
                s.loss());
    }
}
