package io.smoothspike.repl;

import static io.smoothspike.dsl.Snn.network;
import static io.smoothspike.dsl.Snn.qif;
import static io.smoothspike.dsl.Snn.spikeTimeLoss;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.network.Network;
import io.smoothspike.train.TrainingResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures of {@code /plot}: axis titles and chart titles, read from the SVG's metadata. */
class PlotterTest {

    @TempDir
    Path dir;

    @Test
    void lossCurveIsAgainstTrialsTrained() throws IOException {
        List<Map<String, Object>> history = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            history.add(Map.of("step", 50 * i, "trials", 50 * i, "loss", 8.0 / (1 + i * i)));
        }
        TrainingResult r = new TrainingResult(8, 8.0 / 17, history, List.of(), Map.of(), false);
        String svg = Files.readString(Plotter.curve(r, dir.resolve("r.svg")), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<desc>x axis: training trials; y axis: loss"), svg.substring(0, 400));
        assertTrue(svg.contains("during training</title>"), svg.substring(0, 400));
    }

    @Test
    void rasterAndTraceTitlesNameTheNetworkTrialAndStage() throws IOException {
        Network net = network("tiny").trial(4, 10)
                .input("in", 1).spikes(new double[][] {{0.5}})
                .population("n", 1, qif(1))
                .connect("in", "n")
                .readout("n").spikes(1)
                .loss(spikeTimeLoss(new double[][] {{2.0}}))
                .compile();
        for (Path f : List.of(Plotter.raster(net, dir.resolve("raster.svg")),
                Plotter.trace(net, dir.resolve("trace.svg")))) {
            String svg = Files.readString(f, StandardCharsets.UTF_8);
            assertTrue(svg.contains("network 'tiny', trial 0, current parameters"), svg.substring(0, 400));
        }
    }
}
