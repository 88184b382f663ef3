package io.smoothspike.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smoothspike.optim.LearningRateSchedule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schedules chosen in the settings: the schedule a run gets and the keys the settings map (and checkpoints) hold. */
class SchedulePlanTest {

    private static Map<String, Object> scheduleKeys(TrainingSettings s) {
        Map<String, Object> m = new LinkedHashMap<>(s.toMap());
        m.keySet().retainAll(List.of("learning_rate", "schedule", "decay_steps", "decay_factor", "min_learning_rate"));
        return m;
    }

    @Test
    void eachScheduleIsRecordedUnderTheKeysEarlierVersionsWrote() {
        assertEquals(Map.of("learning_rate", 0.1, "schedule", "constant"),
                scheduleKeys(new TrainingSettings().learningRate(0.1)));
        assertEquals(Map.of("learning_rate", 0.1, "schedule", "exponential", "decay_steps", 20.0),
                scheduleKeys(new TrainingSettings().exponentialDecay(20).learningRate(0.1)));
        assertEquals(Map.of("learning_rate", 0.1, "schedule", "step", "decay_steps", 5.0, "decay_factor", 0.5),
                scheduleKeys(new TrainingSettings().learningRate(0.1).stepDecay(0.5, 5)));
        assertEquals(Map.of("learning_rate", 0.1, "schedule", "cosine", "decay_steps", 0.0, "min_learning_rate",
                0.001), scheduleKeys(new TrainingSettings().learningRate(0.1).cosine(0.001)));
        assertEquals(List.of("learning_rate", "schedule", "decay_steps", "decay_factor"),
                List.copyOf(scheduleKeys(new TrainingSettings().stepDecay(0.5, 5)).keySet()), "in this order");
    }

    @Test
    void theRunGetsTheScheduleWithTheBaseRateSetLastAndItsLength() {
        TrainingSettings s = new TrainingSettings().cosine(0.01).learningRate(0.1);
        LearningRateSchedule made = s.schedule.create(s.learningRate, 100);
        LearningRateSchedule expected = LearningRateSchedule.cosine(0.1, 100, 0.01);
        for (long step : new long[] {0, 37, 100, 150}) {
            assertEquals(expected.rate(step), made.rate(step), 0.0, "step " + step);
        }
        LearningRateSchedule step = new TrainingSettings().stepDecay(0.5, 3).learningRate(2).schedule.create(2, 9);
        assertEquals(0.5, step.rate(6), 0.0);
    }
}
