package io.smoothspike.cli;

import io.smoothspike.graph.SimulationGraph;
import io.smoothspike.paper.PaperTasks;
import io.smoothspike.sim.EventRecord;
import io.smoothspike.sim.EventSimulator;
import io.smoothspike.sim.InputSpikes;
import io.smoothspike.sim.TrialSettings;
import java.io.PrintStream;
import java.util.Set;

/** {@code smoothspike demo}: simulates the recurrent QIF network of docs/experiments.md §3, prints its spike raster. */
final class DemoCommand {

    /** The options taking a value. */
    static final Set<String> OPTIONS = Set.of("neurons", "duration", "seed");

    private static final String HELP = """
            Usage: smoothspike demo [--neurons N] [--duration T] [--seed S]

            Simulates N recurrent QIF neurons (tau = 1) driven by excitatory and inhibitory Poisson trains
            (weights +5/-5, rate 1) with random recurrent weights N(0, 1), and prints the spike raster.
              --neurons N    number of neurons (default 10)
              --duration T   trial duration (default 10)
              --seed S       random seed (default 1)
            """;

    private DemoCommand() {
    }

    static int run(String[] args, PrintStream out) {
        Options o = Options.parse(args, OPTIONS);
        if (o.help()) {
            out.print(HELP);
            return 0;
        }
        int n = o.intValue("neurons", 10);
        if (n < 1) {
            throw new UsageException("--neurons must be at least 1");
        }
        double duration = o.doubleValue("duration", 10);
        long seed = o.intValue("seed", 1);
        SimulationGraph graph = PaperTasks.recurrentQif(n, 1.0, 1.0, seed);
        InputSpikes input = PaperTasks.recurrentQifInput(n, duration, seed + 1);
        TrialSettings trial = new TrialSettings(duration, 100_000);
        EventRecord rec = new EventSimulator(graph).run(input, trial);
        out.printf("Recurrent QIF network: %d neurons, %d input spikes, T = %s%n", n, input.size(), duration);
        out.print(Raster.render(rec, 0, n, 60));
        out.printf("%d network spikes, %d events in total%n", rec.spikeCount(), rec.eventCount());
        return 0;
    }
}
