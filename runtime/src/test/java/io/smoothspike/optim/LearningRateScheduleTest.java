package io.smoothspike.optim;

import static io.smoothspike.optim.SgdTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void constant() {
        LearningRateSchedule s = LearningRateSchedule.constant(0.01);
        assertEquals(0.01, s.rate(0));
        assertEquals(0.01, s.rate(1_000_000_000_000L));
        assertEquals("constant(lr=0.01)", s.describe());
    }

    @Test
    void exponentialDecayLosesAFactorEPerPeriod() {
        LearningRateSchedule s = LearningRateSchedule.exponentialDecay(0.1, 1000);
        assertEquals(0.1, s.rate(0));
        Close.rel(0.1 / Math.E, s.rate(1000), "one period");
        Close.rel(0.1 / (Math.E * Math.E), s.rate(2000), "two periods");
        Close.rel(0.1 / Math.sqrt(Math.E), s.rate(500), "half a period");
        Close.rel(0.1 / Math.E, LearningRateSchedule.exponentialDecay(0.1, 2.5).rate(2) * Math.exp(-0.2),
                "non-integer period: exp(-2/2.5) · exp(-0.2) = 1/e");
        assertEquals("exponentialDecay(lr=0.1, stepsPerE=1000.0)", s.describe());
        assertEquals(s.describe(), s.toString());
    }

    @Test
    void stepDecayIsPiecewiseConstant() {
        LearningRateSchedule s = LearningRateSchedule.stepDecay(0.1, 0.5, 10);
        assertEquals(0.1, s.rate(0));
        assertEquals(0.1, s.rate(9));
        assertEquals(0.05, s.rate(10));
        assertEquals(0.05, s.rate(19));
        assertEquals(0.025, s.rate(25));
        Close.rel(0.1 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5, s.rate(50), "five decays");
        Close.rel(0.3 * 0.1 * 0.1, LearningRateSchedule.stepDecay(0.3, 0.1, 3).rate(8), "factor 0.1, 2 decays");
        assertEquals("stepDecay(lr=0.1, factor=0.5, everySteps=10)", s.describe());
    }

    @Test
    void cosineAnnealsToMinimumAndStays() {
        LearningRateSchedule s = LearningRateSchedule.cosine(0.1, 100, 0.001);
        Close.rel(0.1, s.rate(0), "start");
        // half-way: minLr + (lr - minLr)/2 = 0.001 + 0.0495
        Close.rel(0.0505, s.rate(50), "half-way");
        // a quarter: cos(π/4) = √2/2
        Close.rel(0.001 + 0.099 * (1 + Math.sqrt(2) / 2) / 2, s.rate(25), "quarter");
        Close.rel(0.001 + 0.099 * (1 - Math.sqrt(2) / 2) / 2, s.rate(75), "three quarters");
        assertEquals(0.001, s.rate(100));
        assertEquals(0.001, s.rate(10_000));
        assertEquals(0.0, LearningRateSchedule.cosine(0.2, 10, 0.0).rate(10));
        assertEquals("cosine(lr=0.1, totalSteps=100, minLr=0.001)", s.describe());
    }

    @Test
    void validatesArguments() {
        assertMessage(() -> LearningRateSchedule.constant(-0.1), "constant", "lr", "-0.1");
        assertMessage(() -> LearningRateSchedule.constant(Double.NaN), "lr", "NaN");
        assertMessage(() -> LearningRateSchedule.exponentialDecay(0.1, 0), "exponentialDecay", "stepsPerE", "0.0");
        assertMessage(() -> LearningRateSchedule.stepDecay(0.1, 0.0, 10), "stepDecay", "factor", "0.0");
        assertMessage(() -> LearningRateSchedule.stepDecay(0.1, 0.5, 0), "stepDecay", "everySteps", "0");
        assertMessage(() -> LearningRateSchedule.cosine(0.1, 0, 0.0), "cosine", "totalSteps", "0");
        assertMessage(() -> LearningRateSchedule.cosine(0.1, 10, 0.2), "cosine", "minLr", "0.2", "0.1");
        assertMessage(() -> LearningRateSchedule.constant(0.1).rate(-1), "step", "-1");
        assertMessage(() -> LearningRateSchedule.cosine(0.1, 10, 0.0).rate(-3), "step", "-3");
    }
}
