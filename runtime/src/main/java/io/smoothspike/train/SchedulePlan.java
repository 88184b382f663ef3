package io.smoothspike.train;

import io.smoothspike.optim.LearningRateSchedule;
import java.util.Map;

/**
 * The learning-rate schedule {@link TrainingSettings} holds: made into a {@link LearningRateSchedule} once the run's
 * base rate and length are known, and recorded in the settings map under {@code "schedule"} and its own keys.
 */
sealed interface SchedulePlan {

    /** The schedule's name in the settings map. */
    String name();

    /** The schedule of a run with base rate {@code learningRate} and {@code totalSteps} optimizer steps. */
    LearningRateSchedule create(double learningRate, long totalSteps);

    /** Adds the schedule's parameters to the settings map (after {@code "schedule"}). */
    void record(Map<String, Object> settings);

    /** The base rate throughout. */
    record Constant() implements SchedulePlan {
        public String name() {
            return "constant";
        }

        public LearningRateSchedule create(double learningRate, long totalSteps) {
            return LearningRateSchedule.constant(learningRate);
        }

        public void record(Map<String, Object> settings) {
        }
    }

    /** Decay by 1/e every {@code steps} optimizer steps, continuously. */
    record Exponential(double steps) implements SchedulePlan {
        public String name() {
            return "exponential";
        }

        public LearningRateSchedule create(double learningRate, long totalSteps) {
            return LearningRateSchedule.exponentialDecay(learningRate, steps);
        }

        public void record(Map<String, Object> settings) {
            settings.put("decay_steps", steps);
        }
    }

    /** The rate multiplied by {@code factor} every {@code steps} steps. */
    record Step(double factor, double steps) implements SchedulePlan {
        public String name() {
            return "step";
        }

        public LearningRateSchedule create(double learningRate, long totalSteps) {
            return LearningRateSchedule.stepDecay(learningRate, factor, (long) steps);
        }

        public void record(Map<String, Object> settings) {
            settings.put("decay_steps", steps);
            settings.put("decay_factor", factor);
        }
    }

    /** Cosine decay to {@code minLearningRate} over the whole run. */
    record Cosine(double minLearningRate) implements SchedulePlan {
        public String name() {
            return "cosine";
        }

        public LearningRateSchedule create(double learningRate, long totalSteps) {
            return LearningRateSchedule.cosine(learningRate, totalSteps, minLearningRate);
        }

        public void record(Map<String, Object> settings) {
            settings.put("decay_steps", 0.0); // recorded by earlier versions: checkpoints written by them still fit
            settings.put("min_learning_rate", minLearningRate);
        }
    }
}
