package io.smoothspike.cli;

import io.smoothspike.grad.GradientCheck;
import io.smoothspike.grad.Task;
import io.smoothspike.paper.PaperTasks;
import io.smoothspike.groovy.ScriptRunner;
import io.smoothspike.network.Network;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code smoothspike gradcheck}: exact gradients versus central finite differences on the built-in cases (the
 * networks of docs/experiments.md §2–4).
 */
final class GradcheckCommand {

    private static final Map<String, Supplier<Task>> CASES = new LinkedHashMap<>();

    static {
        CASES.put("single-neuron-silent", () -> PaperTasks.singleNeuron(0, 0, 3));
        CASES.put("single-neuron-spiking", () -> PaperTasks.singleNeuron(6, 6, 3));
        CASES.put("recurrent", () -> PaperTasks.recurrent(1.0, 1.0, 3));
        CASES.put("mnist-theta-silent", () -> PaperTasks.mnistLike(0, 1, 5));
        CASES.put("mnist-theta-active", () -> PaperTasks.mnistLike(PaperTasks.MNIST_ACTIVE_BIAS, 1, 5));
        CASES.put("mnist-theta-active-delays", () -> PaperTasks.mnistLike(PaperTasks.MNIST_ACTIVE_BIAS, 1, 5,
                PaperTasks.MNIST_MAX_DELAY));
    }

    /** The options of the built-in cases, and those of a script. */
    static final Set<String> OPTIONS = Set.of("case", "tolerance", "max-parameters", "seed");
    static final Set<String> SCRIPT_OPTIONS = Set.of("tolerance", "max-parameters", "seed", "batch", "data");

    private static final String HELP = """
            Usage: smoothspike gradcheck [--case NAME] [--tolerance TOL] [--max-parameters N] [--seed S]
                   smoothspike gradcheck FILE.groovy [--batch N] [--data DIR] [-Pname=value ...] [options above]

            Compares the exact gradient with Richardson-extrapolated central finite differences for every
            parameter (weights, delays, initial states, model constants, input spike times) of the built-in cases:
              %s
            and prints, per case, the number of parameters checked and skipped (an event-order change within the
            finite-difference step makes the loss non-smooth there), the worst absolute and relative errors and
            where they occur. Relative error: |exact - fd| / max(|exact|, |fd|, 1e-4 * max|exact|).
              --case NAME          check one case (default: all)
              --tolerance TOL      largest accepted relative error (default 1e-5)
              --max-parameters N   check a random subset of N parameters per case (default: all)
              --seed S             seed of that subset (default 1)
            With a script: checks the first network the script defines (the script stops there) on the
            first batch of its data (default 1 trial; trials without data use the network's own inputs).
              --batch N            number of trials in the checked batch (default 1)
              --data DIR           folder with data sets (default: SMOOTHSPIKE_DATA or the user cache)
            Exits with status 1 when a worst relative error exceeds the tolerance.
            """.formatted(String.join(", ", CASES.keySet()));

    private GradcheckCommand() {
    }

    static int run(String[] args, PrintStream out) {
        if (Arrays.stream(args).anyMatch(a -> a.endsWith(".groovy"))) {
            return runScript(args, out);
        }
        Options o = Options.parse(args, OPTIONS);
        if (o.help()) {
            out.print(HELP);
            return 0;
        }
        String only = o.value("case", null);
        if (only != null && !CASES.containsKey(only)) {
            throw new UsageException("unknown case '" + only + "'; known: " + CASES.keySet());
        }
        double tolerance = tolerance(o);
        GradientCheck.Options options = options(o);
        List<String> names = only == null ? List.copyOf(CASES.keySet()) : List.of(only);
        boolean ok = true;
        for (String name : names) {
            GradientCheck.Result r = GradientCheck.run(CASES.get(name).get(), options);
            boolean pass = r.worstRelative() <= tolerance;
            ok &= pass;
            out.printf("%s  [%s] %s%n", pass ? "PASS" : "FAIL", name, r.summary());
            out.flush();
        }
        return verdict(out, ok, tolerance);
    }

    private static int verdict(PrintStream out, boolean ok, double tolerance) {
        out.printf("%s: worst relative errors %s the tolerance %.1e%n", ok ? "OK" : "FAILED",
                ok ? "within" : "exceed", tolerance);
        return ok ? 0 : 1;
    }

    private static double tolerance(Options o) {
        double tolerance = o.doubleValue("tolerance", 1e-5);
        if (!(tolerance > 0)) {
            throw new UsageException("--tolerance must be positive");
        }
        return tolerance;
    }

    private static GradientCheck.Options options(Options o) {
        int max = o.intValue("max-parameters", Integer.MAX_VALUE);
        if (max < 1) {
            throw new UsageException("--max-parameters must be at least 1");
        }
        return GradientCheck.Options.ALL.limit(max, o.intValue("seed", 1));
    }

    private static int runScript(String[] args, PrintStream out) {
        ScriptArgs a = ScriptArgs.parse(args, SCRIPT_OPTIONS, Set.of(), true);
        if (a.options().help()) {
            out.print(HELP);
            return 0;
        }
        double tolerance = tolerance(a.options());
        int batch = a.options().intValue("batch", 1);
        if (batch < 1) {
            throw new UsageException("--batch must be at least 1");
        }
        Path tmp;
        try {
            tmp = Files.createTempDirectory("smoothspike-gradcheck");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary folder: " + e.getMessage());
        }
        try {
            ScriptRunner.Result r = ScriptRunner.firstNetwork(a.script(), tmp, a.dataDir(), a.overrides());
            Network net = r.networks().get(0);
            Task task = ScriptTasks.firstBatch(a.script().getFileName().toString(), net, r.datasets().get(net), batch);
            GradientCheck.Result result = GradientCheck.run(task, options(a.options()));
            boolean ok = result.worstRelative() <= tolerance;
            out.printf("%s  %s%n", ok ? "PASS" : "FAIL", result.summary());
            return verdict(out, ok, tolerance);
        } finally {
            OutputFolder.deleteTree(tmp); // what the script wrote on its way to the first network
        }
    }
}
