package io.smoothspike.spec;

import java.util.List;

/**
 * The complete, serialisable description of a network and its task: trial settings, input groups, populations,
 * projections, read-out and loss. Immutable; {@link io.smoothspike.network.Network#compile} validates it and
 * turns it into a runnable network. Its JSON form is Jackson's rendering of these records.
 */
public record NetworkSpec(String name, TrialSpec trial, List<InputSpec> inputs, List<PopulationSpec> populations,
        List<ProjectionSpec> projections, OutputSpec output, LossSpec loss) {

    public NetworkSpec {
        inputs = copy(inputs);
        populations = copy(populations);
        projections = copy(projections);
    }

    /** An unmodifiable copy that keeps null entries, so that the compiler can name them. */
    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }
}
