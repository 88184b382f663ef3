package io.smoothspike.cli;

import io.smoothspike.data.YinYang;
import io.smoothspike.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code smoothspike data yinyang --out DIR}: writes the three Yin-Yang splits as CSV files. */
final class YinYangDataCommand {

    /** The options taking a value, and the flags. */
    static final Set<String> OPTIONS = Set.of("out");
    static final Set<String> FLAGS = Set.of("force");

    private YinYangDataCommand() {
    }

    /** Runs the command on the arguments after {@code yinyang}; {@code help} is the data command's help text. */
    static int run(String[] args, PrintStream out, String help) {
        Options o = Options.parse(args, OPTIONS, FLAGS);
        if (o.help()) {
            out.print(help);
            return 0;
        }
        String dirArg = o.value("out", null);
        if (dirArg == null) {
            throw new UsageException("give the folder for the CSV files: 'smoothspike data yinyang --out DIR'");
        }
        Path dir = Path.of(dirArg);
        List<String> existing = new ArrayList<>();
        for (YinYang.Split s : YinYang.Split.values()) {
            if (Files.exists(dir.resolve(file(s)))) {
                existing.add(file(s));
            }
        }
        if (!existing.isEmpty() && !o.flag("force")) {
            throw new UsageException("--out " + dir + " already holds " + String.join(", ", existing)
                    + "; give --force to overwrite, or another --out");
        }
        for (YinYang.Split s : YinYang.Split.values()) {
            Path target = dir.resolve(file(s));
            try {
                AtomicFiles.writeString(target, YinYang.split(s).csv());
            } catch (IOException e) {
                throw new IllegalStateException("cannot write " + target + ": " + e.getMessage(), e);
            }
            out.println("Wrote " + target + " (" + s.size() + " samples, seed " + s.seed() + ")");
        }
        return 0;
    }

    private static String file(YinYang.Split s) {
        return s.label() + ".csv";
    }
}
