package io.smoothspike.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.sim.InputSpikes;
import io.smoothspike.spec.InputSpec;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.ModelSpec;
import io.smoothspike.spec.NetworkSpec;
import io.smoothspike.spec.OutputSpec;
import io.smoothspike.spec.PopulationSpec;
import io.smoothspike.spec.ProjectionSpec;
import io.smoothspike.spec.TrialSpec;
import io.smoothspike.spec.ValueSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Image input groups: spikes, channels and their order match a straightforward encoding, mixed with other groups. */
class ImageInputTest {

    static final double T = 2;
    static final int PIXELS = 30;

    /** Spike time of an intensity, straight from the formula of {@link InputSpec.Image} (NaN: silent). */
    static double time(double x, int bins) {
        int level = (int) Math.floor(x * (bins + 1) / 256);
        return level == 0 ? Double.NaN : -T * Math.log1p(-0.01 * (bins - level + 1));
    }

    /** A network with an explicit group "cue" (2 channels) before or after the image group "px". */
    static Network network(int bins, boolean cueFirst, double[][] cueTimes) {
        InputSpec px = new InputSpec("px", PIXELS, new InputSpec.Image(bins), false);
        InputSpec cue = new InputSpec("cue", 2, new InputSpec.Spikes(cueTimes), false);
        ModelSpec theta = ModelSpec.theta(6 / Math.PI, 1.25);
        return Network.compile(new NetworkSpec("img", new TrialSpec(T, 200, 10, "auto"),
                cueFirst ? List.of(cue, px) : List.of(px, cue),
                List.of(new PopulationSpec("out", 3, theta, Map.of("phase", new ValueSpec.Constant(3)), true, null)),
                List.of(new ProjectionSpec("px", "out", null, new ValueSpec.FanInUniform(0.5, 0.3, 1), true),
                        new ProjectionSpec("cue", "out", null, new ValueSpec.FanInUniform(0.5, 0.3, 2), true)),
                new OutputSpec("out", null, 1), new LossSpec.CrossEntropy(0.01)));
    }

    /** Reference: all groups' spikes in group and channel order, then sorted stably by time. */
    static double[][] reference(double[] image, int bins, boolean cueFirst, double[][] cueTimes) {
        List<double[]> spikes = new ArrayList<>(); // {time, channel}
        int pxOffset = cueFirst ? 2 : 0;
        int cueOffset = cueFirst ? 0 : PIXELS;
        List<double[]> cue = new ArrayList<>();
        for (int c = 0; c < cueTimes.length; c++) {
            for (double t : cueTimes[c]) {
                cue.add(new double[] {t, cueOffset + c});
            }
        }
        List<double[]> px = new ArrayList<>();
        for (int i = 0; i < image.length; i++) {
            double t = time(image[i], bins);
            if (!Double.isNaN(t)) {
                px.add(new double[] {t, pxOffset + i});
            }
        }
        spikes.addAll(cueFirst ? cue : px);
        spikes.addAll(cueFirst ? px : cue);
        spikes.sort(Comparator.comparingDouble(s -> s[0])); // List.sort is stable
        return spikes.toArray(double[][]::new);
    }

    static double[] randomImage(SplittableRandom rng) {
        double[] image = new double[PIXELS];
        double[] special = {0, 127.99, 128, 255, 64, 191.5};
        for (int i = 0; i < PIXELS; i++) {
            image[i] = rng.nextInt(3) == 0 ? special[rng.nextInt(special.length)] : 255 * rng.nextDouble();
        }
        return image;
    }

    static void assertSpikes(double[][] expected, InputSpikes actual, String what) {
        assertEquals(expected.length, actual.size(), what + ": spike count");
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k][0], actual.time(k), 0.0, what + ": time of spike " + k);
            assertEquals((int) expected[k][1], actual.source(k), what + ": channel of spike " + k);
        }
    }

    @Test
    void encodingMatchesTheFormulaInStableTimeOrderForAnyBinsAndGroupOrder() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int bins : new int[] {1, 2, 7, 99}) {
            // cue spikes at a level's exact time tie with pixels of that level
            double[][] cueTimes = {{time(255, bins), 0.5 * T}, {time(130, bins), 0.0}};
            for (boolean cueFirst : new boolean[] {true, false}) {
                Network net = network(bins, cueFirst, cueTimes);
                for (int trial = 0; trial < 20; trial++) {
                    double[] image = randomImage(rng);
                    assertSpikes(reference(image, bins, cueFirst, cueTimes), net.input(trial, image),
                            "bins " + bins + (cueFirst ? ", cue first" : ", image first") + ", trial " + trial);
                }
            }
        }
    }

    @Test
    void intensitiesAtAndNextToEveryLevelBoundaryGetTheFormulasLevel() {
        double[][] noCue = {{}, {}};
        for (int bins : new int[] {1, 2, 3, 7, 99}) {
            Network net = network(bins, false, noCue);
            List<Double> values = new ArrayList<>(List.of(0.0, Double.MIN_VALUE, 1e-300, 255.0));
            for (int level = 1; level <= bins; level++) {
                double boundary = level * 256.0 / (bins + 1);
                values.addAll(List.of(Math.nextDown(boundary), boundary, Math.nextUp(boundary)));
            }
            for (int from = 0; from < values.size(); from += PIXELS) {
                double[] image = new double[PIXELS];
                for (int i = 0; i < PIXELS && from + i < values.size(); i++) {
                    image[i] = values.get(from + i);
                }
                assertSpikes(reference(image, bins, false, noCue), net.input(0, image),
                        "bins " + bins + ", values from " + from);
            }
        }
    }

    @Test
    void aPixelOutsideTheRangeIsNamed() {
        Network net = network(1, false, new double[][] {{}, {}});
        for (double bad : new double[] {-1, 255.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            double[] image = new double[PIXELS];
            image[17] = bad;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.input(0, image));
            assertTrue(e.getMessage().contains("pixel 17") && e.getMessage().contains("[0, 255]"), e.getMessage());
        }
    }
}
