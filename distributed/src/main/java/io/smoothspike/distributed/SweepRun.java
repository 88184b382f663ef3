package io.smoothspike.distributed;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a sweep: its folder name inside the sweep folder ({@code seed=1,lr=1e-3}), the values of the varied
 * parameters, and every {@code -P} parameter the run gets (the varied and the fixed ones).
 */
public record SweepRun(String folder, Map<String, String> varied, Map<String, String> parameters)
        implements Serializable {

    /** Copies the maps, keeping their order (and a serializable implementation, for Spark). */
    public SweepRun {
        varied = new LinkedHashMap<>(varied);
        parameters = new LinkedHashMap<>(parameters);
    }
}
