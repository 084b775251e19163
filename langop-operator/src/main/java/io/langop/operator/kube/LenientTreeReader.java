package io.langop.operator.kube;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a JSON tree into a type, leaving out each field that cannot be read (one this version of the
 * API does not know, a value of the wrong type) and saying why in a line a user can act on, such as
 * {@code spec.maxIterations: "ten" is not an integer}. Each problem costs one more read of the tree;
 * a tree without problems is read once, as by the plain reader.
 */
final class LenientTreeReader {

    /** Beyond this many problems the rest is not worth reading: the object is wrong, and these say how. */
    static final int MAX_PROBLEMS = 10;

    private static final int MAX_VALUE_SHOWN = 40;

    /** The value read without the fields listed in {@code problems}; null when nothing of it could be read. */
    record Result<T>(T value, List<String> problems) {}

    private LenientTreeReader() {}

    /** Reads {@code tree} with {@code reader}; {@code root} names the tree in the problems, e.g. {@code spec}. */
    static <T> Result<T> read(ObjectReader reader, JsonNode tree, String root) {
        JsonNode remaining = tree;
        boolean copied = false;
        List<String> problems = new ArrayList<>();
        while (true) {
            try {
                return new Result<>(reader.readValue(remaining), List.copyOf(problems));
            } catch (JsonMappingException unreadable) {
                problems.add(describe(root, unreadable));
                if (!copied) {
                    // the caller's tree stays as it was: fields are removed from a copy
                    remaining = tree.deepCopy();
                    copied = true;
                }
                if (problems.size() == MAX_PROBLEMS || !remove(remaining, unreadable.getPath())) {
                    return new Result<>(null, List.copyOf(problems));
                }
            } catch (IOException unreadable) {
                // a tree is no stream: only a mapping problem is expected; say what it was all the same
                problems.add(root + ": cannot be read (" + firstLine(unreadable.getMessage()) + ")");
                return new Result<>(null, List.copyOf(problems));
            }
        }
    }

    static String describe(String root, JsonMappingException problem) {
        String where = root + path(problem.getPath());
        return switch (problem) {
            case UnrecognizedPropertyException unknown ->
                where + ": unknown field (this operator's version of the API has no such field; remove it,"
                        + " or run an operator as new as the CRD)";
            case InvalidFormatException badValue
            when badValue.getTargetType() != null ->
                where + ": " + quoted(badValue.getValue()) + " is not " + expected(badValue.getTargetType());
            case MismatchedInputException mismatch
            when mismatch.getTargetType() != null -> where + ": expected " + expected(mismatch.getTargetType());
            default -> where + ": cannot be read (" + firstLine(problem.getOriginalMessage()) + ")";
        };
    }

    /** {@code .modelRefs[0].name}: the JSON path of a problem, as {@code kubectl explain} spells fields. */
    private static String path(List<Reference> references) {
        StringBuilder path = new StringBuilder();
        for (Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Removes the node at {@code references} from {@code tree}; false when there is no such node to remove. */
    private static boolean remove(JsonNode tree, List<Reference> references) {
        if (references.isEmpty()) {
            return false;
        }
        JsonNode parent = tree;
        for (Reference reference : references.subList(0, references.size() - 1)) {
            parent = reference.getFieldName() != null
                    ? parent.get(reference.getFieldName())
                    : parent.get(reference.getIndex());
            if (parent == null) {
                return false;
            }
        }
        Reference last = references.getLast();
        if (last.getFieldName() != null && parent instanceof ObjectNode object) {
            return object.remove(last.getFieldName()) != null;
        }
        if (last.getFieldName() == null && parent instanceof ArrayNode array && last.getIndex() < array.size()) {
            array.remove(last.getIndex());
            return true;
        }
        return false;
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + enumValues(type);
        }
        if (type == Integer.class
                || type == Long.class
                || type == Short.class
                || type == int.class
                || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return Map.class.isAssignableFrom(type) ? "a map" : "an object";
    }

    /** The values as written in YAML: the {@code @JsonProperty} names of the constants. */
    private static String enumValues(Class<?> type) {
        return Arrays.stream(type.getFields())
                .filter(java.lang.reflect.Field::isEnumConstant)
                .map(field -> {
                    JsonProperty name = field.getAnnotation(JsonProperty.class);
                    return name != null ? name.value() : field.getName();
                })
                .collect(Collectors.joining(", "));
    }

    /** The refused value, cut short: it lands in a status message, which must stay readable. */
    private static String quoted(Object value) {
        String text = String.valueOf(value);
        String shown = text.length() > MAX_VALUE_SHOWN ? text.substring(0, MAX_VALUE_SHOWN) + "…" : text;
        return value instanceof String ? "\"" + shown + "\"" : shown;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
