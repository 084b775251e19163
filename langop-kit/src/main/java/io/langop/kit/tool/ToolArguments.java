package io.langop.kit.tool;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated arguments of one call, keyed by parameter name and already of the declared Java
 * type. Asking for a parameter that was neither supplied nor defaulted is a bug in the handler (it
 * declared the parameter optional without a default), so the typed getters throw; use
 * {@link #has} or {@link #optionalString} for such parameters.
 */
public final class ToolArguments {

    private final Map<String, Object> values;

    ToolArguments(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Arguments built directly, e.g. to call a handler from a test; no validation is applied. */
    public static ToolArguments of(Map<String, Object> values) {
        return new ToolArguments(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String string(String name) {
        return get(name, String.class);
    }

    public Optional<String> optionalString(String name) {
        return Optional.ofNullable(values.get(name)).map(String.class::cast);
    }

    public long integer(String name) {
        return get(name, Long.class);
    }

    public double number(String name) {
        return get(name, Double.class);
    }

    public boolean bool(String name) {
        return get(name, Boolean.class);
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String name) {
        return get(name, List.class);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String name) {
        return get(name, Map.class);
    }

    /** All supplied and defaulted values, in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    private <T> T get(String name, Class<T> type) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("argument '" + name + "' was not supplied and has no default");
        }
        if (!type.isInstance(value)) {
            throw new IllegalStateException("argument '" + name + "' is a "
                    + value.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(value);
    }

    @Override
    public String toString() {
        return "ToolArguments" + values.keySet();
    }
}
