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
import org.codehaus.groovy.control.customizers.ImportCustomizer;

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
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(SmoothSpikeScript.class.getName());
        config.addCompilationCustomizers(new ImportCustomizer()
                .addStarImports("io.smoothspike.dsl", "io.smoothspike.network", "io.smoothspike.data",
                        "io.smoothspike.train", "io.smoothspike.plot"));
        Binding binding = new Binding();
        binding.setVariable(SmoothSpikeScript.CONTEXT, context);
        GroovyShell shell = new GroovyShell(ScriptRunner.class.getClassLoader(), binding, config);
        try {
            shell.parse(source, name).run();
        } catch (StopScript stop) {
            // the caller needed only the first network
        } catch (ScriptError e) {
            throw e;
        } catch (CompilationFailedException e) {
            throw new ScriptError(name, -1, "does not compile:\n" + e.getMessage(), e);
        } catch (MissingMethodException e) {
            throw new ScriptError(name, ScriptLines.lineIn(e, name), "unknown DSL word or wrong arguments: "
                    + e.getMessage(), e);
        } catch (MissingPropertyException e) {
            throw new ScriptError(name, ScriptLines.lineIn(e, name), "unknown name '" + e.getProperty()
                    + "' (declare parameters with params(...))", e);
        } catch (Exception e) { // Groovy rethrows checked exceptions (an IOException of Network.load) unwrapped
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new ScriptError(name, ScriptLines.lineIn(e, name), message, e);
        }
        if (!overrides.isEmpty() && !context.paramsCalled) {
            throw new ScriptError(name, -1, "-P overrides " + overrides.keySet() + " given, but the script declares "
                    + "no parameters (use params(name: default, ...))", null);
        }
        return new Result(List.copyOf(context.networks), Map.copyOf(context.datasets));
    }
}
