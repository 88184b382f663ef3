package io.smoothspike.train;

/** Training stopped: a diverging loss or gradient, a spike-cap hit, or a checkpoint that does not fit. */
public final class TrainingException extends RuntimeException {

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
