package io.smoothspike.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smoothspike.io.AtomicFiles;
import io.smoothspike.loss.Loss;
import io.smoothspike.spec.NetworkSpec;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one-file JSON form of a network: {@code {"format": "smoothspike-network", "version": 1, "spec": …,
 * "parameters": {name: [values…]}}}. Doubles are written in their shortest round-trip form, so a saved network
 * loads back bit-identically. Files are written atomically. {@link #load} also reads the network of a training
 * run's {@code checkpoint.json}.
 */
public final class NetworkFile {

    /** The format tag. */
    public static final String FORMAT = "smoothspike-network";
    /** The version this code writes and reads. */
    public static final int VERSION = 1;
    /** The format tag of a training run's checkpoint, whose {@code "network"} field {@link #load} reads. */
    public static final String CHECKPOINT_FORMAT = "smoothspike-checkpoint";

    private static final ObjectMapper JSON = Json.MAPPER;
    private static final ObjectMapper STRICT = Json.STRICT;

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

    /**
     * A description from JSON text; malformed text gives a message with its line and column, a field of the wrong
     * form one with its path.
     */
    public static NetworkSpec specFromJson(String json) {
        JsonNode root;
        try {
            root = STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed network description: not JSON: " + JsonErrors.syntax(e),
                    e);
        }
        return spec(root, "", "malformed network description: ");
    }

    /** The description in {@code tree}, found at {@code path} in the file; errors start with {@code prefix}. */
    private static NetworkSpec spec(JsonNode tree, String path, String prefix) {
        if (tree == null || tree.isMissingNode()) {
            throw new IllegalArgumentException(prefix + (path.isEmpty() ? "the text is empty"
                    : "field `" + path + "` is missing"));
        }
        try {
            return STRICT.treeToValue(tree, NetworkSpec.class);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(prefix + JsonErrors.mapping(e, tree, path), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(prefix + "field `" + path + "` cannot be read: "
                    + JsonErrors.syntax(e), e);
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

    /** Loads a network file, or the network of a training run's checkpoint. */
    static Network load(Path file, Map<String, Loss> customLosses) throws IOException {
        JsonNode root = readTree(file);
        if (root.isObject() && CHECKPOINT_FORMAT.equals(root.path("format").asText())) {
            JsonNode network = root.get("network");
            if (network == null || !network.isObject()) {
                throw new IllegalArgumentException(file + ": the checkpoint holds no \"network\" object");
            }
            return fromTree(network, file + ": \"network\"", customLosses);
        }
        return fromTree(root, file.toString(), customLosses);
    }

    /**
     * Reads a JSON file. A missing file, a folder or an unreadable file is an {@link IOException} ("file not
     * found", "is a directory"); an empty file or malformed text an {@link IllegalArgumentException} naming the file
     * (and the line and column).
     */
    public static JsonNode readTree(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a directory, not a file");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "file not found");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not JSON: the file is not UTF-8 text", e);
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException(file + ": file is empty");
        }
        try {
            return STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not JSON: " + JsonErrors.syntax(e), e);
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
        NetworkSpec spec = spec(root.path("spec"), "spec", file + ": ");
        Network net;
        try {
            net = Network.compile(spec, customLosses);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": invalid description: " + e.getMessage(), e);
        }
        JsonNode params = root.path("parameters");
        if (!params.isObject()) {
            throw new IllegalArgumentException(file + ": field `parameters` " + (params.isMissingNode()
                    ? "is missing" : "must be an object {name: [values…]}"));
        }
        for (String name : net.parameterNames()) {
            if (!params.has(name)) {
                throw new IllegalArgumentException(file + ": field `parameters." + name + "` is missing");
            }
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        params.fieldNames().forEachRemaining(names::add);
        // model constants first: they decide the valid range of initial states
        names.sort(java.util.Comparator.comparing(n -> net.isConstant(n) ? 0 : 1));
        for (String name : names) {
            String field = "field `parameters." + name + "`";
            if (!net.parameterNames().contains(name)) {
                throw new IllegalArgumentException(file + ": " + field + " is not a parameter of this description; "
                        + "its parameters: " + net.parameterNames());
            }
            JsonNode arr = params.get(name);
            int n = net.parameterLength(name);
            if (!arr.isArray()) {
                throw new IllegalArgumentException(file + ": " + field + " must be a list of " + n + " numbers");
            }
            if (arr.size() != n) {
                throw new IllegalArgumentException(file + ": " + field + " has " + arr.size() + " values, expected "
                        + n);
            }
            double[] v = new double[n];
            for (int k = 0; k < n; k++) {
                if (!arr.get(k).isNumber()) {
                    throw new IllegalArgumentException(file + ": " + field + " entry " + k + " must be a number, got "
                            + arr.get(k));
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
}
