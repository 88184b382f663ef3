package io.smoothspike.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.spec.SpecException;
import org.junit.jupiter.api.Test;

/** Counts the Java DSL cannot type-check, and sizes that cannot fit, are refused with the element they concern. */
class DslLimitsTest {

    @Test
    void sizesMustBePositive() {
        IllegalArgumentException in = assertThrows(IllegalArgumentException.class,
                () -> Snn.network("x").trial(1).input("in", 0));
        assertEquals("size of input 'in' must be a positive integer, got 0", in.getMessage());
        IllegalArgumentException pop = assertThrows(IllegalArgumentException.class,
                () -> Snn.network("x").trial(1).population("h", -3, Snn.qif(1)));
        assertEquals("size of population 'h' must be a positive integer, got -3", pop.getMessage());
    }

    @Test
    void anAllToAllProjectionTooLargeForMemoryIsRefusedBeforeBuilding() {
        NetworkBuilder net = Snn.network("big").trial(1)
                .input("in", 70_000).external()
                .population("h", 70_000, Snn.qif(1))
                .connect("in", "h").weights(Snn.constant(0.1))
                .and();
        SpecException e = assertThrows(SpecException.class, net::compile);
        assertEquals("projections[in->h]", e.path());
        assertTrue(e.getMessage().contains("all-to-all 70000 x 70000: 4.9e9 weights"), e.getMessage());
    }

    @Test
    void aPopulationTooLargeForOneArrayIsRefusedBeforeBuilding() {
        NetworkBuilder net = Snn.network("big").trial(1).input("in", 1).external()
                .population("h", Integer.MAX_VALUE, Snn.theta(1, 1)).and();
        SpecException e = assertThrows(SpecException.class, net::compile);
        assertEquals("populations[h]", e.path());
    }
}
