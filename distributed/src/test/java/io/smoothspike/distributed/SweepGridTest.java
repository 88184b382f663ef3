package io.smoothspike.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.cli.UsageException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepGridTest {

    private static Map<String, String> params(String... nameValue) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int k = 0; k < nameValue.length; k += 2) {
            m.put(nameValue[k], nameValue[k + 1]);
        }
        return m;
    }

    @Test
    void everyCombinationOfRangesAndListsLastVaryingFastest() {
        SweepGrid grid = SweepGrid.parse(params("seed", "1..3", "lr", "1e-3,4e-3", "trials", "50"));
        List<SweepRun> runs = grid.runs();
        assertEquals(List.of("seed=1,lr=1e-3", "seed=1,lr=4e-3", "seed=2,lr=1e-3", "seed=2,lr=4e-3",
                "seed=3,lr=1e-3", "seed=3,lr=4e-3"), runs.stream().map(SweepRun::folder).toList());
        assertEquals(Map.of("trials", "50", "seed", "2", "lr", "4e-3"), runs.get(3).parameters());
        assertEquals(Map.of("seed", "2", "lr", "4e-3"), runs.get(3).varied());
        assertEquals(Map.of("trials", "50"), grid.fixed());
    }

    @Test
    void listItemsMayBeRanges() {
        assertEquals(List.of("seed=1", "seed=2", "seed=7"),
                SweepGrid.parse(params("seed", "1..2,7")).runs().stream().map(SweepRun::folder).toList());
    }

    @Test
    void refusesGridsThatVaryNothingOrCollideOrCannotNameFolders() {
        assertTrue(assertThrows(UsageException.class, () -> SweepGrid.parse(params("seed", "1")))
                .getMessage().contains("nothing to sweep"));
        assertTrue(assertThrows(UsageException.class, () -> SweepGrid.parse(params("seed", "1..3,2")))
                .getMessage().contains("the value 2 is listed twice"));
        assertTrue(assertThrows(UsageException.class, () -> SweepGrid.parse(params("seed", "3..1")))
                .getMessage().contains("a range goes up"));
        assertTrue(assertThrows(UsageException.class, () -> SweepGrid.parse(params("data", "a/b,c")))
                .getMessage().contains("they name the run folders"));
    }

    @Test
    void sampleStandardDeviation() {
        MetricStats s = MetricStats.of(List.of(1.0, 2.0, 4.0));
        assertEquals(7.0 / 3, s.mean(), 1e-15);
        assertEquals(Math.sqrt((16.0 / 9 + 1.0 / 9 + 25.0 / 9) / 2), s.std(), 1e-15);
        assertTrue(Double.isNaN(MetricStats.of(List.of(5.0)).std()));
    }
}
