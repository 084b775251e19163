package io.langop.kit.tool;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The JSON types a tool parameter can declare. Each type knows its JSON-schema name and how to coerce
 * the loosely typed values language models send ({@code "10"} for an integer, {@code "true"} for a
 * boolean) into one canonical Java type: {@link String}, {@link Long}, {@link Double}, {@link Boolean},
 * {@link List} or {@link Map}.
 */
public enum ParamType {
    STRING("string"),
    INTEGER("integer"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    ARRAY("array"),
    OBJECT("object");

    private final String jsonType;

    ParamType(String jsonType) {
        this.jsonType = jsonType;
    }

    public String jsonType() {
        return jsonType;
    }

    /**
     * Converts {@code value} to this type's canonical Java type.
     *
     * @throws IllegalArgumentException with a message such as {@code expected an integer, got "abc"}
     */
    Object coerce(Object value) {
        return switch (this) {
            case STRING -> toStringValue(value);
            case INTEGER -> toLong(value);
            case NUMBER -> toDouble(value);
            case BOOLEAN -> toBoolean(value);
            case ARRAY -> toList(value, null);
            case OBJECT -> toMap(value);
        };
    }

    /** Coerces an array and each of its items to {@code itemType} (when one is declared). */
    static List<Object> toList(Object value, ParamType itemType) {
        if (!(value instanceof List<?> list)) {
            throw mismatch("an array", value);
        }
        List<Object> items = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            try {
                items.add(itemType == null || item == null ? item : itemType.coerce(item));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("item " + i + ": " + e.getMessage(), e);
            }
        }
        return Collections.unmodifiableList(items);
    }

    private static String toStringValue(Object value) {
        return switch (value) {
            case String s -> s;
            case BigDecimal d -> d.toPlainString();
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            default -> throw mismatch("a string", value);
        };
    }

    private static Long toLong(Object value) {
        BigDecimal decimal = switch (value) {
            case Byte b -> BigDecimal.valueOf(b);
            case Short s -> BigDecimal.valueOf(s);
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Number n -> decimalOrNull(n.toString());
            case String s -> decimalOrNull(s.trim());
            default -> null;
        };
        if (decimal == null) {
            throw mismatch("an integer", value);
        }
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException e) {
            throw mismatch("an integer", value);
        }
    }

    private static Double toDouble(Object value) {
        BigDecimal decimal = switch (value) {
            case Number n -> decimalOrNull(n.toString());
            case String s -> decimalOrNull(s.trim());
            default -> null;
        };
        if (decimal == null) {
            throw mismatch("a number", value);
        }
        return decimal.doubleValue();
    }

    private static Boolean toBoolean(Object value) {
        return switch (value) {
            case Boolean b -> b;
            case String s when s.trim().equalsIgnoreCase("true") -> true;
            case String s when s.trim().equalsIgnoreCase("false") -> false;
            default -> throw mismatch("a boolean", value);
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw mismatch("an object", value);
    }

    /** NaN and the infinities are not JSON numbers, so they parse to null like any other non-number. */
    private static BigDecimal decimalOrNull(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static IllegalArgumentException mismatch(String expected, Object value) {
        return new IllegalArgumentException("expected " + expected + ", got " + describe(value));
    }

    /** A short, JSON-like rendering of a value for error messages. */
    static String describe(Object value) {
        String text = switch (value) {
            case null -> "null";
            case String s -> '"' + s + '"';
            case List<?> l -> "an array";
            case Map<?, ?> m -> "an object";
            default -> value.toString();
        };
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
