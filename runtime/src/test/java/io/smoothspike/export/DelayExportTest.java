package io.smoothspike.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.io.numpy.NpyBytes;
import io.smoothspike.network.Json;
import io.smoothspike.network.Network;
import io.smoothspike.spec.ConnectivitySpec;
import io.smoothspike.spec.DelaySpec;
import io.smoothspike.spec.InputSpec;
import io.smoothspike.spec.ModelSpec;
import io.smoothspike.spec.NetworkSpec;
import io.smoothspike.spec.PopulationSpec;
import io.smoothspike.spec.ProjectionSpec;
import io.smoothspike.spec.TrialSpec;
import io.smoothspike.spec.ValueSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delays in exports: {@code from->to.delay} per synapse as a (pre, post) matrix beside the weights (0 where no
 * synapse), per presynaptic neuron as a vector along {@code pre}, per projection as a scalar.
 */
class DelayExportTest {

    @TempDir
    Path dir;

    /** Inputs a (2 channels) and b (3, external) into n (2 qif), n onto itself. */
    private static Network network() {
        DelaySpec perNeuron = new DelaySpec("neuron", new ValueSpec.Values(new double[] {0.5, 0.75, 1.0}), true, null);
        DelaySpec perSynapse = new DelaySpec("synapse",
                new ValueSpec.Matrix(new double[][] {{0.25, 7}, {1.5, 2}}), false, 3.0);
        return Network.compile(new NetworkSpec("delays", TrialSpec.of(2.0),
                List.of(new InputSpec("a", 2, new InputSpec.Spikes(new double[][] {{0.1}, {0.2}}), false),
                        new InputSpec("b", 3, new InputSpec.External(), false)),
                List.of(new PopulationSpec("n", 2, ModelSpec.qif(1.0), null, false, null)),
                List.of(new ProjectionSpec("a", "n", new ConnectivitySpec.Mask(new boolean[][] {{true, false},
                        {true, true}}), new ValueSpec.Constant(1), true, perSynapse),
                        new ProjectionSpec("b", "n", null, new ValueSpec.Constant(2), true, perNeuron),
                        new ProjectionSpec("n", "n", null, new ValueSpec.Constant(0.1), true,
                                new DelaySpec("projection", new ValueSpec.Constant(0.125), false, null))),
                null, null));
    }

    @Test
    void eachKindHasItsShape() {
        ResultExport e = Exporter.of(network()).build();
        ExportArray synapse = e.array("a->n.delay");
        assertEquals(List.of("pre", "post"), synapse.axes());
        assertArrayEquals(new int[] {2, 2}, synapse.shape());
        assertArrayEquals(new double[] {0.25, 0, 1.5, 2}, (double[]) synapse.values());
        ExportArray neuron = e.array("b->n.delay");
        assertEquals(List.of("pre"), neuron.axes());
        assertArrayEquals(new double[] {0.5, 0.75, 1.0}, (double[]) neuron.values());
        ExportArray projection = e.array("n->n.delay");
        assertArrayEquals(new int[0], projection.shape());
        assertArrayEquals(new double[] {0.125}, (double[]) projection.values());
        ResultExport none = Exporter.of(Network.compile(new NetworkSpec("none", TrialSpec.of(2.0),
                List.of(new InputSpec("a", 1, new InputSpec.External(), false)),
                List.of(new PopulationSpec("n", 1, ModelSpec.qif(1.0), null, false, null)),
                List.of(new ProjectionSpec("a", "n", null, new ValueSpec.Constant(1), true)), null, null))).build();
        assertTrue(none.arrays().stream().noneMatch(a -> a.name().endsWith(".delay")));
    }

    @Test
    void npzCsvAndJsonHoldTheDelays() throws IOException {
        ResultExport e = Exporter.of(network()).build();
        var z = NpyBytes.arrays(Files.readAllBytes(e.write(dir.resolve("x.npz"), ExportFormat.NPZ, false)));
        assertArrayEquals(new int[] {2, 2}, z.get("a->n.delay").shape());
        assertArrayEquals(new double[] {0.25, 0, 1.5, 2}, z.get("a->n.delay").doubles());
        assertArrayEquals(new double[] {0.5, 0.75, 1.0}, z.get("b->n.delay").doubles());

        Path csv = e.write(dir.resolve("csv"), ExportFormat.CSV, false);
        assertEquals(List.of("pre,post,weight,mask,delay", "0,0,1.0,true,0.25", "0,1,0.0,false,0.0",
                "1,0,1.0,true,1.5", "1,1,1.0,true,2.0"), Files.readAllLines(csv.resolve("a_to_n.csv")));
        assertEquals(List.of("pre,delay", "0,0.5", "1,0.75", "2,1.0"), Files.readAllLines(csv.resolve("b_to_n_2.csv")));

        var doc = Json.MAPPER.readTree(e.write(dir.resolve("x.json"), ExportFormat.JSON, false).toFile());
        assertEquals("[[0.25,0.0],[1.5,2.0]]", doc.get("arrays").get("a->n.delay").get("data").toString());
        assertEquals(0.125, doc.get("arrays").get("n->n.delay").get("data").asDouble());
    }
}
