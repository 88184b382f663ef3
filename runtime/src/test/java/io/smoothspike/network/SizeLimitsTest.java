package io.smoothspike.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.smoothspike.spec.ConnectivitySpec;
import io.smoothspike.spec.InputSpec;
import io.smoothspike.spec.NetworkSpec;
import io.smoothspike.spec.ProjectionSpec;
import io.smoothspike.spec.SpecException;
import io.smoothspike.spec.ValueSpec;
import org.junit.jupiter.api.Test;

/** Populations and projections that could not be allocated are refused before allocation, with what they need. */
class SizeLimitsTest {

    private static final long GIB = 1L << 30;

    @Test
    void aPopulationOverTheBudgetIsRefusedWithTheMemoryItNeeds() {
        MemoryBudget budget = new MemoryBudget(GIB);
        SpecException e = assertThrows(SpecException.class, () -> budget.population("populations[h]", 100_000_000, 2));
        assertEquals("populations[h]", e.path());
        assertEquals("populations[h]: 1e8 neurons need 4.5 GiB to build; this JVM may use at most 1.0 GiB. Make the "
                + "network smaller, or give Java more memory with -Xmx (for ./smoothspike: "
                + "SMOOTHSPIKE_JAVA_OPTS=-Xmx<size>)", e.getMessage());
    }

    @Test
    void theBudgetCountsTheWholeNetwork() {
        MemoryBudget budget = new MemoryBudget(GIB);
        budget.population("populations[a]", 10_000_000, 2); // 458 MiB
        budget.projection("projections[in->a]", "all-to-all", 1000, 10_000); // 229 MiB
        SpecException e = assertThrows(SpecException.class,
                () -> budget.projection("projections[a->b]", "random", 4000, 5000));
        assertTrue(e.getMessage().startsWith("projections[a->b]: random 4000 x 5000: 2e7 weights need 457.8 MiB to "
                + "build (1.1 GiB with the rest of the network); this JVM may use at most 1.0 GiB"), e.getMessage());
    }

    @Test
    void moreEntriesThanOneArrayHoldsAreRefusedWhateverTheMemory() {
        MemoryBudget budget = new MemoryBudget(Long.MAX_VALUE);
        SpecException e = assertThrows(SpecException.class,
                () -> budget.projection("projections[in->h]", "all-to-all", 70_000, 70_000));
        assertEquals("projections[in->h]: all-to-all 70000 x 70000: 4.9e9 weights (109.5 GiB to build) are more than "
                + "one projection can hold (2147483639); more memory would not help: make the populations smaller or "
                + "split the projection", e.getMessage());
        SpecException p = assertThrows(SpecException.class,
                () -> budget.population("populations[h]", 2_000_000_000, 2));
        assertTrue(p.getMessage().contains("2000000000 neurons with 2 state coordinates each are 4e9 numbers (89.4 GiB "
                + "to build), more than one Java array holds"), p.getMessage());
    }

    @Test
    void countsAndBytesReadNaturally() {
        assertEquals("999999", MemoryBudget.count(999_999));
        assertEquals("4.9e9", MemoryBudget.count(4_900_000_000L));
        assertEquals("1e9", MemoryBudget.count(999_999_999));
        assertEquals("512 bytes", MemoryBudget.bytes(512));
        assertEquals("36.5 GiB", MemoryBudget.bytes(4_900_000_000L * 8));
    }

    @Test
    void aHugeAllToAllProjectionIsRefusedAtCompileBeforeAllocation() {
        MalformedDescriptionTest.Base b = new MalformedDescriptionTest.Base();
        b.inputs.set(0, MalformedDescriptionTest.input("in", 70_000, new InputSpec.External(), false));
        b.size("h", 70_000);
        NetworkSpec spec = b.build();
        SpecException e = assertThrows(SpecException.class, () -> Network.compile(spec));
        assertEquals("projections[in->h]", e.path());
        assertTrue(e.getMessage().contains("4.9e9 weights"), e.getMessage());
    }

    @Test
    void aPopulationOfABillionIsRefusedAtCompileWithTheMemoryItNeeds() {
        assumeTrue(Runtime.getRuntime().maxMemory() < 44 * GIB, "a JVM this large might hold it");
        MalformedDescriptionTest.Base b = new MalformedDescriptionTest.Base();
        b.size("h", 1_000_000_000);
        SpecException e = assertThrows(SpecException.class, () -> Network.compile(b.build()));
        assertEquals("populations[h]", e.path());
        assertTrue(e.getMessage().contains("1e9 neurons need 44.7 GiB to build; this JVM may use at most"),
                e.getMessage());
    }

    @Test
    void inputGroupsWithMoreChannelsThanAnArrayHoldsAreRefused() {
        MalformedDescriptionTest.Base b = new MalformedDescriptionTest.Base();
        b.inputs.set(0, MalformedDescriptionTest.input("in", 2_000_000_000, new InputSpec.External(), false));
        b.inputs.add(MalformedDescriptionTest.input("more", 2_000_000_000, new InputSpec.External(), false));
        SpecException e = assertThrows(SpecException.class, () -> Network.compile(b.build()));
        assertEquals("inputs[more]", e.path());
        assertTrue(e.getMessage().contains("4000000000 channels in all"), e.getMessage());
    }

    @Test
    void aProjectionFromOneOfSeveralInputGroupsCountsEveryChannelRow() {
        MalformedDescriptionTest.Base b = new MalformedDescriptionTest.Base();
        b.inputs.add(MalformedDescriptionTest.input("wide", 100_000, new InputSpec.External(), false));
        b.size("h", 50_000);
        b.projections.set(0, new ProjectionSpec("in", "h", new ConnectivitySpec.AllToAll(true),
                new ValueSpec.Constant(1.5), true));
        SpecException e = assertThrows(SpecException.class, () -> Network.compile(b.build()));
        assertTrue(e.getMessage().contains("100003 x 50000"), e.getMessage());
    }
}
