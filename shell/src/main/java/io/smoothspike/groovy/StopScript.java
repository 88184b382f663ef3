package io.smoothspike.groovy;

/** Ends a script early once what the caller needs (its first network) is defined. */
final class StopScript extends RuntimeException {

    StopScript() {
        super("stopped after the first network", null, false, false);
    }
}
