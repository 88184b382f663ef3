package io.smoothspike.network;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.Losses;
import java.io.IOException;

/**
 * Reads a {@link LossSpec} from its JSON form: the {@code kind} field picks the type registered in {@link Losses},
 * which reads the other fields. An unknown or missing kind is an {@link InvalidTypeIdException}.
 */
final class LossSpecReader extends StdDeserializer<LossSpec> {

    LossSpecReader() {
        super(LossSpec.class);
    }

    @Override
    public LossSpec deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = ctxt.readTree(p);
        if (!node.isObject()) {
            return ctxt.reportInputMismatch(LossSpec.class, "a loss is an object {\"kind\": …}");
        }
        JsonNode kind = node.get("kind");
        String id = kind == null || kind.isNull() ? null : kind.isTextual() ? kind.asText() : kind.toString();
        Class<? extends LossSpec> type = id == null ? null : Losses.type(id);
        if (type == null) {
            throw InvalidTypeIdException.from(p, "unknown loss kind " + id, ctxt.constructType(LossSpec.class), id);
        }
        ObjectNode fields = ((ObjectNode) node).deepCopy();
        fields.remove("kind");
        return ctxt.readTreeAsValue(fields, type);
    }
}
