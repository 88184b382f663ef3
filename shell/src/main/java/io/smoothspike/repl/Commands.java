package io.smoothspike.repl;

import io.smoothspike.export.ExportFormat;
import io.smoothspike.export.ExportSamples;
import io.smoothspike.export.Exporter;
import io.smoothspike.export.ResultExport;
import io.smoothspike.groovy.ScriptError;
import io.smoothspike.groovy.ScriptRunner;
import io.smoothspike.network.Network;
import io.smoothspike.train.TrainingResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The REPL's slash commands. Each returns null on success or the {@link Failure} to report. */
final class Commands {

    /** Command names, for help and completion. */
    static final List<String> NAMES = List.of("/help", "/run", "/load", "/save", "/open", "/export", "/vars",
            "/plot", "/trace", "/reset", "/exit");

    static final String HELP = """
            Commands:
              /help                          this help
              /run FILE.groovy [-Pk=v ...]   run a Groovy script; the networks it defines become variables
              /load FILE.jsh|.java           evaluate a file's snippets (and commands) in order
              /save FILE                     write this session's snippets to FILE
              /open MODEL.json               load a network (a saved one, a run's model.json or checkpoint.json)
              /export NAME FILE.json         save the network held by variable NAME
              /export NAME FILE.npz|DIR [--format npz|csv|json] [--samples N] [--force]
                                             export its parameters, output times and spikes for NumPy
              /vars                          list the variables with their types
              /plot raster|trace NET [FILE]  spike raster / voltage traces of network NET's trial 0 (PNG or SVG)
              /plot curve RESULT [FILE]      loss curve of a TrainingResult
              /trace                         full details of the last failure
              /reset                         forget every snippet and variable
              /exit                          leave (Ctrl-D does too)

            Primer (Java; Snn.*, the SmoothSpike packages, java.util, java.nio.file and EJML's org.ejml.data and
            org.ejml.dense.row are imported; end a line with '.' or an open bracket, or start the next with '.', to
            continue a snippet):
              Network net = network("n").trial(10, 25).input("in", 2).spikes(new double[][] {{1.0}, {9.0}}).
                  population("out", 1, qif(1)).connect("in", "out").weights(constant(1.5)).
                  readout("out").spikes(2).loss(spikeTimeLoss(new double[][] {{2.5, 7.5}})).compile()
              net.simulate().outputTimes()          output times (pseudospikes past the trial end T)
              net.parameterNames()                  then net.parameter("in->out.weight"), net.setParameter(...)
              net.weights("in->out")                the weights as an EJML DMatrixRMaj (pre × post); setWeights
              var r = train(net, new TrainingSettings().trials(300).optimizer("sgd").learningRate(0.1))
              /plot raster net    /plot curve r    /export net net.json    /run scripts/single_neuron.groovy
              Models: qif(tau), theta(tau, drive), lif(tau, threshold), any registered one by name:
                  model("qif", Map.of("tau", 1.0)); values: constant, normal, uniform, ...
            Tab completes, Shift-Tab shows the documentation of the method at the cursor,
            Ctrl-C interrupts a snippet or training (the network keeps its last completed step), Ctrl-D exits.
            """;

