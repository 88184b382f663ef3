package io.smoothspike.repl;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * The Java side of the REPL: a {@link JShell} with local execution, so snippets run in this JVM on the very objects
 * of the runtime. Evaluates source text snippet by snippet and renders each result as jshell does
 * ({@code net ==> …}); turns compile errors and exceptions into a {@link Failure}; interrupts a running snippet
 * (thread interrupt first, {@link JShell#stop()} after {@value #STOP_AFTER_MS} ms); and hands objects to and from
 * snippets through {@link Registry}.
 */
public final class SnippetEvaluator implements AutoCloseable {

    /** The imports every session starts with. */
    public static final List<String> IMPORTS = List.of(
            "import io.smoothspike.dsl.*;",
            "import static io.smoothspike.dsl.Snn.*;",
            "import io.smoothspike.network.*;",
            "import io.smoothspike.spec.*;",
            "import io.smoothspike.sim.*;",
            "import io.smoothspike.train.*;",
            "import io.smoothspike.plot.*;",
            "import io.smoothspike.data.*;",
            "import java.nio.file.*;",
            "import java.util.*;",
            "import org.ejml.data.*;",
            "import org.ejml.dense.row.*;",
            "import org.ejml.dense.row.factory.*;");

    /** How long an interrupted snippet may take to return before it is stopped. */
    static final long STOP_AFTER_MS = 2000;
    private static final int MAX_VALUE_CHARS = 200;

    /**
     * What one evaluation printed and, if it failed, why; {@code last} is the last snippet it evaluated (null if
     * none) and {@code lastSource} that snippet's text as given.
     */
    public record Outcome(List<String> lines, Failure failure, boolean interrupted, Snippet last,
            String lastSource) {
        /** True when every snippet was accepted and ran without an exception. */
        public boolean ok() {
            return failure == null;
        }
    }

    /** A variable of the session. */
    public record Variable(String name, String type, String value) {
    }

    private JShell shell;
    /** Ids of snippets the REPL made for itself: not listed, not saved. */
    private final Set<String> internal = new HashSet<>();
    /** Ids of snippets that were interrupted: not saved. */
    private final Set<String> interruptedSnippets = new HashSet<>();
    /** What /save writes instead of a snippet's own source (variables bound from Java objects). */
    private final Map<String, String> saveAs = new HashMap<>();
    private volatile Running running;
    private final Object lock = new Object();

    /** Starts a session with the {@link #IMPORTS}. */
    public SnippetEvaluator() {
        start();
    }

    private void start() {
        shell = JShell.builder().executionEngine("local").build();
        Set<String> classPath = new HashSet<>(Arrays.asList(System.getProperty("java.class.path", "")
                .split(java.io.File.pathSeparator)));
        for (Class<?> c : List.of(Registry.class, io.smoothspike.network.Network.class,
                org.ejml.data.DMatrixRMaj.class, org.ejml.dense.row.CommonOps_DDRM.class)) {
            String location = location(c);
            if (location != null && !classPath.contains(location)) {
                shell.addToClasspath(location);
            }
        }
        for (String imp : IMPORTS) {
            Outcome o = evalInternal(imp, null);
            if (!o.ok()) {
                throw new IllegalStateException("cannot start the session: " + o.failure().details());
            }
        }
    }

    private static String location(Class<?> c) {
        try {
            var source = c.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** Forgets every snippet and variable and starts afresh with the imports. */
    public void reset() {
        shell.close();
        internal.clear();
        interruptedSnippets.clear();
        saveAs.clear();
        start();
    }

    @Override
    public void close() {
        shell.close();
    }

    /** JShell's source analysis (completion, documentation, completeness). */
    public SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    /**
     * True when {@code source} is one or more complete snippets (or only blanks and comments); false when it needs
     * more lines, e.g. an open bracket, a trailing dot or a method header without a body.
     */
    public boolean isComplete(String source) {
        String rest = source;
        while (!rest.isBlank()) {
            CompletionInfo ci = analysis().analyzeCompletion(rest);
            Completeness c = ci.completeness();
            if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) {
                return false;
            }
            if (c == Completeness.EMPTY || c == Completeness.UNKNOWN || ci.source() == null) {
                return true;
            }
            rest = ci.remaining();
        }
        return true;
    }

    // ---- evaluation ----

    /** Evaluates the snippets of {@code source} in order, stopping at the first that fails. */
    public Outcome eval(String source) {
        return eval(source, false, null);
    }

    private Outcome evalInternal(String source, String savedAs) {
        return eval(source, true, savedAs);
    }

    private Outcome eval(String source, boolean hidden, String savedAs) {
        List<String> lines = new ArrayList<>();
        boolean interrupted = false;
        Snippet last = null;
        String lastSource = null;
        String rest = source;
        while (!rest.isBlank()) {
            CompletionInfo ci = analysis().analyzeCompletion(rest);
            if (ci.completeness() == Completeness.EMPTY) {
                break;
            }
            String one;
            if (ci.completeness().isComplete() && ci.source() != null) {
                one = ci.source();
                lastSource = rest.substring(0, rest.length() - ci.remaining().length());
                rest = ci.remaining();
            } else {
                one = rest; // incomplete or unknown: let the compiler say what is wrong
                lastSource = rest;
                rest = "";
            }
            Running run = new Running(Thread.currentThread().getThreadGroup());
            boolean callerInterrupted;
            synchronized (lock) {
                running = run;
                // an interrupt meant for a command must not break JShell's wait for the snippet
                callerInterrupted = Thread.interrupted();
            }
            List<SnippetEvent> events;
            try {
                events = shell.eval(one);
            } finally {
                synchronized (lock) {
                    run.done = true;
                    running = null;
                }
                if (callerInterrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            interrupted |= run.interrupted;
            for (SnippetEvent e : events) {
                if (e.causeSnippet() != null) {
                    continue;
                }
                if (hidden) {
                    internal.add(e.snippet().id());
                }
                if (savedAs != null) {
                    saveAs.put(e.snippet().id(), savedAs);
                }
                if (run.interrupted) {
                    interruptedSnippets.add(e.snippet().id());
                }
                last = e.snippet();
                Failure f = failureOf(e, run);
                if (f != null) {
                    return new Outcome(lines, f, interrupted, last, lastSource);
                }
                String shown = describe(e);
                if (shown != null && !hidden) {
                    lines.add(shown);
                }
            }
            if (run.interrupted && run.stopped()) {
                return new Outcome(lines, Failure.of("interrupted: the snippet was stopped"), true, last, lastSource);
            }
        }
        return new Outcome(lines, null, interrupted, last, lastSource);
    }

    private Failure failureOf(SnippetEvent e, Running run) {
        if (e.status() == Snippet.Status.REJECTED) {
            return compileFailure(e.snippet());
        }
        JShellException ex = e.exception();
        if (ex == null) {
            return null;
        }
        String prefix = run.interrupted ? "interrupted: " : "";
        if (ex instanceof EvalException ee) {
            String name = simpleName(ee.getExceptionClassName());
            String msg = ee.getMessage();
            return new Failure(prefix + "exception: " + name + (msg == null ? "" : ": " + Failure.firstLine(msg)),
                    stackTrace(ee));
        }
        if (ex instanceof UnresolvedReferenceException ure) {
            String missing = shell.unresolvedDependencies(ure.getSnippet()).collect(Collectors.joining(", "));
            return Failure.of("error: " + ure.getSnippet().name() + " cannot run until " + missing
                    + " is declared");
        }
        return Failure.of(prefix + "exception: " + ex.getMessage());
    }

    private Failure compileFailure(Snippet s) {
        List<Diag> errors = shell.diagnostics(s).filter(Diag::isError).collect(Collectors.toList());
        if (errors.isEmpty()) {
            String why = s.kind() == Snippet.Kind.ERRONEOUS ? "this is not a Java snippet" : "snippet rejected";
            return Failure.of("error: " + why + ": " + Failure.firstLine(s.source().strip()));
        }
        StringBuilder details = new StringBuilder();
        for (Diag d : errors) {
            details.append(d.getMessage(Locale.ROOT)).append('\n').append(pointAt(s.source(), d)).append('\n');
        }
        String summary = "error: " + oneLine(errors.get(0).getMessage(Locale.ROOT));
        if (errors.size() > 1) {
            summary += " (and " + (errors.size() - 1) + " more)";
        }
        return new Failure(summary, details.toString().stripTrailing());
    }

    /**
     * A compiler message on one line: "cannot find symbol\n  symbol: variable x\n  location: …" becomes "cannot find
     * symbol: x"; the required, found and reason lines of a mismatch are kept ("… cannot be applied to given types;
     * required: int; found: no arguments; reason: …").
     */
    static String oneLine(String message) {
        String[] lines = message.split("\n");
        StringBuilder out = new StringBuilder(lines[0].strip());
        for (String l : lines) {
            String t = l.strip();
            if (t.startsWith("symbol:")) {
                String sym = t.substring("symbol:".length()).strip();
                sym = sym.replaceFirst("^(variable|class|method|package|interface|enum|record)\\s+", "");
                return out + ": " + sym;
            }
            if (t.startsWith("required:") || t.startsWith("found:") || t.startsWith("reason:")) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ';') {
                    out.append(';');
                }
                out.append(' ').append(t.replaceFirst(":\\s+", ": "));
            }
        }
        return out.toString();
    }

    private static String pointAt(String source, Diag d) {
        long pos = d.getStartPosition() == Diagnostic.NOPOS ? d.getPosition() : d.getStartPosition();
        if (pos < 0 || pos > source.length()) {
            return source;
        }
        int start = source.lastIndexOf('\n', (int) pos - 1) + 1;
        int end = source.indexOf('\n', (int) pos);
        String line = source.substring(start, end < 0 ? source.length() : end);
        return line + "\n" + " ".repeat((int) pos - start) + "^";
    }

    private static String stackTrace(EvalException e) {
        StringBuilder sb = new StringBuilder();
        Throwable t = e;
        String indent = "";
        while (t != null) {
            String name = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
            sb.append(indent.isEmpty() ? "" : "Caused by: ").append(name);
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage());
            }
            sb.append('\n');
            for (StackTraceElement f : t.getStackTrace()) {
                String where = f.getClassName().isEmpty() || ".".equals(f.getClassName())
                        ? "snippet (" + f.getFileName() + ":" + f.getLineNumber() + ")" : f.toString();
                sb.append("        at ").append(where).append('\n');
            }
            t = t.getCause();
            indent = "  ";
        }
        return sb.toString().stripTrailing();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private String describe(SnippetEvent e) {
        Snippet s = e.snippet();
        if (s instanceof VarSnippet v) {
            return v.name() + " ==> " + display(v.name(), v.typeName(), e.value());
        }
        if (s instanceof ExpressionSnippet x && x.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND) {
            return x.name() + " ==> " + display(x.name(), x.typeName(), e.value());
        }
        if (s instanceof MethodSnippet m) {
            String text = "created method " + m.name() + "(" + m.parameterTypes() + ")";
            return text + unresolved(m);
        }
        if (s instanceof TypeDeclSnippet t) {
            String kind = t.subKind().name().replace("_SUBKIND", "").toLowerCase(Locale.ROOT);
            return "created " + kind + " " + t.name() + unresolved(t);
        }
        return null;
    }

    private String unresolved(DeclarationSnippet d) {
        List<String> missing = shell.unresolvedDependencies(d).collect(Collectors.toList());
        return missing.isEmpty() ? "" : ", however, it cannot be used until " + String.join(", ", missing)
                + " is declared";
    }

    /** A variable's value as shown: a {@link ValueFormat} summary, else its string, shortened. */
    private String display(String name, String typeName, String value) {
        if (value != null && !"null".equals(value) && ValueFormat.covers(typeName)) {
            try {
                String summary = ValueFormat.summary(valueOf(name));
                if (summary != null) {
                    return summary;
                }
            } catch (RuntimeException e) {
                // fall back to the string
            }
        }
        return shorten(value);
    }

    static String shorten(String value) {
        if (value == null) {
            return "null";
        }
        if (value.length() <= MAX_VALUE_CHARS) {
            return value;
        }
        return value.substring(0, MAX_VALUE_CHARS) + " ... (" + value.length() + " characters; print it for all)";
    }

    // ---- interrupting ----

    /**
     * Interrupts the snippet now running (from another thread, e.g. on Ctrl-C): the thread that runs it is
     * interrupted, so that training stops cleanly after its current step; a snippet still running
     * {@value #STOP_AFTER_MS} ms later is stopped with {@link JShell#stop()}. Does nothing when no snippet runs.
     */
    public void interrupt() {
        interrupt(() -> { });
    }

    /** As {@link #interrupt()}; runs {@code otherwise} instead when no snippet is being evaluated. */
    public void interrupt(Runnable otherwise) {
        Running run;
        synchronized (lock) {
            run = running;
            if (run == null) {
                otherwise.run();
                return;
            }
            run.interrupted = true;
        }
        Thread watchdog = new Thread(() -> {
            long deadline = System.nanoTime() + STOP_AFTER_MS * 1_000_000L;
            boolean sent = false;
            while (!run.done && System.nanoTime() < deadline) {
                if (!sent) {
                    Thread t = run.snippetThread();
                    if (t != null) {
                        t.interrupt();
                        sent = true;
                    }
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (!run.done) {
                run.stopRequested = true;
                shell.stop();
            }
        }, "smoothspike-interrupt");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** True while a snippet is being evaluated. */
    public boolean isRunning() {
        return running != null;
    }

    /**
     * One evaluation in progress. Local execution runs each snippet on a new thread in a new thread group below the
     * evaluating thread's group; the snippet's thread is the oldest thread of a group that appeared during this
     * evaluation (threads the snippet starts are younger).
     */
    private static final class Running {
        private final ThreadGroup parent;
        private final Set<ThreadGroup> before = Collections.newSetFromMap(new IdentityHashMap<>());
        volatile boolean done;
        volatile boolean interrupted;
        volatile boolean stopRequested;

        Running(ThreadGroup parent) {
            this.parent = parent;
            before.addAll(groups());
        }

        private List<ThreadGroup> groups() {
            ThreadGroup[] gs = new ThreadGroup[parent.activeGroupCount() + 16];
            int n = parent.enumerate(gs, false);
            return Arrays.asList(gs).subList(0, n);
        }

        Thread snippetThread() {
            Thread oldest = null;
            for (ThreadGroup g : groups()) {
                if (before.contains(g)) {
                    continue;
                }
                Thread[] ts = new Thread[g.activeCount() + 16];
                int n = g.enumerate(ts, true);
                for (int i = 0; i < n; i++) {
                    if (ts[i].isAlive() && (oldest == null || ts[i].getId() < oldest.getId())) {
                        oldest = ts[i];
                    }
                }
            }
            return oldest;
        }

        boolean stopped() {
            return stopRequested;
        }
    }

    // ---- variables and objects ----

    /** The session's variables (those the user can refer to), in the order they were declared. */
    public List<Variable> variables() {
        List<Variable> out = new ArrayList<>();
        shell.variables().filter(v -> shell.status(v) == Snippet.Status.VALID).collect(Collectors.toList())
                .forEach(v -> out.add(new Variable(v.name(), v.typeName(),
                        display(v.name(), v.typeName(), shell.varValue(v)))));
        return out;
    }

    /** The names of the session's variables. */
    public List<String> variableNames() {
        return shell.variables().filter(v -> shell.status(v) == Snippet.Status.VALID).map(VarSnippet::name)
                .collect(Collectors.toList());
    }

    /** True when a variable {@code name} is declared, even one not yet usable (a new one would replace it). */
    public boolean isDeclared(String name) {
        return shell.variables().anyMatch(v -> v.name().equals(name) && shell.status(v).isActive());
    }

    /** True when the session has a variable called {@code name}. */
    public boolean hasVariable(String name) {
        return variableNames().contains(name);
    }

    /** The object held by variable {@code name} (the real object, not a copy). */
    public Object valueOf(String name) {
        if (!hasVariable(name)) {
            throw new IllegalArgumentException("no variable '" + name + "' (see /vars)");
        }
        String key = Registry.newKey();
        Outcome o = evalInternal(Registry.class.getName() + ".put(\"" + key + "\", " + name + ");", null);
        if (!o.ok()) {
            throw new IllegalStateException("cannot read variable '" + name + "': " + o.failure().summary());
        }
        return Registry.take(key);
    }

    /**
     * Declares variable {@code name} holding {@code value} (of its class's type); {@code savedAs} is the source that
     * /save writes for it. Returns the evaluation's outcome ({@code name ==> …}).
     */
    public Outcome bind(String name, Object value, String savedAs) {
        String key = Registry.newKey();
        Registry.put(key, value);
        String type = value.getClass().getCanonicalName();
        Outcome o = eval(type + " " + name + " = " + take(key) + ";", false, savedAs);
        Registry.discard(key);
        return o;
    }

    /**
     * Applies {@code line} (".method(…)…") to the value of variable {@code name}, taken as of static type
     * {@code type}, and declares the result as {@code prefix} says ({@code "var b = "}, or {@code ""} for a new
     * {@code $N}); /save writes {@code savedAs} for it. The line runs on its own first, so the variable keeps its
     * value when the line fails (see {@link LeadingDot}).
     */
    Outcome extend(String name, String type, String prefix, String line, String savedAs) {
        String in = Registry.newKey();
        String out = Registry.newKey();
        Registry.put(in, valueOf(name));
        String extended = "((" + type + ") " + take(in) + ")" + line;
        String resultType = analysis().analyzeType(extended, extended.length());
        try {
            if (resultType == null || "void".equals(resultType)) { // let the compiler say what is wrong, or run it
                return eval(extended, false, savedAs);
            }
            Outcome run = evalInternal(Registry.class.getName() + ".put(\"" + out + "\", " + extended + ");", null);
            if (!run.ok()) {
                return run;
            }
            if (name.startsWith("$")) { // the new $N holds what the old one did, continued: save only the new one
                shell.variables().filter(v -> v.name().equals(name)).forEach(v -> saveAs.put(v.id(),
                        "// " + name + " was continued by the next snippet"));
            }
            return eval(prefix + "(" + resultType + ") " + take(out), false, savedAs);
        } finally {
            Registry.discard(in);
            Registry.discard(out);
        }
    }

    /** The source of an expression that takes the object handed over under {@code key} from the {@link Registry}. */
    private static String take(String key) {
        return Registry.class.getName() + ".take(\"" + key + "\")";
    }

    /** The status of {@code snippet} in this session. */
    Snippet.Status status(Snippet snippet) {
        return shell.status(snippet);
    }

    /**
     * The session's snippets as source to /load later: the imports, then every active snippet the user typed, except
     * those interrupted by Ctrl-C.
     */
    public String sessionSource() {
        StringBuilder sb = new StringBuilder(String.join("\n", IMPORTS)).append("\n\n");
        shell.snippets().filter(s -> !internal.contains(s.id()) && !interruptedSnippets.contains(s.id())
                && shell.status(s).isActive()
                && s.kind() != Snippet.Kind.ERRONEOUS).forEach(s -> {
                    String text = saveAs.getOrDefault(s.id(), s.source().strip());
                    if (!text.startsWith("/") && !text.endsWith(";") && !text.endsWith("}")) {
                        text += ";";
                    }
                    sb.append(text).append('\n');
                });
        return sb.toString();
    }
}
