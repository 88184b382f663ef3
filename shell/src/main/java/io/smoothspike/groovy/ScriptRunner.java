package io.smoothspike.groovy;

import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import io.smoothspike.network.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;

/**
 * Runs SmoothSpike Groovy scripts: compiles them with {@link SmoothSpikeScript} as base class and the DSL's
 * packages imported, binds the output folder and {@code -P} overrides, and turns every failure into a
 * {@link ScriptError} that names the script line.
 */
public final class ScriptRunner {

    /** What a run left behind: the networks the script defined (in order) and the datasets it loaded for them. */
    public record Result(List<Network> networks, Map<Network, Object> datasets) {
    }

    private ScriptRunner() {
    }

    /** Runs the whole script. */
    public static Result run(Path script, Path out, Path dataDir, Map<String, String> overrides) {
        return execute(script, out, dataDir, overrides, ScriptContext.Mode.RUN, null);
    }

    /** Runs the whole script; its training continues from the checkpoint in {@code resume}. */
    public static Result resume(Path script, Path out, Path dataDir, Map<String, String> overrides, Path resume) {
        return execute(script, out, dataDir, overrides, ScriptContext.Mode.RUN, resume);
    }

    /** Runs the script up to its first network (no training), for gradient checks. */
    public static Result firstNetwork(Path script, Path out, Path dataDir, Map<String, String> overrides) {
        Result r = execute(script, out, dataDir, overrides, ScriptContext.Mode.FIRST_NETWORK, null);
        if (r.networks().isEmpty()) {
            throw new ScriptError(script.getFileName().toString(), -1, "the script defines no network", null);
        }
        return r;
    }

    private static Result execute(Path script, Path out, Path dataDir, Map<String, String> overrides,
            ScriptContext.Mode mode, Path resume) {
        String name = script.getFileName().toString();
        String source;
        try {
            source = Files.readString(script);
        } catch (IOException e) {
            throw new ScriptError(name, -1, "cannot read the script: " + e.getMessage(), e);
        }
        ScriptContext context = new ScriptContext(script, out, dataDir, overrides, mode);
        context.resume = resume;
        Binding binding = new Binding();
        binding.setVariable(SmoothSpikeScript.CONTEXT, context);
        try {
            runIn(binding, source, name);
        } catch (StopScript stop) {
            // the caller needed only the first network
        }
        if (!overrides.isEmpty() && !context.paramsCalled) {
            throw new ScriptError(name, -1, "-P overrides " + overrides.keySet() + " given, but the script declares "
                    + "no parameters (use params(name: default, ...))", null);
        }
        return new Result(List.copyOf(context.networks), Map.copyOf(context.datasets));
    }

    /**
     * Compiles {@code source} (named {@code name} in messages) as a SmoothSpike script and runs it in
     * {@code binding}; every failure but {@link StopScript} becomes a {@link ScriptError} naming the line.
     */
    static Object runIn(Binding binding, String source, String name) {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(SmoothSpikeScript.class.getName());
        config.addCompilationCustomizers(new ImportCustomizer()
                .addStarImports("io.smoothspike.dsl", "io.smoothspike.network", "io.smoothspike.data",
                        "io.smoothspike.train", "io.smoothspike.plot", "io.smoothspike.model"));
        GroovyShell shell = new GroovyShell(ScriptRunner.class.getClassLoader(), binding, config);
        try {
            return shell.parse(source, name).run();
        } catch (StopScript | ScriptError e) {
            throw e;
        } catch (CompilationFailedException e) {
            throw compileError(name, e);
        } catch (MissingMethodException e) {
            throw new ScriptError(name, ScriptLines.lineIn(e, name), "unknown DSL word or wrong arguments: "
                    + e.getMessage(), e);
        } catch (MissingPropertyException e) {
            throw new ScriptError(name, ScriptLines.lineIn(e, name), "unknown name '" + e.getProperty()
                    + "' (declare parameters with params(...))", e);
        } catch (Throwable e) { // scripts may throw anything: checked exceptions, failed asserts, running out of memory
            throw new ScriptError(name, ScriptLines.lineIn(e, name), FailureText.of(e), e);
        }
    }

    /** The first compilation error, located, and how many more there are. */
    private static ScriptError compileError(String name, CompilationFailedException e) {
        int line = -1;
        String message = e.getMessage();
        int count = 1;
        if (e instanceof MultipleCompilationErrorsException m && m.getErrorCollector().getErrorCount() > 0) {
            count = m.getErrorCollector().getErrorCount();
            if (m.getErrorCollector().getError(0) instanceof SyntaxErrorMessage s) {
                line = s.getCause().getLine();
                message = s.getCause().getOriginalMessage();
            }
        }
        String more = count > 1 ? " (and " + (count - 1) + " more error" + (count > 2 ? "s" : "") + ")" : "";
        return new ScriptError(name, line, "does not compile: " + message + more, e);
    }
}
