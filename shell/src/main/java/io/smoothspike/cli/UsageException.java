package io.smoothspike.cli;

/** A command line that does not fit the command's options; reported with exit status 2. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
