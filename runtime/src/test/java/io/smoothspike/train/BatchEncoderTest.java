package io.smoothspike.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.data.LabeledImages;
import io.smoothspike.loss.TrialTargets;
import io.smoothspike.network.Network;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Batch encoding: the same trials for any thread count, each image augmented with its own stream. */
class BatchEncoderTest {

    static final LabeledImages IMAGES = TrainerTest.images(50, 4);
    static final Augmentation FLIP = Augmentation.pixelFlip(0.3);

    /** TrainerTest's images with Poisson noise on 3 more channels, drawn anew in every trial. */
    static Network network() {
        ModelSpec theta = ModelSpec.theta(6 / Math.PI, 1.25);
        return Network.compile(new NetworkSpec("noisy", new TrialSpec(2, 200, 10, "auto"),
                List.of(new InputSpec("px", 16, new InputSpec.Image(1), false),
                        new InputSpec("noise", 3, new InputSpec.Poisson(2, 0, 2, 5, true), false)),
                List.of(new PopulationSpec("out", 3, theta, Map.of("phase", new ValueSpec.Constant(3)), true, null)),
                List.of(new ProjectionSpec("px", "out", null, new ValueSpec.FanInUniform(0.5, 0.3, 1), true),
                        new ProjectionSpec("noise", "out", null, new ValueSpec.FanInUniform(0.5, 0.3, 2), true)),
                new OutputSpec("out", null, 1), new LossSpec.CrossEntropy(0.01)));
    }

    /** Trials 3 … 42 of a step; trial k shows image 7k mod 50. */
    static BatchEncoder.Batch encode(Network net, int threads, long step) {
        return new BatchEncoder(net, IMAGES, FLIP, 11, threads).encode(k -> 7 * k % 50, 3, 43, step);
    }

    static boolean same(InputSpikes a, InputSpikes b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int k = 0; k < a.size(); k++) {
            if (a.time(k) != b.time(k) || a.source(k) != b.source(k)) {
                return false;
            }
        }
        return true;
    }

    static void assertSameBatch(BatchEncoder.Batch expected, BatchEncoder.Batch actual, String what) {
        assertArrayEquals(expected.labels(), actual.labels(), what);
        assertEquals(expected.inputs().size(), actual.inputs().size(), what);
        for (int j = 0; j < expected.inputs().size(); j++) {
            assertTrue(same(expected.inputs().get(j), actual.inputs().get(j)), what + ": trial " + j);
        }
    }

    @Test
    void matchesASequentialEncodingOnAnyNumberOfThreads() {
        Network net = network();
        List<InputSpikes> reference = new ArrayList<>();
        int[] labels = new int[40];
        for (int j = 0; j < 40; j++) {
            double[] pixels = IMAGES.pixels(7 * (3 + j) % 50);
            FLIP.apply(pixels, Augmentation.random(11, 5, j));
            reference.add(net.input(3 + j, pixels));
            labels[j] = IMAGES.label(7 * (3 + j) % 50);
        }
        for (int threads : new int[] {1, 2, 3}) {
            assertSameBatch(new BatchEncoder.Batch(reference, TrialTargets.ofLabels(labels)), encode(net, threads, 5),
                    threads + " threads");
        }
    }

    @Test
    void theAugmentationChangesFromStepToStep() {
        Network net = network();
        BatchEncoder.Batch a = encode(net, 2, 5);
        BatchEncoder.Batch b = encode(net, 2, 6);
        int differing = 0;
        for (int j = 0; j < a.inputs().size(); j++) {
            differing += same(a.inputs().get(j), b.inputs().get(j)) ? 0 : 1;
        }
        assertTrue(differing >= 30, "most images are flipped differently in the next step: " + differing + " of 40");
    }

    @Test
    void imagesCopyIntoAReusedBuffer() {
        double[] buffer = new double[IMAGES.pixels(0).length];
        for (int i : new int[] {3, 17, 3}) {
            assertSame(buffer, IMAGES.pixels(i, buffer));
            assertArrayEquals(IMAGES.pixels(i), buffer, 0.0, "image " + i);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IMAGES.pixels(0, new double[buffer.length - 1]));
        assertTrue(e.getMessage().contains("at least " + buffer.length), e.getMessage());
    }

    @Test
    void aBackgroundEncodingGivesTheSameBatchAndRethrowsItsErrorsAsTheyAre() {
        Network net = network();
        BatchEncoder encoder = new BatchEncoder(net, IMAGES, FLIP, 11, 2);
        assertSameBatch(encode(net, 1, 5), BatchEncoder.await(encoder.encodeAsync(k -> 7 * k % 50, 3, 43, 5)),
                "background");
        LabeledImages broken = new LabeledImages() {
            @Override
            public int size() {
                return 1;
            }

            @Override
            public double[] pixels(int i) {
                double[] px = IMAGES.pixels(0);
                px[5] = 300;
                return px;
            }

            @Override
            public int label(int i) {
                return 0;
            }
        };
        var future = new BatchEncoder(net, broken, null, 1, 2).encodeAsync(k -> 0, 0, 1, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BatchEncoder.await(future));
        assertTrue(e.getMessage().contains("pixel 5 has intensity 300"), e.getMessage());
    }
}
