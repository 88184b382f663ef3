package io.smoothspike.cli;

import io.smoothspike.data.IdxDataSet;
import io.smoothspike.data.IdxImages;
import io.smoothspike.data.Mnist;
import io.smoothspike.export.ExportFormat;
import io.smoothspike.export.ExportSamples;
import io.smoothspike.export.Exporter;
import io.smoothspike.export.MetricsHistory;
import io.smoothspike.export.ResultExport;
import io.smoothspike.network.Json;
import io.smoothspike.network.Network;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code smoothspike export SOURCE}: writes a trained network's parameters, what it does on samples and the run's
 * metrics history as a NumPy archive, a folder of CSV files or one JSON document.
 */
final class ExportCommand {

    static final Set<String> OPTIONS = Set.of("format", "out", "data", "split", "data-dir", "samples");
    static final Set<String> FLAGS = Set.of("force");
    /** Samples simulated from a data set unless --samples says otherwise. */
    static final int DEFAULT_SAMPLES = 100;

    static final String HELP = """
            Usage: smoothspike export SOURCE --out FILE_OR_DIR [--format npz|csv|json]
                                     [--data mnist|fashion-mnist|DIR] [--split test|train] [--data-dir DIR]
                                     [--samples N] [--force]

            Exports a network for NumPy, pandas, MATLAB or R: every parameter (weights as (pre, post)
            matrices with masks), the output times, predictions and spikes on samples, and the run's
            metrics history, with the SmoothSpike version, git commit and the run's settings.
              SOURCE           a run folder (its model.json, else checkpoint.json, and metrics.csv/.json),
                               or a network file (model.json, checkpoint.json, or one that Network.save wrote)
              --out PATH       the archive (.npz), document (.json) or folder (csv) to write
              --format F       npz, csv or json (default: from --out: .npz, .json, else csv)
              --data D         simulate samples of MNIST, Fashion-MNIST or the IDX files in folder D (default:
                               the run's test set where it is recorded; a network with inputs of its own
                               simulates those)
              --split S        the split: test (default) or train
              --data-dir DIR   folder with MNIST or Fashion-MNIST (default: SMOOTHSPIKE_DATA or the user cache)
              --samples N      how many samples to simulate (default 100 of a data set; 1 trial of the
                               network's own inputs)
              --force          replace an existing --out
            """;

    private ExportCommand() {
    }

