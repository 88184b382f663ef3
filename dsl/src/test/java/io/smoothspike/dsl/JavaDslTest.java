package io.smoothspike.dsl;

import static io.smoothspike.dsl.Snn.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.grad.PseudoSettings;
import io.smoothspike.grad.ReadoutSpec;
import io.smoothspike.grad.Task;
import io.smoothspike.grad.TrialEvaluator;
import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.loss.Loss;
import io.smoothspike.loss.SpikeTimeSquaredError;
import io.smoothspike.model.Qif;
import io.smoothspike.network.Evaluation;
import io.smoothspike.network.Network;
import io.smoothspike.network.SimulationResult;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.TrialSettings;
import io.smoothspike.spec.ConnectivitySpec;
import io.smoothspike.spec.InputSpec;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.MatrixInitialisers;
import io.smoothspike.spec.NetworkSpec;
import io.smoothspike.spec.PopulationSpec;
import io.smoothspike.spec.ProjectionSpec;
import io.smoothspike.spec.ValueSpec;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class JavaDslTest {

    private static final long SEED = 7;

    /** Spike times and weights of the paper's single neuron (docs/experiments.md §2): times, then weights. */
    private static double[][] singleNeuronDraw() {
        SplittableRandom rng = new SplittableRandom(SEED);
        double[] times = new double[22];
        double[] w = new double[22];
        times[0] = 1.0;
        times[1] = 9.0;
        for (int k = 2; k < 22; k++) {
            times[k] = 10 * rng.nextDouble();
            w[k] = gaussian(rng);
        }
        return new double[][] {times, w};
    }

    /** A standard normal variate (Box–Muller). */
    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** The network of {@link #singleNeuron()} built directly on the simulation graph. */
    private static Task singleNeuronOnTheGraph() {
        double[][] d = singleNeuronDraw();
        double[][] w = new double[22][1];
        for (int c = 0; c < 22; c++) {
            w[c][0] = d[1][c];
        }
        SimulationGraph g = SimulationGraph.builder().inputs("in", 22).population("neuron", new Qif(1), 1)
                .connectDense("in", "neuron", w).build();
        ReadoutSpec readout = new ReadoutSpec(new int[] {0}, new int[] {2}, PseudoSettings.DEFAULT);
        return new Task("single_neuron", g, new TrialSettings(10, 25), readout,
                List.of(InputSpikes.onePerChannel(d[0])), new SpikeTimeSquaredError(new double[][] {{2.5, 7.5}}));
    }

    /** docs/experiments.md §2: one QIF neuron, 22 one-spike inputs, two target spikes. */
    private static NetworkBuilder singleNeuron() {
        double[][] d = singleNeuronDraw();
        NetworkBuilder net = network("single_neuron").trial(10, 25);
        InputBuilder in = net.input("in", 22);
        for (int c = 0; c < 22; c++) {
            in.spikeTimes(c, d[0][c]);
        }
        return in.population("neuron", 1, qif(1))
                .connect("in", "neuron").weights(values(d[1]))
                .readout("neuron").spikes(2)
                .loss(spikeTimeLoss(new double[][] {{2.5, 7.5}}));
    }

    @Test
    void singleNeuronSpec() {
        double[][] d = singleNeuronDraw();
        NetworkSpec spec = singleNeuron().spec();

        assertEquals("single_neuron", spec.name());
        assertEquals(10, spec.trial().duration());
        assertEquals(25, spec.trial().spikeCap());
        assertEquals(10, spec.trial().alpha());
        assertEquals("auto", spec.trial().pseudoRule());

        assertEquals(1, spec.inputs().size());
        InputSpec in = spec.inputs().get(0);
        assertEquals("in", in.name());
        assertEquals(22, in.size());
        assertFalse(in.trainTimes());
        InputSpec.Spikes spikes = assertInstanceOf(InputSpec.Spikes.class, in.source());
        assertEquals(22, spikes.times().length);
        for (int c = 0; c < 22; c++) {
            assertArrayEquals(new double[] {d[0][c]}, spikes.times()[c]);
        }

        assertEquals(1, spec.populations().size());
        PopulationSpec pop = spec.populations().get(0);
        assertEquals("neuron", pop.name());
        assertEquals(1, pop.size());
        assertEquals("qif", pop.model().type());
        assertEquals(Map.of("tau", 1.0), pop.model().constants());
        assertTrue(pop.initial().isEmpty());
        assertFalse(pop.trainInitial());
        assertTrue(pop.trainConstants().isEmpty());

        assertEquals(1, spec.projections().size());
        ProjectionSpec pr = spec.projections().get(0);
        assertEquals("in->neuron", pr.label());
        assertEquals(new ConnectivitySpec.AllToAll(true), pr.connectivity());
        assertTrue(pr.trainable());
        double[] w = assertInstanceOf(ValueSpec.Values.class, pr.weights()).values();
        assertEquals(0, w[0]);
        assertEquals(0, w[1]);
        assertArrayEquals(d[1], w);

        assertEquals("neuron", spec.output().population());
        assertNull(spec.output().neurons());
        assertEquals(2, spec.output().spikes());
        LossSpec.SpikeTime loss = assertInstanceOf(LossSpec.SpikeTime.class, spec.loss());
        assertArrayEquals(new double[] {2.5, 7.5}, loss.targets()[0]);
    }

    @Test
    void defaultsAndOptions() {
        NetworkSpec spec = network("rnn").trial(10).spikeCap(500).pseudo(5, "recurrent")
                .input("drive", 4).poisson(1, 3)
                .input("late", 4).poisson(2, 4).window(5, 8).resample(true)
                .input("img", 9).image(1)
                .input("ext", 2).external()
                .population("rnn", 4, qif(1)).v0(0).i0(uniform(-1, 1, 2)).trainInitial().trainConstants("tau")
                .population("osc", 3, theta(6 / Math.PI, 1.25)).phase0(3)
                .connect("drive", "rnn").connectivity(oneToOne()).weights(constant(5)).frozen()
                .connect("rnn", "rnn").weights(normal(0, 1, 9))
                .connect("rnn", "osc").connectivity(randomNoSelf(0.5, 1)).weights(fanInUniform(0.5, 3))
                .and()
                .readout("rnn", 1, 0)
                .loss(sum(spikeTrainLoss(new double[][] {{1, 2}, {3}}), weighted(0.5, crossEntropy(0.01))))
                .spec();

        assertEquals(new io.smoothspike.spec.TrialSpec(10, 500, 5, "recurrent"), spec.trial());
        assertEquals(new InputSpec.Poisson(1, 0, 10, 3, false), spec.inputs().get(0).source());
        assertEquals(new InputSpec.Poisson(2, 5, 8, 4, true), spec.inputs().get(1).source());
        assertEquals(new InputSpec.Image(1), spec.inputs().get(2).source());
        assertEquals(new InputSpec.External(), spec.inputs().get(3).source());

        PopulationSpec rnn = spec.populations().get(0);
        assertEquals(List.of("V", "I"), List.copyOf(rnn.initial().keySet()));
        assertEquals(new ValueSpec.Constant(0), rnn.initial().get("V"));
        assertEquals(new ValueSpec.Uniform(-1, 1, 2), rnn.initial().get("I"));
        assertTrue(rnn.trainInitial());
        assertEquals(List.of("tau"), rnn.trainConstants());
        assertEquals("theta", spec.populations().get(1).model().type());
        assertEquals(new ValueSpec.Constant(3), spec.populations().get(1).initial().get("phase"));

        ProjectionSpec drive = spec.projections().get(0);
        assertEquals(new ConnectivitySpec.OneToOne(), drive.connectivity());
        assertFalse(drive.trainable());
        ProjectionSpec self = spec.projections().get(1);
        assertEquals(new ConnectivitySpec.AllToAll(false), self.connectivity(), "self-projection drops i -> i");
        assertEquals(new ValueSpec.Normal(0, 1, 9), self.weights());
        assertEquals(new ConnectivitySpec.Random(0.5, 1, false), spec.projections().get(2).connectivity());
        assertEquals(new ValueSpec.FanInUniform(0.5, 0, 3), spec.projections().get(2).weights());
        assertEquals(new ValueSpec.Constant(0), network("x").trial(1).population("p", 1, qif(1))
                .connect("p", "p").and().spec().projections().get(0).weights(), "weights default to 0");

        assertArrayEquals(new int[] {1, 0}, spec.output().neurons());
        assertEquals(1, spec.output().spikes(), "first-spike coding by default");
        LossSpec.Sum sum = assertInstanceOf(LossSpec.Sum.class, spec.loss());
        assertEquals(2, sum.terms().size(), "nested sums are flattened");
        assertEquals(1, sum.terms().get(0).weight());
        assertEquals(1.1, assertInstanceOf(LossSpec.SpikeTrain.class, sum.terms().get(0).loss()).finalFactor());
        assertEquals(0.5, sum.terms().get(1).weight());
        assertEquals(new LossSpec.CrossEntropy(0.01), sum.terms().get(1).loss());
    }

    @Test
    void specIsASnapshot() {
        double[] w = {1, 2};
        NetworkBuilder b = network("snap").trial(1).input("in", 2).spikeTimes(0, 0.5)
                .population("p", 1, lif(1, 1)).connect("in", "p").weights(values(w)).and();
        w[0] = 99;
        NetworkSpec first = b.spec();
        b.input("in2", 1).external();
        assertEquals(1, first.inputs().size());
        assertEquals(2, b.spec().inputs().size());
        assertArrayEquals(new double[] {1, 2}, ((ValueSpec.Values) first.projections().get(0).weights()).values());
        assertArrayEquals(new double[0], ((InputSpec.Spikes) first.inputs().get(0).source()).times()[1]);
    }

    @Test
    void customLossKeepsItsCode() {
        Loss mine = (sample, times, grad) -> 0;
        LossDef def = sum(customLoss("mine", mine), spikeTimeLoss(new double[][] {{1}}));
        assertSame(mine, def.customLosses().get("mine"));
        assertEquals(new LossSpec.Custom("mine"), ((LossSpec.Sum) def.spec()).terms().get(0).loss());
        assertEquals(Map.of("mine", mine), def.customLosses());
        message(() -> sum(customLoss("mine", mine), customLoss("mine", (s, t, g) -> 1)),
                "two different custom losses are named 'mine'");
    }

    @Test
    void misuseFailsEarly() {
        message(() -> network(""), "network name must not be empty");
        message(() -> network("n").input("in", -1), "size of input 'in' must be a positive integer, got -1");
        message(() -> network("n").input("", 2), "input name must not be empty");
        message(() -> network("n").population("p", 2, qif(1)).population("p", 3, qif(1)),
                "name 'p' is already used by a population");
        message(() -> network("n").input("x", 2).external().population("x", 3, qif(1)),
                "name 'x' is already used by an input");
        message(() -> network("n").input("in", 2).spikes(new double[][] {{1}, {}}).spikes(new double[][] {{}, {}}),
                "input 'in' already has a source (spikes()); spikes() cannot replace it");
        message(() -> network("n").input("in", 2).spikes(new double[][] {{1}}),
                "input 'in' has 2 channels but spikes() got 1 rows");
        message(() -> network("n").input("in", 2).spikeTimes(2, 1.0), "input 'in': channel 2 is outside [0, 2)");
        message(() -> network("n").input("in", 2).external().window(0, 1),
                "input 'in': window() applies to a poisson source; call poisson() first");
        message(() -> network("n").population("p", 1, qif(1)).phase0(1),
                "population 'p': unknown state coordinate 'phase'; the qif model has [V, I]");
        message(() -> network("n").population("p", 1, qif(1)).trainConstants("drive"),
                "population 'p': unknown model constant 'drive'; the qif model has [tau]");
        message(() -> network("n").connect("a", "b").and().connect("a", "b"), "projection a->b is already defined");
        message(() -> network("n").connect("a", "b").weights(constant(1)).weights(constant(2)),
                "projection a->b weights is already set; each part is given once");
        message(() -> network("n").trial(1).trial(2), "trial duration is already set; each part is given once");
        message(() -> network("n").readout("p").spikes(0), "readout spikes must be a positive integer, got 0");
        message(() -> network("n").pseudo(10, "deep"),
                "pseudo rule must be one of [auto, layered, recurrent], got 'deep'");
        message(() -> qif(-1),
                "qif: tau must be a positive finite number, got -1.0; the qif model's constants: tau > 0");
        message(() -> random(1.5, 0), "connection probability must lie in [0, 1], got 1.5");

        message(() -> network("n").input("in", 1).external().spec(),
                "trial: network 'n' has no trial duration: call trial(duration)");
        message(() -> network("n").trial(1).input("in", 1).spec(),
                "input 'in' has no source: call spikes(), spikeTimes(), poisson(), image() or external()");
        message(() -> network("n").trial(1).input("in", 1).poisson(1, 0).trainableTimes().spec(),
                "input 'in': trainableTimes() needs explicit spike times, not poisson()");
        message(() -> network("n").trial(1).population("p", 1, qif(1)).connect("q", "p").spec(),
                "projections[q->p]: 'q' is neither an input nor a population");
        message(() -> network("n").trial(1).input("in", 1).external().population("p", 1, qif(1))
                .connect("p", "in").spec(),
                "projections[p->in]: 'in' is not a population (inputs receive no synapses)");
        message(() -> network("n").trial(1).population("p", 2, qif(1)).readout("p", 2).spec(),
                "readout neuron 2 is outside population 'p' of size 2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> network("n").trial(1)
                .population("p", 1, qif(1)).readout("p").loss(new LossSpec.Custom("neverRegistered")).compile());
        assertTrue(e.getMessage().startsWith("loss: custom loss 'neverRegistered' is not registered"), e.getMessage());
    }

    @Test
    void compilesAndSimulatesLikeTheGraphApi() {
        Network net = singleNeuron().compile();
        SimulationResult r = net.simulate();
        assertEquals(1, r.outputTimes().length);
        assertEquals(2, r.outputTimes()[0].length);

        Task task = singleNeuronOnTheGraph();
        TrialEvaluator ev = new TrialEvaluator(task.graph(), task.trial(), task.readout());
        double expected = ev.loss(task.inputs().get(0), 0, task.loss());
        assertArrayEquals(ev.times()[0], r.outputTimes()[0], 1e-12);

        Evaluation e = net.lossAndGradient(List.of(net.input(0)), null, 1);
        assertEquals(expected, e.loss(), 1e-12);
        double[] g = e.gradient().get("in->neuron.weight");
        assertEquals(22, g.length);
        for (double v : g) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void compilesWithCustomLoss() {
        Loss first = (sample, times, grad) -> {
            grad[0][0] = 1;
            return times[0][0];
        };
        Network net = network("custom").trial(4)
                .input("in", 1).spikeTimes(0, 0.5)
                .population("p", 1, qif(1))
                .connect("in", "p").weights(constant(2 * Math.PI * Math.PI / 4))
                .readout("p")
                .loss(customLoss("first", first))
                .compile();
        double t = net.simulate().outputTimes()[0][0];
        assertEquals(t, net.lossAndGradient(List.of(net.input(0)), null, 1).loss(), 1e-12);
    }

    @Test
    void linearAlgebraInitialisers() {
        Network net = network("deep").trial(5)
                .input("in", 784).external()
                .population("h1", 100, qif(1)).population("h2", 100, qif(1)).population("out", 10, qif(1))
                .connect("in", "h1").weights(orthogonal(0.5, 1))
                .connect("h1", "h2").weights(orthogonal(1, 3))
                .connect("h2", "h2").weights(spectralRadius(0.9, normal(0, 0.1, 3)))
                .connect("h2", "out").weights(fanInUniform(0.5, 4))
                .compile();
        assertEquals(new ValueSpec.Orthogonal(1, 3), net.spec().projections().get(1).weights());
        assertEquals(new ValueSpec.SpectralRadius(0.9, new ValueSpec.Normal(0, 0.1, 3)),
                net.spec().projections().get(2).weights());
        DMatrixRMaj w = net.weights("h1->h2");
        assertEquals(100, w.numRows);
        assertEquals(100, w.numCols);
        assertTrue(MatrixFeatures_DDRM.isOrthogonal(w, 1e-12));
        DMatrixRMaj in = net.weights("in->h1");
        DMatrixRMaj gram = CommonOps_DDRM.multTransA(in, in, null);
        CommonOps_DDRM.scale(4, gram);
        assertTrue(MatrixFeatures_DDRM.isIdentical(CommonOps_DDRM.identity(100), gram, 1e-12), "WᵀW = 0.5²·I");
        assertEquals(0.9, MatrixInitialisers.spectralRadius(net.weights("h2->h2").data, 100), 1e-12);

        message(() -> orthogonal(Double.POSITIVE_INFINITY, 1), "orthogonal gain must be a finite number, got Infinity");
        message(() -> spectralRadius(-1, normal(0, 1, 1)), "spectral radius must be >= 0, got -1.0");
        message(() -> spectralRadius(1, null), "spectralRadius values must not be null");
        message(() -> network("n").trial(1).input("in", 3).external().population("p", 2, qif(1))
                .connect("in", "p").weights(spectralRadius(0.9, normal(0, 1, 1))).compile(),
                "projections[in->p].weights: a spectral radius needs a square weight matrix (a population projecting "
                + "onto itself or onto one of equal size); this projection is 3 × 2 (presynaptic × postsynaptic)");
    }

    private static void message(Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
    }
}
