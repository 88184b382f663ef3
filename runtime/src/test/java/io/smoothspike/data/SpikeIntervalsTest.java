package io.smoothspike.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpikeIntervalsTest {

    private static final SpikeIntervals.Settings WITH_DISTRACTORS = new SpikeIntervals.Settings(3, 2.5, 1.5, 5.0,
            0.3, 2);

    @Test
    void theSameSeedGivesTheSameTrialsBitForBit() {
        for (SpikeIntervals.Settings s : new SpikeIntervals.Settings[] {SpikeIntervals.Settings.DEFAULT,
                WITH_DISTRACTORS}) {
            SpikeIntervals a = SpikeIntervals.generate(s, 11, 300);
            SpikeIntervals b = SpikeIntervals.generate(s, 11, 300);
            SpikeIntervals other = SpikeIntervals.generate(s, 12, 300);
            boolean differs = false;
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.label(i), b.label(i));
                for (int c = 0; c < s.channels(); c++) {
                    assertArrayEquals(a.times(i)[c], b.times(i)[c], 0.0, "trial " + i + ", channel " + c);
                }
                differs |= !Arrays.deepEquals(a.times(i), other.times(i));
            }
            assertTrue(differs, "another seed gives other trials");
        }
    }

    @Test
    void trialsFollowTheDocumentedDrawsInOrder() {
        SpikeIntervals.Settings s = WITH_DISTRACTORS;
        SpikeIntervals data = SpikeIntervals.generate(s, 5, 7);
        LegacyNumpyRandom r = new LegacyNumpyRandom(5);
        double j = s.jitter();
        for (int i = 0; i < data.size(); i++) {
            double onset = j + s.onsetSpread() * r.rand();
            double a = onset + j * (2 * r.rand() - 1);
            double b = onset + s.gap(i % 3) + j * (2 * r.rand() - 1);
            double d1 = s.latest() * r.rand();
            double d2 = s.latest() * r.rand();
            assertArrayEquals(new double[][] {{a}, {b}, {d1}, {d2}}, data.times(i), "trial " + i);
        }
    }

    @Test
    void classesAreBalancedAndChanceIsOneOverK() {
        for (SpikeIntervals.Split split : SpikeIntervals.Split.values()) {
            SpikeIntervals data = SpikeIntervals.split(SpikeIntervals.Settings.DEFAULT, split);
            assertEquals(split.size(), data.size());
            int[] counts = new int[4];
            for (int i = 0; i < data.size(); i++) {
                counts[data.label(i)]++;
            }
            int[] expected = new int[4];
            Arrays.fill(expected, split.size() / 4);
            assertArrayEquals(expected, counts, split.label());
        }
    }

    @Test
    void theTimingRuleHoldsInEveryTrial() {
        for (SpikeIntervals.Settings s : new SpikeIntervals.Settings[] {SpikeIntervals.Settings.DEFAULT,
                WITH_DISTRACTORS}) {
            SpikeIntervals data = SpikeIntervals.generate(s, 3, 3000);
            double[] earliestA = new double[s.classes()];
            Arrays.fill(earliestA, Double.POSITIVE_INFINITY);
            for (int i = 0; i < data.size(); i++) {
                int k = data.label(i);
                double[][] t = data.times(i);
                assertEquals(s.channels(), t.length);
                for (double[] channel : t) {
                    assertEquals(1, channel.length, "one spike per channel");
                    assertTrue(channel[0] >= 0 && channel[0] <= s.latest(), "trial " + i + ": " + channel[0]);
                }
                assertTrue(t[0][0] <= s.onsetSpread() + 2 * s.jitter(), "A spikes within the onset spread");
                assertTrue(Math.abs(data.interval(i) - s.gap(k)) <= 2 * s.jitter(), "trial " + i);
                assertEquals(k, s.classOf(data.interval(i)), "the nearest gap is the class, trial " + i);
                earliestA[k] = Math.min(earliestA[k], t[0][0]);
            }
            for (double e : earliestA) {
                assertTrue(e < 0.05 * s.onsetSpread(), "every class has onsets near 0: " + e);
            }
        }
    }

    @Test
    void theSourceHoldsTheTrials() {
        SpikeIntervals data = SpikeIntervals.split(SpikeIntervals.Settings.DEFAULT, SpikeIntervals.Split.VALIDATION);
        DataSource source = data.source();
        assertEquals(data.size(), source.size());
        assertEquals(data.label(9), source.label(9));
        assertTrue(Arrays.deepEquals(data.times(9), source.inputTimes(9)));
        assertFalse(source.hasTargetTimes());
    }

    @Test
    void settingsThatBlurTheClassesAreRefusedWithTheReason() {
        String[][] cases = {
            {"1", "4", "2", "8", "0.2", "0", "classes 1; give at least 2"},
            {"4", "0", "2", "8", "0.2", "0", "must be finite and > 0"},
            {"4", "4", "2", "-1", "0.2", "0", "must be finite and >= 0"},
            {"4", "4", "2", "8", "0.5", "0", "keep 4 * jitter < gapStep"},
            {"4", "4", "2", "8", "0.2", "-1", "distractors -1"}};
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new SpikeIntervals.Settings(Integer.parseInt(c[0]), Double.parseDouble(c[1]),
                            Double.parseDouble(c[2]), Double.parseDouble(c[3]), Double.parseDouble(c[4]),
                            Integer.parseInt(c[5])));
            assertTrue(e.getMessage().contains(c[6]), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> SpikeIntervals.Split.named("dev"));
        assertThrows(IllegalArgumentException.class, () -> SpikeIntervals.generate(null, 1, 1));
    }
}
