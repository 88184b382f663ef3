package io.smoothspike.groovy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smoothspike.network.Network;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripts on IDX files of one's own ({@code idx(…)}) and scripts that include other script files. */
class IdxScriptTest {

    @TempDir
    Path dir;

    /** {@code n} images of 6x4 pixels per split, in 3 classes: class c lights row c. */
    private static Path writeIdx(Path folder, int n) throws IOException {
        Files.createDirectories(folder);
        for (String prefix : new String[] {"train", "t10k"}) {
            try (DataOutputStream img = new DataOutputStream(Files.newOutputStream(
                    folder.resolve(prefix + "-images-idx3-ubyte")));
                    DataOutputStream lab = new DataOutputStream(Files.newOutputStream(
                            folder.resolve(prefix + "-labels-idx1-ubyte")))) {
                img.writeInt(0x00000803);
                img.writeInt(n);
                img.writeInt(6);
                img.writeInt(4);
                lab.writeInt(0x00000801);
                lab.writeInt(n);
                for (int k = 0; k < n; k++) {
                    for (int p = 0; p < 24; p++) {
                        img.writeByte(p / 4 == k % 3 ? 255 : 0);
                    }
                    lab.writeByte(k % 3);
                }
            }
        }
        return folder;
    }

    private Path script(String name, String body) throws IOException {
        return Files.writeString(dir.resolve(name), body);
    }

    @Test
    void idxSetsSizeTheNetworkAndTrain() throws IOException {
        Path data = writeIdx(dir.resolve("own"), 12);
        Path s = script("own.groovy", """
                def trainSet = idx(dir: '%s', split: 'train')
                def testSet = idx(images: '%s', labels: '%s')
                def net = network('own') {
                    trial duration: 2, spikeCap: 50
                    input 'pixels', size: trainSet.pixelCount(), image: [bins: 1]
                    population 'out', size: trainSet.classes(), model: theta(tau: 1, drive: 1.25), phase0: 2
                    connect 'pixels', 'out', weights: fanInUniform(scale: 1, seed: 1)
                    readout 'out'
                    loss crossEntropy(gamma: 0.01)
                }
                train(net, data: trainSet, test: testSet, epochs: 1, batch: 4)
                write 'sizes.txt', "${trainSet.pixelCount()} ${trainSet.classes()} ${testSet.size()}"
                """.formatted(data, data.resolve("t10k-images-idx3-ubyte"), data.resolve("t10k-labels-idx1-ubyte")));
        ScriptRunner.Result r = ScriptRunner.run(s, dir.resolve("out"), null, Map.of());
        Network net = r.networks().get(0);
        assertEquals(24, net.graph().inputCount());
        assertEquals(3, net.graph().neuronCount());
        assertEquals("24 3 12", Files.readString(dir.resolve("out/sizes.txt")));
        assertTrue(Files.size(dir.resolve("out/metrics.csv")) > 0);
    }

    @Test
    void idxArgumentsAreCheckedAtTheirLine() throws IOException {
        Path data = writeIdx(dir.resolve("own"), 3);
        ScriptError both = assertThrows(ScriptError.class, () -> ScriptRunner.run(script("a.groovy",
                "def x = 1\nidx(dir: '" + data + "', images: 'x')\n"), dir, null, Map.of()));
        assertEquals("a.groovy:2: idx: give dir: (and split:) or images: and labels:, not both", both.getMessage());
        ScriptError none = assertThrows(ScriptError.class, () -> ScriptRunner.run(script("b.groovy",
                "idx(labels: 'x')\n"), dir, null, Map.of()));
        assertEquals("b.groovy:1: idx: needs dir: 'folder' (with split: 'train' or 'test'), or images: and labels:"
                + " files", none.getMessage());
        ScriptError split = assertThrows(ScriptError.class, () -> ScriptRunner.run(script("c.groovy",
                "idx(dir: '" + data + "', split: 'valid')\n"), dir, null, Map.of()));
        assertEquals("c.groovy:1: idx: split must be 'train' or 'test', got 'valid'", split.getMessage());
        ScriptError missing = assertThrows(ScriptError.class, () -> ScriptRunner.run(script("d.groovy",
                "idx(dir: '" + dir.resolve("nothing") + "')\n"), dir, null, Map.of()));
        assertTrue(missing.getMessage().startsWith("d.groovy:1: idx: no IDX files in " + dir.resolve("nothing")),
                missing.getMessage());
    }

    @Test
    void includedFilesShareParametersAndNameTheirOwnLines() throws IOException {
        script("common.groovy", "def p = params(width: 3, label: 'x')\nwrite 'p.txt', \"${p.width} ${p.label}\"\n"
                + "if (p.width > 5) {\n    throw new IllegalStateException('too wide')\n}\n");
        Path main = script("main.groovy", "// defaults of the included file\ninclude 'common.groovy', label: 'y'\n");
        ScriptRunner.run(main, dir.resolve("a"), null, Map.of());
        assertEquals("3 y", Files.readString(dir.resolve("a/p.txt")));
        ScriptRunner.run(main, dir.resolve("b"), null, Map.of("width", "4", "label", "z"));
        assertEquals("4 z", Files.readString(dir.resolve("b/p.txt")), "-P overrides win");

        ScriptError inside = assertThrows(ScriptError.class,
                () -> ScriptRunner.run(main, dir.resolve("c"), null, Map.of("width", "9")));
        assertEquals("common.groovy:4: too wide", inside.getMessage());
        ScriptError unknown = assertThrows(ScriptError.class, () -> ScriptRunner.run(script("u.groovy",
                "include 'common.groovy', depth: 2\n"), dir.resolve("d"), null, Map.of()));
        assertEquals("common.groovy:1: include sets parameter 'depth', but common.groovy declares [width, label]",
                unknown.getMessage());
        ScriptError absent = assertThrows(ScriptError.class, () -> ScriptRunner.run(script("v.groovy",
                "\ninclude 'gone.groovy'\n"), dir.resolve("e"), null, Map.of()));
        assertTrue(absent.getMessage().startsWith("v.groovy:2: include: cannot read " + dir.resolve("gone.groovy")),
                absent.getMessage());
        script("n.groovy", "\nnetwork('n') {\n    trial duration: -1\n}\n");
        ScriptError network = assertThrows(ScriptError.class, () -> ScriptRunner.run(script("w.groovy",
                "include 'n.groovy'\n"), dir.resolve("f"), null, Map.of()));
        assertTrue(network.getMessage().startsWith("n.groovy:"), "a network error names the included file: "
                + network.getMessage());
    }
}
