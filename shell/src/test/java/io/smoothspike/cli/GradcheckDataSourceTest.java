package io.smoothspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** gradcheck of a script whose network reads spike times from a data source made before it. */
class GradcheckDataSourceTest {

    @Test
    void theYinYangScriptsGradientIsExact() {
        Cli r = Cli.run("gradcheck", "../scripts/yinyang_quick.groovy", "--batch", "3", "-PtrainSize=6",
                "-PtestSize=3");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().startsWith("PASS"), r.out());
    }
}
