package io.smoothspike.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smoothspike.io.AtomicFiles;
import io.smoothspike.loss.Loss;
import io.smoothspike.spec.NetworkSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one-file JSON form of a network: {@code {"format": "smoothspike-network", "version": 1, "spec": …,
 * "parameters": {name: [values…]}}}. Doubles are written in their shortest round-trip form, so a saved network
 * loads back bit-identically. Files are written atomically.
 */
public final class NetworkFile {

    /** The format tag. */
    public static final String FORMAT = "smoothspike-network";
    /** The version this code writes and reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = Json.MAPPER;

    private NetworkFile() {
    }

    /** The description as JSON text. */
    public static String toJson(NetworkSpec spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the description as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A description from JSON text; malformed text gives a message with its line and column. */
    public static NetworkSpec specFromJson(String json) {
        try {
            return JSON.readValue(json, NetworkSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed network description: " + describe(e), e);
        }
    }

    static void save(Network net, Path file) throws IOException {
        writeAtomically(file, toTree(net));
    }

    /** The network (description and parameters) as a JSON tree, as {@link #save} writes it. */
    public static ObjectNode toTree(Network net) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.set("spec", JSON.valueToTree(net.spec()));
        ObjectNode params = root.putObject("parameters");
        for (String name : net.parameterNames()) {
            var arr = params.putArray(name);
            for (double v : net.parameter(name)) {
                arr.add(v);
            }
        }
        return root;
    }

    /** Writes a JSON tree to {@code file} atomically (temporary file in the same folder, then rename). */
    public static void writeAtomically(Path file, JsonNode root) throws IOException {
        AtomicFiles.write(file, out -> JSON.writeValue(new NonClosing(out), root));
    }

    /** Lets Jackson write into a stream that {@link AtomicFiles} closes itself. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    static Network load(Path file, Map<String, Loss> customLosses) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "network file " + file + " does not exist");
        }
        return fromTree(readTree(file), file.toString(), customLosses);
    }

    /** Reads a JSON file; malformed text gives a message with the file, line and column. */
    public static JsonNode readTree(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, file + " does not exist");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + describe(e), e);
        }
    }

    /** A network from the tree {@link #toTree} makes; {@code file} names the source in messages. */
    public static Network fromTree(JsonNode root, String file, Map<String, Loss> customLosses) {
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException(file + ": not a SmoothSpike network file (expected \"format\": \""
                    + FORMAT + "\")");
        }
        JsonNode versionNode = root.get("version");
        if (versionNode == null || !versionNode.isInt()) {
            throw new IllegalArgumentException(file + ": the network file's \"version\" is missing or not an integer");
        }
        int version = versionNode.asInt();
        if (version != VERSION) {
            throw new IllegalArgumentException(file + ": network file version " + version + " is not supported; this "
                    + "SmoothSpike reads version " + VERSION);
        }
        NetworkSpec spec;
        try {
            spec = JSON.treeToValue(root.path("spec"), NetworkSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": malformed description: " + describe(e), e);
        }
        Network net;
        try {
            net = Network.compile(spec, customLosses);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": invalid description: " + e.getMessage(), e);
        }
        JsonNode params = root.path("parameters");
        if (!params.isObject()) {
            throw new IllegalArgumentException(file + ": \"parameters\" is missing");
        }
        for (String name : net.parameterNames()) {
            if (!params.has(name)) {
                throw new IllegalArgumentException(file + ": parameter '" + name + "' is missing");
            }
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        params.fieldNames().forEachRemaining(names::add);
        // model constants first: they decide the valid range of initial states
        names.sort(java.util.Comparator.comparing(n -> net.isConstant(n) ? 0 : 1));
        for (String name : names) {
            if (!net.parameterNames().contains(name)) {
                throw new IllegalArgumentException(file + ": unknown parameter '" + name + "' for this description");
            }
            JsonNode arr = params.get(name);
            int n = net.parameterLength(name);
            if (!arr.isArray() || arr.size() != n) {
                throw new IllegalArgumentException(file + ": parameter '" + name + "' needs " + n + " numbers, got "
                        + (arr.isArray() ? arr.size() : "no array"));
            }
            double[] v = new double[n];
            for (int k = 0; k < n; k++) {
                if (!arr.get(k).isNumber()) {
                    throw new IllegalArgumentException(file + ": parameter '" + name + "' entry " + k
                            + " is not a number");
                }
                v[k] = arr.get(k).doubleValue();
            }
            try {
                net.setParameter(name, v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        }
        return net;
    }

    private static String describe(JsonProcessingException e) {
        var loc = e.getLocation();
        String where = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
        return e.getOriginalMessage() + where;
    }
}
