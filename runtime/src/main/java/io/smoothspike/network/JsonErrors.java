package io.smoothspike.network;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.smoothspike.spec.LossSpec;
import io.smoothspike.spec.Losses;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Jackson's exceptions in the user's words: syntax errors as {@code line L column C: …}, mapping errors as the
 * field's path in the file ({@code spec.populations[0].size}), what it must be and what it is.
 */
final class JsonErrors {

    private JsonErrors() {
    }

    /** A syntax error: {@code line L column C: reason}. */
    static String syntax(JsonProcessingException e) {
        String reason = e.getOriginalMessage();
        if (reason.contains("end-of-input")) {
            reason = "the text ends too early (is the file cut short?)";
        } else if (reason.startsWith("Trailing token")) {
            reason = "more text follows the end of the JSON value";
        } else {
            reason = reason.replaceAll("\\s*\\(code \\d+\\)", "").replace("Unrecognized token", "Unexpected word")
                    .replaceAll("\\(JSON String.*", "(a number, string, list, object, true, false or null)")
                    .lines().findFirst().orElse(reason);
        }
        JsonLocation loc = e.getLocation();
        return loc == null || loc.getLineNr() < 1 ? reason
                : "line " + loc.getLineNr() + " column " + loc.getColumnNr() + ": " + reason;
    }

    /**
     * A field that could not be mapped: its path, what it must be and what it holds. {@code root} is the tree that
     * was mapped, found at {@code rootPath} in the file.
     */
    static String mapping(JsonMappingException e, JsonNode root, String rootPath) {
        String path = path(rootPath, e.getPath());
        JsonNode node = node(root, e.getPath());
        if (e instanceof UnrecognizedPropertyException u) {
            return "field `" + path + "` is unknown; known fields here: " + sorted(u.getKnownPropertyIds());
        }
        if (e instanceof InvalidTypeIdException t) {
            Class<?> base = t.getBaseType().getRawClass();
            String known = sorted(kinds(base));
            return t.getTypeId() == null ? "field `" + path + ".kind` is missing; known kinds: " + known
                    : "field `" + path + ".kind` is '" + t.getTypeId() + "', not a known kind: " + known
                    + (base == LossSpec.class ? "; " + Losses.howToRegisterKind(t.getTypeId()) : "");
        }
        if (node == null || node.isMissingNode()) {
            return "field `" + path + "` is missing";
        }
        List<JsonMappingException.Reference> refs = e.getPath();
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType()
                : e instanceof InvalidDefinitionException d && d.getType() != null ? d.getType().getRawClass()
                : e.getCause() instanceof InputCoercionException c ? c.getTargetType() : declaredType(refs);
        if (target != null && target.isArray() && !refs.isEmpty() && target.isInstance(refs.get(refs.size() - 1)
                .getFrom())) {
            target = target.getComponentType(); // an entry of the array was wrong, not the array
        }
        if ((target == int.class || target == Integer.class) && node.isIntegralNumber()) {
            return "field `" + path + "` must be an integer in [" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE
                    + "], got " + node;
        }
        return "field `" + path + "` must be " + expected(target) + ", got " + shown(node);
    }

    private static String path(String rootPath, List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder(rootPath);
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static JsonNode node(JsonNode root, List<JsonMappingException.Reference> refs) {
        JsonNode n = root;
        for (JsonMappingException.Reference r : refs) {
            if (n == null) {
                return null;
            }
            n = r.getFieldName() != null ? n.get(r.getFieldName()) : r.getIndex() >= 0 ? n.get(r.getIndex()) : n;
        }
        return n;
    }

    /** The declared type of the record component the path ends at, or null. */
    private static Class<?> declaredType(List<JsonMappingException.Reference> refs) {
        JsonMappingException.Reference last = refs.isEmpty() ? null : refs.get(refs.size() - 1);
        if (last != null && last.getFrom() instanceof Class<?> c && c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                if (rc.getName().equals(last.getFieldName())) {
                    return rc.getType();
                }
            }
        }
        return null;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another form";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer (digits only, no decimal point or exponent)";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isArray() || List.class.isAssignableFrom(type)) {
            return "a list" + (type.isArray() ? " of " + element(type.getComponentType()) : "");
        }
        return "an object {…}";
    }

    private static String element(Class<?> type) {
        if (type.isArray()) {
            return "lists of " + element(type.getComponentType());
        }
        return type == int.class ? "integers" : type == boolean.class ? "true/false values" : "numbers";
    }

    /** A JSON value as a user would recognise it in the file. */
    private static String shown(JsonNode n) {
        if (n.isTextual()) {
            return "the string " + n;
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isObject()) {
            return "an object";
        }
        return n.toString();
    }

    private static List<String> kinds(Class<?> base) {
        if (base == LossSpec.class) {
            return List.copyOf(Losses.kinds());
        }
        JsonSubTypes sub = base.getAnnotation(JsonSubTypes.class);
        return sub == null ? List.of() : Stream.of(sub.value()).map(JsonSubTypes.Type::name).toList();
    }

    private static String sorted(java.util.Collection<?> names) {
        return names.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(", "));
    }
}