    private static final int MAX_LOAD_DEPTH = 8;
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits",
            "_");

    private final Session session;
    private int loadDepth;

    Commands(Session session) {
        this.session = session;
    }

    /** True for a command line: starts with '/' but is no Java comment. */
    static boolean isCommand(String text) {
        return text.startsWith("/") && !text.startsWith("//") && !text.startsWith("/*");
    }

    /** Runs one command line. */
    Failure run(String line) {
        List<String> words = split(line);
        String name = words.get(0);
        List<String> args = words.subList(1, words.size());
        if (List.of("/vars", "/trace", "/reset").contains(name) && !args.isEmpty()) {
            return usage(name + " (it takes no arguments)");
        }
        switch (name) {
            case "/help":
            case "/?":
                out().print(HELP);
                out().flush();
                return null;
            case "/exit":
            case "/quit":
                session.requestExit();
                return null;
            case "/trace":
                Failure last = session.lastFailure();
                out().println(last == null ? "no failure yet" : last.details());
                out().flush();
                return null;
            case "/reset":
                session.evaluator().reset();
                out().println("session reset: snippets and variables forgotten");
                out().flush();
                return null;
            case "/vars":
                return vars();
            case "/run":
                return runScript(args);
            case "/load":
                return load(args);
            case "/save":
                return save(args);
            case "/open":
                return open(args);
            case "/export":
                return export(args);
            case "/plot":
                return plot(args);
            default:
                List<String> close = NAMES.stream().filter(n -> n.startsWith(name)).toList();
                String hint = close.size() == 1 ? "; did you mean " + close.get(0) + "?" : "; /help lists them";
                return Failure.of("error: unknown command " + name + hint);
        }
    }

    private PrintWriter out() {
        return session.out();
    }

    private static Failure usage(String text) {
        return Failure.of("error: usage: " + text);
    }

    // ---- the commands ----

    private Failure vars() {
        List<SnippetEvaluator.Variable> vars = session.evaluator().variables();
        if (vars.isEmpty()) {
            out().println("no variables yet");
        }
        for (SnippetEvaluator.Variable v : vars) {
            String value = v.value().length() <= 100 ? v.value() : v.value().substring(0, 100) + " ...";
            out().println("  " + v.type() + " " + v.name() + " = " + value);
        }
        out().flush();
        return null;
    }

    private Failure runScript(List<String> args) {
        if (args.isEmpty()) {
            return usage("/run FILE.groovy [-Pname=value ...]");
        }
        Path script = session.resolve(args.get(0));
        if (!Files.isRegularFile(script)) {
            return Failure.of("error: no script " + script);
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String a : args.subList(1, args.size())) {
            int eq = a.indexOf('=');
            if (!a.startsWith("-P") || eq < 3) {
                return usage("/run FILE.groovy [-Pname=value ...] (got '" + a + "')");
            }
            overrides.put(a.substring(2, eq), a.substring(eq + 1));
        }
        String base = script.getFileName().toString().replaceFirst("\\.groovy$", "");
        Path out = newRunFolder(base);
        ScriptRunner.Result result;
        try {
            Files.createDirectories(out);
            result = ScriptRunner.run(script, out, null, overrides);
        } catch (ScriptError e) {
            return Failure.of("error: ", e);
        } catch (IOException e) {
            return Failure.of("error: cannot create " + out + ": ", e);
        }
        out().println("results in " + out);
        String replay = "/run " + String.join(" ", args);
        for (Network net : result.networks()) {
            String var = freeName(net.spec().name());
            Failure failure = bind(var, net, replay);
            if (failure != null) {
                return failure;
            }
            replay = "// " + var + " was defined by the /run above";
        }
        if (result.networks().isEmpty()) {
            out().println("the script defined no network");
        }
        out().flush();
        return null;
    }

    private Path newRunFolder(String base) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = session.workDir().resolve("runs").resolve(base + "-" + stamp);
        for (int k = 2; Files.exists(dir); k++) {
            dir = session.workDir().resolve("runs").resolve(base + "-" + stamp + "-" + k);
        }
        return dir;
    }

    private Failure load(List<String> args) {
        if (args.size() != 1) {
            return usage("/load FILE.jsh|.java");
        }
        Path file = session.resolve(args.get(0));
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Failure.of("error: cannot read " + file + " (" + e.getMessage() + ")");
        }
        if (file.toString().endsWith(".java")) {
            text = text.replaceFirst("(?m)^\\s*package\\s+[\\w.]+\\s*;", ""); // snippets live in no package
        }
        if (loadDepth >= MAX_LOAD_DEPTH) {
            return Failure.of("error: /load nested more than " + MAX_LOAD_DEPTH + " deep");
        }
        loadDepth++;
        int interrupts = session.interrupts();
        try {
            InputReader reader = new InputReader(new BufferedReader(new StringReader(text)), session::isComplete);
            InputReader.Unit unit;
            while ((unit = reader.next()) != null) {
                if (!session.handle(unit)) {
                    Failure inner = session.lastFailure();
                    return new Failure("error: /load " + args.get(0) + " stopped at its line " + unit.line() + ": "
                            + Failure.firstLine(unit.text().strip()), inner == null ? "" : inner.details());
                }
                if (session.interrupts() != interrupts) {
                    return Failure.of("interrupted: /load " + args.get(0) + " stopped");
                }
                if (session.exitRequested()) {
                    break;
                }
            }
        } catch (IOException e) {
            return Failure.of("error: cannot read " + file + " (" + e.getMessage() + ")");
        } finally {
            loadDepth--;
        }
        return null;
    }

    private Failure save(List<String> args) {
        if (args.size() != 1) {
            return usage("/save FILE");
        }
        Path file = session.resolve(args.get(0));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, session.evaluator().sessionSource(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Failure.of("error: cannot write " + file + " (" + e.getMessage() + ")");
        }
        out().println("saved the session to " + file);
        out().flush();
        return null;
    }

    private Failure open(List<String> args) {
        if (args.size() != 1) {
            return usage("/open MODEL.json");
        }
        Path file = session.resolve(args.get(0));
        Network net;
        try {
            net = Network.load(file);
        } catch (IOException e) {
            return Failure.of("error: cannot read " + e.getMessage());
        } catch (RuntimeException e) {
            return Failure.of("error: ", e); // the message names the file
        }
        String var = freeName(file.getFileName().toString().replaceFirst("\\.[^.]*$", ""));
        return bind(var, net, "/open " + file);
    }

    /**
     * A new variable name made from {@code name}, never one that is declared (declaring it again would lose it and
     * every variable computed from it): {@code net}, else {@code net2}, {@code net3}, … ({@code _2}, … after a
     * digit). Says so when it is not the first choice.
     */
    private String freeName(String name) {
        String base = variableName(name);
        String var = base;
        String separator = Character.isDigit(base.charAt(base.length() - 1)) ? "_" : "";
        for (int k = 2; session.evaluator().isDeclared(var); k++) {
            var = base + separator + k;
        }
        if (!var.equals(base)) {
            out().println(base + " exists already, so the network goes into " + var);
        }
        return var;
    }

    /** Declares variable {@code var} holding {@code net} and prints the result. */
    private Failure bind(String var, Network net, String savedAs) {
        SnippetEvaluator.Outcome o = session.evaluator().bind(var, net, savedAs);
        o.lines().forEach(out()::println);
        out().flush();
        return o.failure();
    }

    private Failure export(List<String> args) {
        String usage = "/export NAME FILE.json | /export NAME FILE.npz|DIR [--format npz|csv|json] [--samples N] "
                + "[--force]";
        if (args.size() < 2) {
            return usage(usage);
        }
        Object value = session.evaluator().valueOf(args.get(0));
        if (!(value instanceof Network net)) {
            return Failure.of("error: " + args.get(0) + " holds " + typeOf(value) + ", not a Network");
        }
        Path file = session.resolve(args.get(1));
        if (args.size() == 2 && file.getFileName().toString().endsWith(".json")) {
            try {
                net.save(file);
            } catch (IOException e) {
                return Failure.of("error: cannot write " + file + " (" + e.getMessage() + ")");
            }
            out().println("saved " + args.get(0) + " to " + file);
            out().flush();
            return null;
        }
        return exportResults(net, file, args.subList(2, args.size()), usage);
    }

    /** {@code /export NAME FILE.npz|DIR …}: the network's parameters and outputs on its own inputs, for NumPy. */
    private Failure exportResults(Network net, Path file, List<String> options, String usage) {
        ExportFormat format = ExportFormat.ofFile(file);
        int samples = 1;
        boolean force = false;
        try {
            for (int k = 0; k < options.size(); k++) {
                String o = options.get(k);
                if (o.equals("--force")) {
                    force = true;
                } else if (o.equals("--format") && k + 1 < options.size()) {
                    format = ExportFormat.of(options.get(++k));
                } else if (o.equals("--samples") && k + 1 < options.size()) {
                    samples = Integer.parseInt(options.get(++k));
                } else {
                    return usage(usage + " (got '" + o + "')");
                }
            }
            ExportSamples chosen = ExportSamples.of(net, null, samples);
            ResultExport export = Exporter.of(net).samples(chosen).build();
            Path written = export.write(file, format, force);
            out().println("exported " + export.arrays().size() + " arrays to " + written + (chosen == null
                    ? " (no samples: the network reads data; use Exporter in a snippet to give it some)" : ""));
        } catch (NumberFormatException e) {
            return usage(usage + " (--samples needs a whole number)");
        } catch (FileAlreadyExistsException e) {
            return Failure.of("error: " + file + " exists; add --force to replace it");
        } catch (IOException e) {
            return Failure.of("error: cannot write " + file + " (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            return Failure.of("error: ", e);
        }
        out().flush();
        return null;
    }

    private Failure plot(List<String> args) {
        if (args.size() < 2 || args.size() > 3 || !List.of("raster", "trace", "curve").contains(args.get(0))) {
            return usage("/plot raster|trace|curve NAME [FILE]");
        }
        String kind = args.get(0);
        String name = args.get(1);
        Path file = session.resolve(args.size() == 3 ? args.get(2) : name + "-" + kind + ".png");
        Object value = session.evaluator().valueOf(name);
        Path written;
        if (kind.equals("curve")) {
            if (!(value instanceof TrainingResult r)) {
                return Failure.of("error: " + name + " holds " + typeOf(value) + ", not a TrainingResult");
            }
            written = Plotter.curve(r, file);
        } else {
            if (!(value instanceof Network net)) {
                return Failure.of("error: " + name + " holds " + typeOf(value) + ", not a Network");
            }
            written = kind.equals("raster") ? Plotter.raster(net, file) : Plotter.trace(net, file);
        }
        out().println("wrote " + written);
        out().flush();
        return null;
    }

    // ---- helpers ----

    private static String typeOf(Object value) {
        if (value == null) {
            return "null";
        }
        String name = value.getClass().getSimpleName();
        return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    /** A Java identifier made from {@code name}: other characters become '_', keywords get a trailing '_'. */
    static String variableName(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) {
            sb.append(Character.isJavaIdentifierPart(c) ? c : '_');
        }
        if (sb.length() == 0 || !Character.isJavaIdentifierStart(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        String s = sb.toString();
        return KEYWORDS.contains(s) ? s + "_" : s;
    }

    /** Splits a command line at blanks; double quotes keep blanks inside one word. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(cur.toString());
        }
        return words;
    }
}
