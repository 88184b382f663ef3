package io.smoothspike.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A network file written before models described themselves (commit 57bed59: all four built-in models, the lif and
 * oscillatory-lif thresholds left to their defaults) loads bit-identically: the same text when saved again, and the
 * bounds and output times that version computed ({@code four-models.expected.json}, written by it as well).
 */
class OldNetworkFileTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(OldNetworkFileTest.class.getResource(name).toURI());
    }

    @Test
    void aFileOfTheEarlierVersionLoadsBitIdentically() throws IOException, URISyntaxException {
        Path file = resource("four-models.json");
        Network net = Network.load(file);
        assertEquals(Files.readString(file).strip(), Json.MAPPER.writeValueAsString(NetworkFile.toTree(net)).strip());

        JsonNode expected = NetworkFile.readTree(resource("four-models.expected.json"));
        Iterator<Map.Entry<String, JsonNode>> bounds = expected.get("bounds").fields();
        int checked = 0;
        while (bounds.hasNext()) {
            Map.Entry<String, JsonNode> b = bounds.next();
            double[] old = {b.getValue().get(0).asDouble(), b.getValue().get(1).asDouble()};
            assertArrayEquals(old, net.bounds(b.getKey()), 0.0, b.getKey());
            checked++;
        }
        assertEquals(net.parameterNames().size(), checked);

        double[][] times = net.simulate().outputTimes();
        JsonNode old = expected.get("outputTimes");
        assertEquals(old.size(), times.length);
        for (int r = 0; r < times.length; r++) {
            double[] row = new double[old.get(r).size()];
            for (int k = 0; k < row.length; k++) {
                row[k] = old.get(r).get(k).doubleValue();
            }
            assertArrayEquals(row, times[r], 0.0, "read-out neuron " + r);
        }
    }
}