    static int run(String[] args, PrintStream out) {
        List<String> rest = new ArrayList<>();
        Path source = null;
        for (int k = 0; k < args.length; k++) {
            if (args[k].startsWith("-")) {
                rest.add(args[k]);
                if (args[k].startsWith("--") && OPTIONS.contains(args[k].substring(2)) && k + 1 < args.length) {
                    rest.add(args[++k]);
                }
            } else if (source == null) {
                source = Path.of(args[k]);
            } else {
                throw new UsageException("unexpected argument '" + args[k] + "'");
            }
        }
        Options o = Options.parse(rest.toArray(String[]::new), OPTIONS, FLAGS);
        if (o.help()) {
            out.print(HELP);
            return 0;
        }
        if (source == null) {
            throw new UsageException("name a run folder or a network file to export, e.g. runs/single_neuron");
        }
        String outArg = o.value("out", null);
        if (outArg == null) {
            throw new UsageException("--out is required: the .npz or .json file or the CSV folder to write");
        }
        Path target = Path.of(outArg);
        ExportFormat format = format(o, target);
        RunFiles run = RunFiles.of(source);
        Network net = load(run.network());
        Exporter exporter = Exporter.of(net);
        Map<String, Object> metrics = run.metricsJson() == null ? null : readJson(run.metricsJson());
        Object data = data(o, metrics);
        int samples = o.intValue("samples", data == null ? 1 : DEFAULT_SAMPLES);
        ExportSamples chosen = ExportSamples.of(net, data, samples);
        exporter.samples(chosen);
        if (run.metricsCsv() != null) {
            exporter.metrics(readMetrics(run.metricsCsv()));
        }
        if (metrics != null) {
            exporter.run(metrics);
        }
        ResultExport export = exporter.build();
        Path written;
        try {
            written = export.write(target, format, o.flag("force"));
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(target + " exists; pass --force to replace it");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + target + ": " + e.getMessage(), e);
        }
        out.println("smoothspike export: wrote " + written + " (" + export.arrays().size() + " arrays; "
                + (chosen != null ? chosen.description() : net.hasImageInput()
                ? "no samples: the network reads images, give --data (mnist, fashion-mnist or a folder)"
                : "no samples: the network reads a data source; export(net, file, data: …) in its script has it")
                + ")");
        return 0;
    }

    private static ExportFormat format(Options o, Path target) {
        String f = o.value("format", null);
        if (f == null) {
            return ExportFormat.ofFile(target);
        }
        try {
            return ExportFormat.of(f);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
    }

    /**
     * The images that --data names (MNIST, Fashion-MNIST or a folder of IDX files), or the MNIST split the run
     * recorded in its metrics.json (may be null); null when there are none.
     */
    private static Object data(Options o, Map<String, Object> metrics) {
        String name = o.value("data", null);
        String split = o.value("split", null);
        if (name == null && split == null && metrics != null) {
            String recorded = String.valueOf(metrics.getOrDefault("test_data", ""));
            if (recorded.startsWith("mnist ")) {
                name = "mnist";
                split = recorded.substring("mnist ".length());
            }
        }
        if (name == null) {
            if (split != null) {
                throw new UsageException("--split needs --data");
            }
            return null;
        }
        Mnist.Split s = switch (split == null ? "test" : split.toLowerCase(Locale.ROOT)) {
            case "test" -> Mnist.Split.TEST;
            case "train" -> Mnist.Split.TRAIN;
            default -> throw new UsageException("--split must be test or train, got '" + split + "'");
        };
        String dir = o.value("data-dir", null);
        Path explicit = dir == null ? null : Path.of(dir);
        try {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "mnist":
                    return Mnist.load(Mnist.locate(explicit), s);
                case "fashion-mnist":
                    return IdxDataSet.FASHION_MNIST.load(IdxDataSet.FASHION_MNIST.locate(explicit), s);
                default:
                    Path folder = Path.of(name);
                    if (!Files.isDirectory(folder)) {
                        throw new UsageException("--data names mnist, fashion-mnist or a folder of IDX files; '"
                                + name + "' is neither");
                    }
                    if (dir != null) {
                        throw new UsageException("--data-dir is for mnist and fashion-mnist; --data already names "
                                + "the folder " + name);
                    }
                    return IdxImages.read(folder, s);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Network load(Path file) {
        try {
            return Network.load(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static MetricsHistory readMetrics(Path csv) {
        try {
            return MetricsHistory.read(csv);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + csv + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readJson(Path file) {
        try {
            return Json.MAPPER.readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not readable JSON (" + e.getMessage().lines().findFirst()
                    .orElse("") + "); export the run's model.json alone to leave it out", e);
        }
    }

    /**
     * The files of a run that SOURCE names: the network (model.json, else checkpoint.json, in a folder; or the
     * file itself) and, where present beside a model.json or checkpoint.json, metrics.csv and metrics.json.
     */
    record RunFiles(Path network, Path metricsCsv, Path metricsJson) {

        static RunFiles of(Path source) {
            Path folder;
            Path network;
            if (Files.isDirectory(source)) {
                folder = source;
                network = Files.isRegularFile(source.resolve("model.json")) ? source.resolve("model.json")
                        : source.resolve(OutputFolder.CHECKPOINT);
                if (!Files.isRegularFile(network)) {
                    throw new UsageException(source + " holds no model.json or " + OutputFolder.CHECKPOINT
                            + ": is it a run folder?");
                }
            } else if (Files.isRegularFile(source)) {
                network = source;
                String name = source.getFileName().toString();
                folder = name.equals("model.json") || name.equals(OutputFolder.CHECKPOINT)
                        ? source.toAbsolutePath().getParent() : null;
            } else {
                throw new UsageException(source + " does not exist");
            }
            return new RunFiles(network, present(folder, "metrics.csv"), present(folder, "metrics.json"));
        }

        private static Path present(Path folder, String name) {
            return folder != null && Files.isRegularFile(folder.resolve(name)) ? folder.resolve(name) : null;
        }
    }
}
