package io.smoothspike.cli;

/** A command line that does not fit the command's options; reported with exit status 2. */
public final class UsageException extends RuntimeException {

    /** A usage error explained by {@code message}. */
    public UsageException(String message) {
        super(message);
    }
}
