package io.smoothspike.cli;

import io.smoothspike.export.Provenance;
import io.smoothspike.groovy.FailureText;
import io.smoothspike.groovy.ScriptError;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command-line entry point of {@code ./smoothspike}: dispatches to the verbs and turns every failure into one clear
 * line and a non-zero exit status.
 */
public final class Main {

    /** A verb of the command line: runs with the arguments after its name and returns the exit status. */
    interface Command {
        int run(String[] args, PrintStream out);
    }

    /** The classes of the verbs in the distributed module (its jar holds Spark's dependencies). */
    static final String SWEEP_CLASS = "io.smoothspike.distributed.SweepCommand";
    static final String TRAIN_DISTRIBUTED_CLASS = "io.smoothspike.distributed.TrainDistributedCommand";

    /** The verbs, by name. */
    static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("run", RunCommand::run);
        COMMANDS.put("demo", DemoCommand::run);
        COMMANDS.put("gradcheck", GradcheckCommand::run);
        COMMANDS.put("bench", BenchCommand::run);
        COMMANDS.put("data", DataCommand::run);
        COMMANDS.put("export", ExportCommand::run);
        COMMANDS.put("sweep", (args, out) -> distributed(SWEEP_CLASS, args, out));
        COMMANDS.put("train-distributed", (args, out) -> distributed(TRAIN_DISTRIBUTED_CLASS, args, out));
    }

    static final String USAGE = """
            Usage: smoothspike <command> [options]
                   smoothspike              start the interactive REPL (Java snippets; /help inside)

            Commands:
              run FILE.groovy [--out DIR] [--data DIR] [--resume DIR] [--force] [-Pname=value ...]
                                run an experiment script (see scripts/)
              sweep FILE.groovy -Pname=A,B|FROM..TO ... --out DIR [--master URL]
                                run a script for every combination of parameter values, as Apache Spark
                                tasks (local mode by default, or a cluster); resumes an interrupted sweep
              train-distributed FILE.groovy [run's options] [--master URL] [--conf KEY=VALUE ...]
                                run a script as 'run' does, each training batch's gradient summed over
                                Apache Spark executors (data-parallel; the same results bit for bit)
              demo [--neurons N] [--duration T] [--seed S]
                                simulate a recurrent QIF network with Poisson input and print a spike raster
              gradcheck [FILE.groovy] [--case NAME] [--tolerance TOL] [--max-parameters N] [--seed S] [--batch N]
                                compare exact gradients with finite differences (built-in cases or a script)
              bench sim|grad|mnist|yinyang|width [options]
                                throughput benchmarks: event engine, gradients, MNIST and Yin-Yang training,
                                training cost against hidden width
                                (JSON lines; see BENCHMARKS.md)
              data mnist|fashion-mnist [--dir DIR] [--verify]
                                fetch and verify MNIST or Fashion-MNIST into the user cache
              data yinyang --out DIR [--force]
                                write the Yin-Yang data set's train, validation and test splits as CSV
              export SOURCE --out FILE_OR_DIR [--format npz|csv|json] [--data mnist|fashion-mnist|DIR]
                     [--samples N] [--force]
                                write a run's or a network file's parameters, outputs, spikes and metrics
                                for NumPy, pandas, MATLAB or R
              --help, -h        show this help
              --version         show the version

            Run 'smoothspike <command> --help' for the options of a command.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the CLI and returns the exit status (0 success, 1 failure, 2 usage error). Every failure is reported as
     * one line on {@code err}: {@code FILE:LINE: message} for a script, {@code smoothspike COMMAND: message} else.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return io.smoothspike.repl.Repl.start();
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(USAGE);
            return 0;
        }
        if (args[0].equals("--version")) {
            out.println("smoothspike " + version());
            return 0;
        }
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            err.println("smoothspike: unknown command '" + args[0] + "'. Run 'smoothspike --help' for the list.");
            return 2;
        }
        try {
            return command.run(Arrays.copyOfRange(args, 1, args.length), out);
        } catch (UsageException e) {
            err.println("smoothspike " + args[0] + ": " + e.getMessage());
            return 2;
        } catch (ScriptError e) {
            err.println(e.getMessage());
            return 1;
        } catch (Throwable e) { // whatever fails, the user gets one line, not a stack trace
            err.println("smoothspike " + args[0] + ": " + FailureText.of(e));
            return 1;
        } finally {
            out.flush();
        }
    }

    /**
     * {@code sweep}, {@code train-distributed}: runs the class's {@code run(String[], PrintStream)}, found by name so
     * that this module needs no Spark; the launcher puts the distributed module on the class path for these verbs only.
     */
    static int distributed(String className, String[] args, PrintStream out) {
        Method run;
        try {
            run = Class.forName(className).getMethod("run", String[].class, PrintStream.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the distributed module (Apache Spark) is not on the class path; run "
                    + "this command through ./smoothspike, which builds distributed/ and adds it for this command");
        }
        try {
            return (Integer) run.invoke(null, args, out);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(FailureText.of(e.getCause()), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(className + ".run is not public", e);
        }
    }

    /** The project version baked in at build time. */
    public static String version() {
        return Provenance.version();
    }
}
