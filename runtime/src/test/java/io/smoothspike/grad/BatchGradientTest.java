package io.smoothspike.grad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.smoothspike.loss.Loss;
import io.smoothspike.sim.TrialGradient;
import org.junit.jupiter.api.Test;

/** The parallel sum of the chunk gradients equals the documented sequential sum bit for bit. */
class BatchGradientTest {

    @Test
    void chunkSumsAreAddedInChunkOrderEntryByEntry() {
        Task task = TestTasks.mnistLike(TestTasks.ACTIVE_BIAS, 45, 3);
        int n = task.inputs().size();
        int[] ids = java.util.stream.IntStream.range(0, n).toArray();
        // reference: each chunk sums its trials in order, then the chunk sums are added in chunk order
        TrialEvaluator ev = new TrialEvaluator(task.graph(), task.trial(), task.readout());
        ev.setInputTimeGradients(false);
        TrialGradient expected = new TrialGradient(task.graph());
        TrialGradient chunk = new TrialGradient(task.graph());
        // 32 chunks: 24 of weight 2, then 8 of weight 1, cut at ⌊n · (weight so far) / 56⌋
        int[] bounds = new int[BatchGradient.CHUNKS + 1];
        for (int c = 0, weight = 0; c < BatchGradient.CHUNKS; c++) {
            weight += c < 24 ? 2 : 1;
            bounds[c + 1] = weight * n / 56;
        }
        for (int c = 0; c < BatchGradient.CHUNKS; c++) {
            chunk.clear();
            for (int k = bounds[c]; k < bounds[c + 1]; k++) {
                ev.accumulate(task.inputs().get(k), k, task.loss(), chunk);
            }
            expected.add(chunk, 1.0 / n);
        }
        for (int threads : new int[] {1, 2}) {
            try (BatchGradient batch = new BatchGradient(task.graph(), task.trial(), task.readout(), threads)) {
                // twice with one evaluator: the chunk sums must start from zero again
                for (int call = 1; call <= 2; call++) {
                    TrialGradient actual = new TrialGradient(task.graph());
                    batch.lossAndGradient(task.inputs(), ids, task.loss(), actual);
                    assertGradientBits(task, expected, actual, threads + " threads, call " + call);
                }
            }
        }
    }

    @Test
    void chunksSummedApartAndAddedInChunkOrderGiveTheBatchGradient() {
        Task task = TestTasks.mnistLike(TestTasks.ACTIVE_BIAS, 45, 3);
        int n = task.inputs().size();
        int[] ids = java.util.stream.IntStream.range(0, n).toArray();
        TrialGradient expected = new TrialGradient(task.graph());
        double expectedLoss;
        try (BatchGradient batch = new BatchGradient(task.graph(), task.trial(), task.readout(), 2)) {
            expectedLoss = batch.lossAndGradient(task.inputs(), ids, task.loss(), expected);
        }
        // as a cluster would: each chunk on an evaluator of its own, sent as a flat array, added in chunk order
        int chunks = BatchGradient.chunkCount(n);
        TrialGradient mean = new TrialGradient(task.graph());
        TrialGradient received = new TrialGradient(task.graph());
        double[][] sums = new double[chunks][];
        double[] losses = new double[chunks];
        double loss = 0;
        for (int c = chunks - 1; c >= 0; c--) { // computed in any order ...
            TrialGradient acc = new TrialGradient(task.graph());
            TrialEvaluator ev = BatchGradient.chunkEvaluator(task.graph(), task.trial(), task.readout());
            double chunkLoss = BatchGradient.sumChunk(ev, task.inputs(), ids, task.loss(),
                    BatchGradient.chunkStart(c, chunks, n), BatchGradient.chunkStart(c + 1, chunks, n), acc,
                    () -> false);
            sums[c] = acc.toArray();
            losses[c] = chunkLoss;
        }
        for (int c = 0; c < chunks; c++) { // ... added in chunk order
            received.set(sums[c]);
            mean.add(received, 1.0 / n);
            loss += losses[c];
        }
        assertGradientBits(task, expected, mean, "chunks summed apart");
        assertEquals(Double.doubleToRawLongBits(expectedLoss), Double.doubleToRawLongBits(loss / n), "loss");
    }

    @Test
    void aBatchThatFailsLeavesNothingBehindForTheNext() {
        Task task = TestTasks.mnistLike(TestTasks.ACTIVE_BIAS, 45, 3);
        int n = task.inputs().size();
        int[] ids = java.util.stream.IntStream.range(0, n).toArray();
        Loss failing = (sample, times, grad) -> {
            if (sample == n / 2) {
                throw new IllegalStateException("trial " + sample + " fails");
            }
            return task.loss().evaluate(sample, times, grad);
        };
        TrialGradient expected = new TrialGradient(task.graph());
        try (BatchGradient fresh = new BatchGradient(task.graph(), task.trial(), task.readout(), 1)) {
            fresh.lossAndGradient(task.inputs(), ids, task.loss(), expected);
        }
        for (int threads : new int[] {1, 2}) {
            try (BatchGradient batch = new BatchGradient(task.graph(), task.trial(), task.readout(), threads)) {
                TrialGradient ignored = new TrialGradient(task.graph());
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> batch.lossAndGradient(task.inputs(), ids, failing, ignored));
                assertEquals("trial " + n / 2 + " fails", e.getMessage(), "the trial's own error, as it is");
                TrialGradient actual = new TrialGradient(task.graph());
                batch.lossAndGradient(task.inputs(), ids, task.loss(), actual);
                assertGradientBits(task, expected, actual, threads + " threads, after a failed batch");
            }
        }
    }

    @Test
    void chunksCoverTheBatchInOrderWithTheLastQuarterHalfAsLarge() {
        for (int n : new int[] {1, 5, 32, 45, 1000, 60000}) {
            int chunks = Math.min(BatchGradient.CHUNKS, n);
            assertEquals(0, BatchGradient.chunkStart(0, chunks, n), "n = " + n);
            assertEquals(n, BatchGradient.chunkStart(chunks, chunks, n), "n = " + n);
            for (int c = 0; c < chunks; c++) {
                int size = BatchGradient.chunkStart(c + 1, chunks, n) - BatchGradient.chunkStart(c, chunks, n);
                assertTrue(size >= 0, "n = " + n + ", chunk " + c);
            }
        }
        int first = BatchGradient.chunkStart(1, 32, 1000);
        int last = 1000 - BatchGradient.chunkStart(31, 32, 1000);
        assertEquals(35, first);
        assertEquals(18, last);
    }

    private static void assertGradientBits(Task task, TrialGradient expected, TrialGradient actual, String what) {
        for (int j = 0; j < task.graph().projections().size(); j++) {
            assertBits(expected.weights(j), actual.weights(j), what + ", projection " + j);
        }
        for (int p = 0; p < task.graph().populations().size(); p++) {
            assertBits(expected.initialState(p), actual.initialState(p), what + ", states " + p);
            assertBits(expected.constants(p), actual.constants(p), what + ", constants " + p);
        }
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int k = 0; k < expected.length; k++) {
            if (Double.doubleToRawLongBits(expected[k]) != Double.doubleToRawLongBits(actual[k])) {
                fail(what + ": entry " + k + " is " + actual[k] + ", expected " + expected[k]);
            }
        }
    }
}
