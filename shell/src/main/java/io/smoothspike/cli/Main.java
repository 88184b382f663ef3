package io.smoothspike.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Properties;

/**
 * Command-line entry point of {@code ./smoothspike}: dispatches to the verbs and turns user errors into one clear
 * line and a non-zero exit status.
 */
public final class Main {

    private static final String USAGE = """
            Usage: smoothspike <command> [options]
                   smoothspike              start the interactive REPL (Java snippets; /help inside)

            Commands:
              run FILE.groovy   run an experiment script (see scripts/)
              demo              simulate a recurrent QIF network with Poisson input and print a spike raster
              gradcheck [FILE.groovy]  compare exact gradients with finite differences (built-in cases or a script)
              bench sim|grad    throughput benchmarks (JSON lines; see BENCHMARKS.md)
              data mnist        download and verify the MNIST data set into the user cache
              --help, -h        show this help
              --version         show the version

            Run 'smoothspike <command> --help' for the options of a command.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the CLI and returns the exit status (0 success, 1 failure, 2 usage error). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return io.smoothspike.repl.Repl.start();
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(USAGE);
            return 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "--version":
                    out.println("smoothspike " + version());
                    return 0;
                case "demo":
                    return DemoCommand.run(rest, out);
                case "run":
                    return RunCommand.run(rest, out);
                case "gradcheck":
                    return GradcheckCommand.run(rest, out);
                case "bench":
                    return BenchCommand.run(rest, out);
                case "data":
                    return DataCommand.run(rest, out);
                default:
                    err.println("smoothspike: unknown command '" + args[0] + "'. Run 'smoothspike --help' for the list.");
                    return 2;
            }
        } catch (UsageException e) {
            err.println("smoothspike " + args[0] + ": " + e.getMessage());
            return 2;
        } catch (io.smoothspike.groovy.ScriptError e) {
            err.println("smoothspike " + args[0] + ": " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            err.println("smoothspike " + args[0] + ": " + e.getMessage());
            return 1;
        }
    }

    /** The project version baked in at build time. */
    public static String version() {
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
