package io.smoothspike.network;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken network files, edited as a user would, give messages in the user's words: the file, what is wrong and
 * where (line and column, or the field's path), and never Jackson's internals.
 */
class NetworkFileErrorsTest {

    /** Words of Jackson's or Java's internals that a user must never see. */
    private static final List<String> INTERNALS = List.of("Jackson", "JsonNode", "REDACTED", "ALLOW_NON_NUMERIC",
            "line -1", "column -1", "CoercionConfig", "io.smoothspike.spec", "`double`", "`int`", "POJO", "token",
            "Creator", "DeserializationFeature", "java.");

    @TempDir
    Path dir;

    private String saved() throws IOException {
        Path file = dir.resolve("good.json");
        Network.compile(NetworkFileTest.smallSpec()).save(file);
        return Files.readString(file);
    }

    private static Arguments edit(String title, UnaryOperator<String> change, String... fragments) {
        return Arguments.of(Named.of(title, change), fragments);
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                edit("empty file", s -> "", "file is empty"),
                edit("only blanks", s -> "  \n\t ", "file is empty"),
                edit("truncated", s -> s.substring(0, s.length() / 2), "not JSON: line ", " column ",
                        "the text ends too early"),
                edit("text after the end", s -> s + "\n{ }", "not JSON: line ", "more text follows the end of "
                        + "the JSON value"),
                edit("not JSON at all", s -> "hello", "not JSON: line 1 column 1", "Unexpected word 'hello'"),
                edit("NaN duration", s -> s.replace("\"duration\" : 4.0", "\"duration\" : NaN"),
                        "trial.duration", "got NaN"),
                edit("Infinity tau", s -> s.replace("\"tau\" : 1.0", "\"tau\" : Infinity"),
                        "tau must be a positive finite number, got Infinity"),
                edit("string for a number", s -> s.replace("\"duration\" : 4.0", "\"duration\" : \"4\""),
                        "field `spec.trial.duration` must be a number, got the string \"4\""),
                edit("decimal size", s -> s.replace("\"size\" : 4,", "\"size\" : 1.5,"),
                        "field `spec.populations[0].size` must be an integer", "got 1.5"),
                edit("size past the int range", s -> s.replace("\"size\" : 4,", "\"size\" : 4294967297,"),
                        "field `spec.populations[0].size` must be an integer in [-2147483648, 2147483647], "
                                + "got 4294967297"),
                edit("spike cap in exponent form", s -> s.replace("\"spikeCap\" : 1000", "\"spikeCap\" : 1e10"),
                        "field `spec.trial.spikeCap` must be an integer", "got 1.0E10"),
                edit("population too large to build", s -> s.replace("\"size\" : 4,", "\"size\" : 2000000000,"),
                        "invalid description: populations[h]: 2000000000 neurons with 2 state coordinates each are "
                                + "4e9 numbers (89.4 GiB to build), more than one Java array holds"),
                edit("size missing", s -> s.replace("\"size\" : 4,", ""),
                        "field `spec.populations[0].size` is missing"),
                edit("boolean as string", s -> s.replaceFirst("\"trainInitial\" : false", "\"trainInitial\" : \"no\""),
                        "field `spec.populations[0].trainInitial` must be true or false, got the string \"no\""),
                edit("unknown field", s -> s.replace("\"name\" : \"h\",", "\"name\" : \"h\", \"colour\" : \"red\","),
                        "field `spec.populations[0].colour` is unknown; known fields here: initial, model, name, "
                                + "size, trainConstants, trainInitial"),
                edit("unknown kind", s -> s.replace("\"kind\" : \"uniform\"", "\"kind\" : \"gaussian\""),
                        "field `spec.projections[0].weights.kind` is 'gaussian', not a known kind: constant, "
                                + "fanInUniform, matrix, normal, orthogonal, spectralRadius, uniform, values"),
                edit("kind missing", s -> s.replace("\"kind\" : \"uniform\",", ""),
                        "field `spec.projections[0].weights.kind` is missing; known kinds:"),
                edit("unknown loss", s -> s.replace("\"kind\" : \"crossEntropy\"", "\"kind\" : \"hinge\""),
                        "field `spec.loss.kind` is 'hinge'"),
                edit("unknown model name", s -> s.replace("\"type\" : \"qif\"", "\"type\" : \"izhikevich\""),
                        "unknown neuron model 'izhikevich'", "NeuronModels.register(MyModel.TYPE)"),
                edit("model constant a string", s -> s.replace("\"tau\" : 1.0,\n        \"drive\"",
                        "\"tau\" : \"fast\",\n        \"drive\""),
                        "field `spec.populations[1].model.tau` must be a number, got the string \"fast\""),
                edit("unknown model constant", s -> s.replace("\"type\" : \"qif\",", "\"type\" : \"qif\", "
                        + "\"gain\" : 2,"), "populations[h].model: the qif model has no constant 'gain'; the qif "
                        + "model's constants: tau > 0"),
                edit("model constant null", s -> s.replace("\"type\" : \"qif\",", "\"type\" : \"qif\", "
                        + "\"gain\" : null,"), "populations[h].model: constant 'gain' of the qif model is null"),
                edit("number for a name", s -> s.replace("\"name\" : \"small\"", "\"name\" : 5"),
                        "field `spec.name` must be a string, got 5"),
                edit("word for the readout neurons", s -> s.replace("\"neurons\" : null", "\"neurons\" : \"all\""),
                        "field `spec.output.neurons` must be a list of integers, got the string \"all\""),
                edit("list for a number", s -> s.replace("\"gamma\" : 0.1", "\"gamma\" : [ 0.1 ]"),
                        "field `spec.loss.gamma` must be a number, got a list"),
                edit("readout neuron 0.5", s -> s.replace("\"neurons\" : null", "\"neurons\" : [ 0.5 ]"),
                        "field `spec.output.neurons[0]` must be an integer", "got 0.5"),
                edit("spike list not a list", s -> s.replace("[ [ 0.1 ], [ 0.2, 0.5 ], [ 0.3 ] ]",
                        "[ [ 0.1 ], 0.2, [ 0.3 ] ]"),
                        "field `spec.inputs[0].source.times[1]` must be a list of numbers, got 0.2"),
                edit("spike time a string", s -> s.replace("[ 0.2, 0.5 ]", "[ 0.2, \"x\" ]"),
                        "field `spec.inputs[0].source.times[1][1]` must be a number, got the string \"x\""),
                edit("spec not an object", s -> s.replaceFirst("\"spec\" : \\{", "\"spec\" : 5, \"old\" : {"),
                        "field `spec` must be an object"),
                edit("parameters not an object", s -> s.replaceFirst("\"parameters\" : \\{", "\"parameters\" : [], "
                        + "\"old\" : {"), "field `parameters` must be an object"),
                edit("too few weights", s -> s.replaceFirst("(\"h->out\\.weight\" : \\[ )[^,]*, ", "$1"),
                        "field `parameters.h->out.weight` has 7 values, expected 8"),
                edit("weight a string", s -> s.replaceFirst("(\"h->out\\.weight\" : \\[ )", "$1\"0.5\", ")
                        .replaceFirst("(\"h->out\\.weight\" : \\[ \"0.5\", )[^,]*, ", "$1"),
                        "field `parameters.h->out.weight` entry 0 must be a number, got \"0.5\""),
                edit("weight NaN", s -> s.replaceFirst("(\"h->out\\.weight\" : \\[ )[^,]*, ", "$1NaN, "),
                        "h->out.weight", "not finite: NaN"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void brokenFilesAreExplainedInTheUsersWords(UnaryOperator<String> change, String[] fragments) throws IOException {
        String good = saved();
        String bad = change.apply(good);
        assertNotEquals(good, bad, "the edit applies");
        Path file = dir.resolve("bad.json");
        Files.writeString(file, bad, StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.load(file));
        assertClean(e.getMessage(), file);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message should contain '" + f + "': " + e.getMessage());
        }
    }

    @Test
    void aMissingFileIsNotFound() {
        Path file = dir.resolve("nowhere.json");
        IOException e = assertThrows(IOException.class, () -> Network.load(file));
        assertClean(e.getMessage(), file);
        assertTrue(e.getMessage().endsWith("file not found"), e.getMessage());
    }

    @Test
    void aFolderIsADirectory() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("model.json"));
        IOException e = assertThrows(IOException.class, () -> Network.load(folder));
        assertClean(e.getMessage(), folder);
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void binaryContentIsNotJson() throws IOException {
        Path file = dir.resolve("binary.json");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0xc3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.load(file));
        assertClean(e.getMessage(), file);
        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
    }

    @Test
    void aDescriptionFromTextNamesTheFieldToo() {
        String json = NetworkFile.toJson(NetworkFileTest.smallSpec()).replace("\"size\" : 4,", "\"size\" : \"4\",");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkFile.specFromJson(json));
        assertTrue(e.getMessage().contains("field `populations[0].size` must be an integer"), e.getMessage());
        assertFalse(INTERNALS.stream().anyMatch(e.getMessage()::contains), e.getMessage());
    }

    private static void assertClean(String message, Path file) {
        assertTrue(message.contains(file.toString()), "names the file: " + message);
        for (String word : INTERNALS) {
            assertFalse(message.contains(word), "'" + word + "' in: " + message);
        }
    }
}
