package io.smoothspike.optim;

/** The built-in {@link LearningRateSchedule} implementations. */
final class Schedules {

    private Schedules() {}

    static void checkStep(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("learning rate schedule step must be >= 0, got " + step);
        }
    }

    record Constant(double lr) implements LearningRateSchedule {
        Constant {
            Checks.nonNegative("constant schedule", "lr", lr);
        }

        @Override
        public double rate(long step) {
            checkStep(step);
            return lr;
        }

        @Override
        public String toString() {
            return "constant(lr=" + lr + ")";
        }
    }

    record ExponentialDecay(double lr, double stepsPerE) implements LearningRateSchedule {
        ExponentialDecay {
            Checks.nonNegative("exponentialDecay schedule", "lr", lr);
            Checks.positive("exponentialDecay schedule", "stepsPerE", stepsPerE);
        }

        @Override
        public double rate(long step) {
            checkStep(step);
            return lr * StrictMath.exp(-(step / stepsPerE));
        }

        @Override
        public String toString() {
            return "exponentialDecay(lr=" + lr + ", stepsPerE=" + stepsPerE + ")";
        }
    }

    record StepDecay(double lr, double factor, long everySteps) implements LearningRateSchedule {
        StepDecay {
            Checks.nonNegative("stepDecay schedule", "lr", lr);
            Checks.positive("stepDecay schedule", "factor", factor);
            Checks.steps("stepDecay schedule", "everySteps", everySteps);
        }

        @Override
        public double rate(long step) {
            checkStep(step);
            return lr * StrictMath.pow(factor, step / everySteps);
        }

        @Override
        public String toString() {
            return "stepDecay(lr=" + lr + ", factor=" + factor + ", everySteps=" + everySteps + ")";
        }
    }

    record Cosine(double lr, long totalSteps, double minLr) implements LearningRateSchedule {
        Cosine {
            Checks.nonNegative("cosine schedule", "lr", lr);
            Checks.nonNegative("cosine schedule", "minLr", minLr);
            Checks.steps("cosine schedule", "totalSteps", totalSteps);
            if (minLr > lr) {
                throw new IllegalArgumentException(
                        "cosine schedule: minLr must be <= lr, got minLr=" + minLr + ", lr=" + lr);
            }
        }

        @Override
        public double rate(long step) {
            checkStep(step);
            double angle = Math.PI * Math.min(step, totalSteps) / totalSteps;
            return minLr + (lr - minLr) * (1 + StrictMath.cos(angle)) / 2;
        }

        @Override
        public String toString() {
            return "cosine(lr=" + lr + ", totalSteps=" + totalSteps + ", minLr=" + minLr + ")";
        }
    }
}
