package io.smoothspike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gradcheck of a script whose network reads spike times from a data source made before it. */
class GradcheckDataSourceTest {

    @Test
    void theYinYangScriptsGradientIsExact() {
        Cli r = Cli.run("gradcheck", "../scripts/yinyang_quick.groovy", "--batch", "3", "-PtrainSize=6",
                "-PtestSize=3");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().startsWith("PASS"), r.out());
    }

    @Test
    void aTimingTasksGradientIsExactAgainstEachTrialsTargets(@TempDir Path dir) throws IOException {
        Path script = Files.writeString(dir.resolve("timing.groovy"), """
                source(trials: [[[0.1], [0.05]], [[0.4], [0.05]], [[0.2], [0.05]]],
                        targets: [[1.1, 1.4], [1.4, 1.1], [1.2, 1.3]])
                network('timing') {
                    trial duration: 2, spikeCap: 50
                    input 'in', size: 2, external: true
                    population 'out', size: 2, model: theta(tau: 1, drive: 1.25), phase0: 3, trainInitial: true
                    connect 'in', 'out', weights: fanInUniform(scale: 1, offset: 0.5, seed: 1)
                    readout 'out'
                    loss targetTime()
                }
                """);
        Cli r = Cli.run("gradcheck", script.toString(), "--batch", "3");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().startsWith("PASS"), r.out());
    }
}
