package io.smoothspike.export;

import com.fasterxml.jackson.core.JsonGenerator;
import io.smoothspike.io.AtomicFiles;
import io.smoothspike.network.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * An export as one JSON document: {@code {"metadata": {…}, "arrays": {NAME: {"dtype", "axes", "shape", "data"}}}},
 * data as lists nested by the shape; NaN and infinite numbers are written as null, so the file is plain JSON.
 */
final class JsonExport {

    private JsonExport() {
    }

    static void write(ResultExport export, Path target) throws IOException {
        AtomicFiles.write(target, out -> {
            try (JsonGenerator g = generator(out)) {
                g.writeStartObject();
                g.writeFieldName("metadata");
                value(g, export.metadata());
                g.writeObjectFieldStart("arrays");
                for (ExportArray a : export.arrays()) {
                    g.writeObjectFieldStart(a.name());
                    g.writeStringField("dtype", a.dtype());
                    value(g, "axes", a.axes());
                    value(g, "shape", a.shape());
                    g.writeFieldName("data");
                    nested(g, a, 0, 0);
                    g.writeEndObject();
                }
                g.writeEndObject();
                g.writeEndObject();
                g.writeRaw('\n');
            }
        });
    }

    /** The metadata as an indented JSON text (for the archive's {@code metadata} string and the CSV folder). */
    static String metadataText(ResultExport export) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = generator(bytes)) {
            value(g, export.metadata());
            g.writeRaw('\n');
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        return g;
    }

    /** The values of axis {@code axis} from flat position {@code at}, as nested lists. */
    private static void nested(JsonGenerator g, ExportArray a, int axis, int at) throws IOException {
        if (axis == a.shape().length) {
            value(g, a.value(at));
            return;
        }
        int stride = 1;
        for (int d = axis + 1; d < a.shape().length; d++) {
            stride *= a.shape()[d];
        }
        g.writeStartArray();
        for (int k = 0; k < a.shape()[axis]; k++) {
            nested(g, a, axis + 1, at + k * stride);
        }
        g.writeEndArray();
    }

    private static void value(JsonGenerator g, String field, Object v) throws IOException {
        g.writeFieldName(field);
        value(g, v);
    }

    /** Writes maps, collections, Java arrays, numbers (non-finite as null), booleans and strings. */
    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                value(g, String.valueOf(e.getKey()), e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object x : c) {
                value(g, x);
            }
            g.writeEndArray();
        } else if (v.getClass().isArray()) {
            g.writeStartArray();
            for (int k = 0; k < Array.getLength(v); k++) {
                value(g, Array.get(v, k));
            }
            g.writeEndArray();
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
            if (Double.isFinite(n.doubleValue())) {
                g.writeNumber(n.doubleValue());
            } else {
                g.writeNull();
            }
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(String.valueOf(v));
        }
    }
}
