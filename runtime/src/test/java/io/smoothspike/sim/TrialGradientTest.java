package io.smoothspike.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.model.Qif;
import io.smoothspike.model.Theta;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Adding gradients over ranges of the flat layout. */
class TrialGradientTest {

    static final SimulationGraph GRAPH = SimulationGraph.builder().inputs("in", 3).population("q", new Qif(1), 2)
            .population("t", new Theta(1, 0.5), 4)
            .connectDense("in", "q", new double[][] {{1, 2}, {3, 4}, {5, 6}})
            .connectDense("q", "t", new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}}).build();

    /** The entries in the documented flat order: weights, then initial states, then constants. */
    static double[] flat(TrialGradient g) {
        double[] out = new double[g.size()];
        int k = 0;
        for (int j = 0; j < GRAPH.projections().size(); j++) {
            for (double v : g.weights(j)) {
                out[k++] = v;
            }
        }
        for (int p = 0; p < GRAPH.populations().size(); p++) {
            for (double v : g.initialState(p)) {
                out[k++] = v;
            }
        }
        for (int p = 0; p < GRAPH.populations().size(); p++) {
            for (double v : g.constants(p)) {
                out[k++] = v;
            }
        }
        assertEquals(out.length, k, "size() counts every entry");
        return out;
    }

    static TrialGradient random(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        TrialGradient g = new TrialGradient(GRAPH);
        for (int j = 0; j < GRAPH.projections().size(); j++) {
            fill(g.weights(j), rng);
        }
        for (int p = 0; p < GRAPH.populations().size(); p++) {
            fill(g.initialState(p), rng);
            fill(g.constants(p), rng);
        }
        return g;
    }

    static void fill(double[] a, SplittableRandom rng) {
        for (int k = 0; k < a.length; k++) {
            a[k] = rng.nextDouble(-1, 1);
        }
    }

    @Test
    void aRangeAddsExactlyItsEntries() {
        double[] other = flat(random(2));
        int size = other.length;
        for (int from = 0; from <= size; from++) {
            for (int to = from; to <= size; to++) {
                TrialGradient g = random(1);
                double[] expected = flat(g);
                for (int k = from; k < to; k++) {
                    expected[k] += 0.3 * other[k];
                }
                g.add(random(2), 0.3, from, to);
                assertArrayEquals(expected, flat(g), 0.0, "range " + from + " … " + to);
            }
        }
    }

    @Test
    void toArrayAndSetCarryTheFlatLayout() {
        TrialGradient g = random(7);
        double[] flat = g.toArray();
        assertArrayEquals(flat(g), flat);
        TrialGradient copy = new TrialGradient(GRAPH);
        copy.set(flat);
        assertArrayEquals(flat, flat(copy));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> copy.set(new double[3]));
        assertEquals("a gradient of this network has " + g.size() + " entries, got 3", e.getMessage());
    }
}
