package io.smoothspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code sweep} lives in the distributed module; without it on the class path the CLI says how to get it. */
class SweepWithoutSparkTest {

    @Test
    void sweepWithoutTheDistributedModuleNamesTheFix() {
        Cli c = Cli.run("sweep", "scripts/rnn.groovy", "-Pseed=1,2", "--out", "x");
        assertEquals(1, c.status(), c::toString);
        assertEquals("smoothspike sweep: the distributed module (Apache Spark) is not on the class path; run sweeps "
                + "through ./smoothspike, which builds distributed/ and adds it for this command\n", c.err());
    }

    @Test
    void helpListsSweep() {
        assertTrue(Cli.run("--help").out().contains("  sweep FILE.groovy -Pname=A,B|FROM..TO ... --out DIR"));
    }
}
