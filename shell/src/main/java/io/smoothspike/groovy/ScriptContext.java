package io.smoothspike.groovy;

import io.smoothspike.network.Network;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a running script sees of its caller: output folder, -P overrides, data folder, and what it defined. */
final class ScriptContext {

    /** Whether the script runs in full or stops after its first network (for gradient checks). */
    enum Mode { RUN, FIRST_NETWORK }

    final Path scriptFile;
    final Path out;
    final Path dataDir;
    /** Folder of a checkpoint to resume from, or null. */
    Path resume;
    final Map<String, String> overrides;
    final Mode mode;
    boolean paramsCalled;
    /** The file running now: the script, or a file it includes. */
    Path currentFile;
    /** Defaults that the including script sets for the parameters of the file running now. */
    Map<String, Object> includeDefaults = Map.of();
    final List<Network> networks = new ArrayList<>();
    final Map<Network, Object> datasets = new LinkedHashMap<>();
    Object lastDataset;
    /** The last training result of each network the script trained (for export). */
    final Map<Network, io.smoothspike.train.TrainingResult> trainings = new LinkedHashMap<>();

    ScriptContext(Path scriptFile, Path out, Path dataDir, Map<String, String> overrides, Mode mode) {
        this.scriptFile = scriptFile;
        this.currentFile = scriptFile;
        this.out = out;
        this.dataDir = dataDir;
        this.overrides = Map.copyOf(overrides);
        this.mode = mode;
    }

    /** Name of the file running now, for messages. */
    String fileName() {
        return currentFile.getFileName().toString();
    }
}
