package io.smoothspike.network;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.smoothspike.spec.LossSpec;

/**
 * The project's JSON mapper: indented output, and Jackson's fast double writer and parser (shortest round-trip
 * representations, so doubles still read back bit for bit).
 */
public final class Json {

    /** The shared, thread-safe mapper. */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build()).enable(SerializationFeature.INDENT_OUTPUT).registerModule(specReaders());

    /**
     * The mapper that reads network files: NaN and Infinity parse (so that validation refuses them by name), and
     * nothing is guessed: no numbers from strings or strings from numbers, no integers truncated from decimals, no
     * missing number or flag taken as 0 or false, no text after the JSON value ignored.
     */
    public static final ObjectMapper STRICT = strict();

    private Json() {
    }

    /** Readers of the descriptions whose type is picked by name from a registry (losses). */
    private static SimpleModule specReaders() {
        return new SimpleModule("smoothspike-specs").addDeserializer(LossSpec.class, new LossSpecReader());
    }

    private static ObjectMapper strict() {
        ObjectMapper m = new ObjectMapper(JsonFactory.builder()
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build())
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .registerModule(specReaders());
        for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            m.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            m.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return m;
    }
}
