package io.smoothspike.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.model.NeuronModels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link CurrentLif#TYPE}: one registration makes the model known by name with its constants and coordinates. */
class CurrentLifTypeTest {

    @Test
    void registersByNameWithDefaultsAndRanges() {
        NeuronModels.register(CurrentLif.TYPE);
        assertEquals(CurrentLif.TYPE, NeuronModels.get("current-lif"));
        assertEquals(new CurrentLif(0.5, 2), CurrentLif.TYPE.create(Map.of("tauSyn", 0.5, "threshold", 2.0)));
        assertEquals(new CurrentLif(1, 1), CurrentLif.TYPE.create(Map.of()));
        assertEquals(List.of("tauSyn", "threshold"), CurrentLif.TYPE.trainableConstants());
        assertEquals(List.of("V", "I"), CurrentLif.TYPE.coordinates().names());
        assertArrayEquals(new double[] {0.3, 0.7},
                CurrentLif.TYPE.coordinates().toState(new CurrentLif(1, 1), new Double[] {0.3, 0.7}), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CurrentLif.TYPE.create(Map.of("tauSyn", 0.0)));
        assertTrue(e.getMessage().contains("the current-lif model's constants: tauSyn > 0 (default 1.0), "
                + "threshold > 0 (default 1.0)"), e.getMessage());
    }
}
