package io.smoothspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code sweep} and {@code train-distributed} live in the distributed module; without it on the class path the CLI
 * says how to get it.
 */
class SweepWithoutSparkTest {

    @Test
    void sweepWithoutTheDistributedModuleNamesTheFix() {
        for (String verb : new String[] {"sweep", "train-distributed"}) {
            Cli c = Cli.run(verb, "scripts/rnn.groovy", "-Pseed=1,2", "--out", "x");
            assertEquals(1, c.status(), c::toString);
            assertEquals("smoothspike " + verb + ": the distributed module (Apache Spark) is not on the class path; "
                    + "run this command through ./smoothspike, which builds distributed/ and adds it for this "
                    + "command\n", c.err());
        }
    }

    @Test
    void helpListsTheDistributedVerbs() {
        String help = Cli.run("--help").out();
        assertTrue(help.contains("  sweep FILE.groovy -Pname=A,B|FROM..TO ... --out DIR"), help);
        assertTrue(help.contains("  train-distributed FILE.groovy [run's options] [--master URL]"), help);
    }
}
