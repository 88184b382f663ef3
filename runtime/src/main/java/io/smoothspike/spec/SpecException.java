package io.smoothspike.spec;

/**
 * A network description that cannot be built: names the offending element (a path such as
 * {@code projections[h1->h2].weights}) and what was expected.
 */
public final class SpecException extends IllegalArgumentException {

    private final String path;

    public SpecException(String path, String message) {
        super(path + ": " + message);
        this.path = path;
    }

    /** Where in the description the problem is. */
    public String path() {
        return path;
    }
}
