package io.smoothspike.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.model.Lif;
import io.smoothspike.model.NeuronModel;
import io.smoothspike.model.Qif;
import org.junit.jupiter.api.Test;

/**
 * The concept of docs/experiments.md §1: a QIF neuron's first spike time depends continuously on an input weight and
 * an inhibitory input time, and its spike enters and leaves the trial through T; the LIF neuron's spike time jumps.
 */
class ConceptSweepTest {

    private static final double QIF_WMAX = 2 * Math.PI * Math.PI / 4;

    /** First spike times (NaN where none in [0, T]) of one neuron over a weight grid of {@code n} points. */
    private static double[] weightSweep(NeuronModel model, double duration, double wMax, int n) {
        SimulationGraph g = SimulationGraph.builder().inputs("in", 1).population("out", model, 1)
                .connectDense("in", "out", new double[][] {{0}}).build();
        EventSimulator sim = new EventSimulator(g);
        InputSpikes input = InputSpikes.of(new double[] {0.5}, new int[] {0});
        TrialSettings trial = new TrialSettings(duration, 10);
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            g.projections().get(0).weights()[0] = wMax * k / (n - 1);
            EventRecord r = sim.run(input, trial);
            t[k] = r.spikeCount(0) > 0 ? r.spikeTime(0, 0) : Double.NaN;
        }
        return t;
    }

    /** QIF with excitation 1.5π²/4 at 0.5 and inhibition −π²/4 at a time swept over [0, T]. */
    private static double[] inhibitionSweep(int n) {
        double duration = 4;
        SimulationGraph g = SimulationGraph.builder().inputs("in", 2).population("out", new Qif(1), 1)
                .connectDense("in", "out", new double[][] {{1.5 * Math.PI * Math.PI / 4}, {-Math.PI * Math.PI / 4}})
                .build();
        EventSimulator sim = new EventSimulator(g);
        TrialSettings trial = new TrialSettings(duration, 10);
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            double tInh = duration * k / (n - 1);
            EventRecord r = sim.run(InputSpikes.of(new double[] {0.5, tInh}, new int[] {0, 1}), trial);
            t[k] = r.spikeCount(0) > 0 ? r.spikeTime(0, 0) : Double.NaN;
        }
        return t;
    }

    /** Largest change between neighbouring grid points that both have a spike. */
    private static double maxJumpInside(double[] t) {
        double max = 0;
        for (int k = 1; k < t.length; k++) {
            if (!Double.isNaN(t[k]) && !Double.isNaN(t[k - 1])) {
                max = Math.max(max, Math.abs(t[k] - t[k - 1]));
            }
        }
        return max;
    }

    /** Spike time next to each appearance or disappearance of the spike along the grid. */
    private static double[] boundaryTimes(double[] t) {
        double[] out = new double[t.length];
        int n = 0;
        for (int k = 1; k < t.length; k++) {
            if (Double.isNaN(t[k]) != Double.isNaN(t[k - 1])) {
                out[n++] = Double.isNaN(t[k]) ? t[k - 1] : t[k];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    @Test
    void qifSpikeTimeIsContinuousInWeightAndEntersThroughT() {
        double[] coarse = weightSweep(new Qif(1), 4, QIF_WMAX, 2001);
        double[] fine = weightSweep(new Qif(1), 4, QIF_WMAX, 4001);
        assertTrue(Double.isNaN(coarse[0]), "no spike without input");
        assertTrue(!Double.isNaN(coarse[coarse.length - 1]), "a spike at the largest weight");
        // continuity: halving the grid step halves the largest jump
        double jc = maxJumpInside(coarse);
        double jf = maxJumpInside(fine);
        assertTrue(jf < 0.6 * jc, "largest jump must shrink with the grid: " + jc + " -> " + jf);
        // monotone decreasing where present, and the spike appears once, at the trial end
        double[] boundary = boundaryTimes(fine);
        assertEquals(1, boundary.length, "the spike appears exactly once along the sweep");
        assertTrue(boundary[0] > 4 - 2 * jf, "the spike enters through T: first time " + boundary[0]);
        for (int k = 1; k < fine.length; k++) {
            if (!Double.isNaN(fine[k]) && !Double.isNaN(fine[k - 1])) {
                assertTrue(fine[k] <= fine[k - 1], "spike time decreases with weight at grid point " + k);
            }
        }
    }

    @Test
    void qifSpikeTimeIsContinuousInInhibitionTime() {
        double[] coarse = inhibitionSweep(2001);
        double[] fine = inhibitionSweep(4001);
        double jc = maxJumpInside(coarse);
        double jf = maxJumpInside(fine);
        assertTrue(jf < 0.6 * jc, "largest jump must shrink with the grid: " + jc + " -> " + jf);
        for (double b : boundaryTimes(fine)) {
            assertTrue(b > 4 - 2 * jf, "the spike appears and vanishes only at T, got " + b);
        }
    }

    @Test
    void lifSpikeTimeJumpsFromInsideTheTrialToNoSpike() {
        double[] coarse = weightSweep(new Lif(1, 1), 3, 8, 2001);
        double[] fine = weightSweep(new Lif(1, 1), 3, 8, 4001);
        double[] boundary = boundaryTimes(fine);
        assertEquals(1, boundary.length, "the spike appears once along the sweep");
        assertTrue(boundary[0] < 3 - 1, "the LIF spike appears inside the trial (at the voltage maximum), got "
                + boundary[0]);
        // near the threshold weight the spike time is not continuous: refining the grid keeps a large jump
        // (the square-root onset makes neighbouring times differ by far more than the grid step explains)
        assertTrue(maxJumpInside(fine) > 0.5 * maxJumpInside(coarse),
                "LIF jumps do not shrink like a continuous function's");
    }
}
