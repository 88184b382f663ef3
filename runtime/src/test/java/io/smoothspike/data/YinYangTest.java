package io.smoothspike.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Yin-Yang generator against numpy. The reference values, yinyang_reference.json in this package's test
 * resources, were made once by make_yinyang_reference.py (beside it, numpy 2.4.6's legacy RandomState): raw MT19937
 * outputs, randint(3) and rand() draws, and per split a SHA-256 over all its samples plus some rows, every double
 * as float.hex() so that they compare bit for bit.
 */
class YinYangTest {

    private static JsonNode reference;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = YinYangTest.class.getResourceAsStream("yinyang_reference.json")) {
            reference = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void mersenneTwisterDrawsAsNumpysLegacyRandomState() {
        for (JsonNode seed : reference.get("mt19937")) {
            LegacyNumpyRandom random = new LegacyNumpyRandom(seed.get("seed").asLong());
            long[] raw = new long[700];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = Integer.toUnsignedLong(random.nextInt());
            }
            int[] at = {0, 1, 2, 623, 624, 699};
            for (int k = 0; k < at.length; k++) {
                assertEquals(seed.get("uint32").get(k).asLong(), raw[at[k]], "seed " + seed.get("seed") + ", draw "
                        + at[k]);
            }
            for (JsonNode c : seed.get("randint3")) {
                assertEquals(c.asInt(), random.randint(3), "randint(3), seed " + seed.get("seed"));
            }
            for (JsonNode r : seed.get("rand")) {
                assertEquals(Double.parseDouble(r.asText()), random.rand(), 0.0, "rand(), seed " + seed.get("seed"));
            }
        }
    }

    @Test
    void mersenneTwisterMatchesTheReferenceImplementation() {
        // Matsumoto and Nishimura's mt19937ar.c: init_genrand(5489), first output 3499211612
        assertEquals(3499211612L, Integer.toUnsignedLong(new LegacyNumpyRandom(5489).nextInt()));
        assertThrows(IllegalArgumentException.class, () -> new LegacyNumpyRandom(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> new LegacyNumpyRandom(-1));
    }

    @Test
    void allThreeSplitsEqualNumpysBitForBit() throws NoSuchAlgorithmException {
        for (JsonNode expected : reference.get("splits")) {
            YinYang.Split split = YinYang.Split.named(expected.get("name").asText());
            assertEquals(expected.get("seed").asLong(), split.seed());
            assertEquals(expected.get("size").asInt(), split.size());
            YinYang data = YinYang.split(split);
            assertEquals(split.size(), data.size());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            int[] counts = new int[YinYang.CLASSES];
            ByteBuffer row = ByteBuffer.allocate(4 * Double.BYTES + Integer.BYTES);
            for (int i = 0; i < data.size(); i++) {
                row.clear();
                for (double f : data.features(i)) {
                    row.putDouble(f);
                }
                sha.update(row.putInt(data.label(i)).array());
                counts[data.label(i)]++;
            }
            assertEquals(expected.get("sha256").asText(), HexFormat.of().formatHex(sha.digest()), split.label());
            for (int c = 0; c < counts.length; c++) {
                assertEquals(expected.get("labels").get(c).asInt(), counts[c], split.label() + ", class " + c);
            }
            expected.get("rows").fields().forEachRemaining(e -> {
                int i = Integer.parseInt(e.getKey());
                double[] values = new double[4];
                for (int k = 0; k < 4; k++) {
                    values[k] = Double.parseDouble(e.getValue().get(k).asText());
                }
                assertArrayEquals(values, data.features(i), 0.0, split.label() + " row " + i);
                assertEquals(e.getValue().get(4).asInt(), data.label(i), split.label() + " row " + i);
            });
        }
    }

    @Test
    void csvPrintsEveryNumberAsDoubleToString() {
        YinYang test = YinYang.split("test");
        String[] lines = test.csv().split("\n", -1);
        assertEquals(test.size() + 2, lines.length); // header, rows, and the empty rest after the last newline
        assertEquals("x,y,x_flipped,y_flipped,label", lines[0]);
        assertEquals("", lines[lines.length - 1]);
        // test row 0 verbatim: numpy's values 0x1.df6e0fe77e0e4p-3, 0x1.9b5dcab9967b6p-2, their flips, label 2
        assertEquals("0.23409664559563403,0.4017249751828972,0.765903354404366,0.5982750248171028,2", lines[1]);
        for (int i = 0; i < test.size(); i++) {
            String[] cells = lines[i + 1].split(",");
            double[] f = test.features(i);
            for (int k = 0; k < 4; k++) {
                assertEquals(Double.toString(f[k]), cells[k]);
                assertEquals(f[k], Double.parseDouble(cells[k]), 0.0);
            }
            assertEquals(Integer.toString(test.label(i)), cells[4]);
        }
    }

    @Test
    void classesFollowThePublishedGeometry() {
        assertEquals(2, YinYang.classOf(0.25, 0.5), "left dot");
        assertEquals(2, YinYang.classOf(0.75, 0.55), "right dot");
        assertEquals(1, YinYang.classOf(0.5, 0.9), "upper half");
        assertEquals(1, YinYang.classOf(0.25, 0.65), "around the left dot, above it");
        assertEquals(1, YinYang.classOf(0.25, 0.35), "around the left dot, below it");
        assertEquals(0, YinYang.classOf(0.5, 0.1), "lower half");
        assertEquals(0, YinYang.classOf(0.75, 0.65), "around the right dot, above it");
        assertEquals(0, YinYang.classOf(0.75, 0.35), "around the right dot, below it");
    }

    @Test
    void encodingGivesOneExactSpikePerFeatureAndABiasChannel() {
        YinYang data = YinYang.generate(7, 3);
        DataSource source = data.source(new YinYang.Encoding(0.2, 1.2, OptionalDouble.of(0.1)));
        assertEquals(3, source.size());
        for (int i = 0; i < 3; i++) {
            double[][] t = source.inputTimes(i);
            assertEquals(5, t.length);
            double[] f = data.features(i);
            for (int c = 0; c < 4; c++) {
                assertArrayEquals(new double[] {0.2 + (1.2 - 0.2) * f[c]}, t[c], 0.0);
            }
            assertArrayEquals(new double[] {0.1}, t[4], 0.0);
            assertEquals(data.label(i), source.label(i));
        }
        DataSource noBias = data.source(new YinYang.Encoding(0, 1, OptionalDouble.empty()));
        assertEquals(4, noBias.inputTimes(0).length);
        assertEquals(data.x(0), noBias.inputTimes(0)[0][0], 0.0);
    }

    @Test
    void badArgumentsAreNamed() {
        var split = assertThrows(IllegalArgumentException.class, () -> YinYang.split("valid"));
        assertTrue(split.getMessage().contains("'train', 'validation' or 'test', got 'valid'"), split.getMessage());
        var late = assertThrows(IllegalArgumentException.class,
                () -> new YinYang.Encoding(0.1, Double.NaN, OptionalDouble.empty()));
        assertTrue(late.getMessage().contains("finite and >= 0"), late.getMessage());
        var same = assertThrows(IllegalArgumentException.class,
                () -> new YinYang.Encoding(1, 1, OptionalDouble.empty()));
        assertTrue(same.getMessage().contains("early and late are both 1.0"), same.getMessage());
        assertThrows(IllegalArgumentException.class, () -> YinYang.generate(1, -1));
    }
}
