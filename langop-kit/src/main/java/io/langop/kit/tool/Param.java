package io.langop.kit.tool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One declared tool parameter. Immutable: every fluent call returns a new declaration, so
 * {@code Param.integer("max_results").defaultValue(5).validate(Validator.range(1, 50))} reads as the
 * whole contract. Optional unless {@link #required()} is called.
 *
 * <p>Declarations are checked when made: a default or an allowed value that does not fit the type, or
 * a default on a required parameter, is an {@link IllegalArgumentException} at start-up rather than a
 * surprise at call time.
 */
public final class Param {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");

    private final String name;
    private final ParamType type;
    private final ParamType itemType;
    private final String description;
    private final boolean required;
    private final Object defaultValue;
    private final List<Object> allowedValues;
    private final List<Validator> validators;

    private Param(
            String name,
            ParamType type,
            ParamType itemType,
            String description,
            boolean required,
            Object defaultValue,
            List<Object> allowedValues,
            List<Validator> validators) {
        this.name = name;
        this.type = type;
        this.itemType = itemType;
        this.description = description;
        this.required = required;
        this.defaultValue = defaultValue;
        this.allowedValues = allowedValues;
        this.validators = validators;
    }

    private static Param of(String name, ParamType type, ParamType itemType) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name '" + name
                    + "' must start with a letter or _ and use only letters, digits, _ . - (max 64)");
        }
        return new Param(name, type, itemType, null, false, null, List.of(), List.of());
    }

    public static Param string(String name) {
        return of(name, ParamType.STRING, null);
    }

    public static Param integer(String name) {
        return of(name, ParamType.INTEGER, null);
    }

    public static Param number(String name) {
        return of(name, ParamType.NUMBER, null);
    }

    public static Param bool(String name) {
        return of(name, ParamType.BOOLEAN, null);
    }

    /** An array whose items may be of any JSON type. */
    public static Param array(String name) {
        return of(name, ParamType.ARRAY, null);
    }

    /** An array whose items are coerced to {@code itemType} (which may not itself be an array). */
    public static Param array(String name, ParamType itemType) {
        if (itemType == ParamType.ARRAY) {
            throw new IllegalArgumentException("parameter '" + name + "': nested arrays are not supported");
        }
        return of(name, ParamType.ARRAY, Objects.requireNonNull(itemType, "itemType"));
    }

    public static Param object(String name) {
        return of(name, ParamType.OBJECT, null);
    }

    /** What the model reads about this parameter in {@code tools/list}. */
    public Param description(String description) {
        return new Param(name, type, itemType, description, required, defaultValue, allowedValues, validators);
    }

    public Param required() {
        if (defaultValue != null) {
            throw new IllegalArgumentException("parameter '" + name + "' has a default, so it cannot be required");
        }
        return new Param(name, type, itemType, description, true, null, allowedValues, validators);
    }

    /** Used when the caller omits the parameter (or sends null); applied before validation. */
    public Param defaultValue(Object value) {
        Objects.requireNonNull(value, "default value");
        if (required) {
            throw new IllegalArgumentException("parameter '" + name + "' is required, so it cannot have a default");
        }
        Object coerced = declared("default", value);
        return new Param(name, type, itemType, description, false, coerced, allowedValues, validators);
    }

    /** Restricts the value to these choices (published as the schema's {@code enum}). */
    public Param oneOf(Object... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("parameter '" + name + "': oneOf needs at least one value");
        }
        List<Object> coerced =
                Arrays.stream(values).map(value -> declared("allowed", value)).toList();
        return new Param(name, type, itemType, description, required, defaultValue, coerced, validators);
    }

    /** Adds a check run on every supplied (or defaulted) value, in declaration order. */
    public Param validate(Validator validator) {
        List<Validator> more = new ArrayList<>(validators);
        more.add(Objects.requireNonNull(validator, "validator"));
        return new Param(name, type, itemType, description, required, defaultValue, allowedValues, List.copyOf(more));
    }

    public String name() {
        return name;
    }

    public ParamType type() {
        return type;
    }

    /** The declared item type of an array, if any. */
    public Optional<ParamType> itemType() {
        return Optional.ofNullable(itemType);
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public boolean isRequired() {
        return required;
    }

    public Optional<Object> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public List<Object> allowedValues() {
        return allowedValues;
    }

    public List<Validator> validators() {
        return validators;
    }

    /** Coerces a supplied value to the declared type; throws with the reason when it does not fit. */
    Object coerce(Object value) {
        return type == ParamType.ARRAY ? ParamType.toList(value, itemType) : type.coerce(value);
    }

    /** Why a coerced value is not acceptable, or empty when it is. */
    Optional<String> problemWith(Object value) {
        if (!allowedValues.isEmpty() && !allowedValues.contains(value)) {
            return Optional.of("must be one of " + allowedValues + ", got " + ParamType.describe(value));
        }
        for (Validator validator : validators) {
            Optional<String> problem = validator.check(value);
            if (problem.isPresent()) {
                return Optional.of("must " + problem.get() + ", got " + ParamType.describe(value));
            }
        }
        return Optional.empty();
    }

    /** This parameter's JSON schema: type, description, enum, default, items and validator keywords. */
    Map<String, Object> schema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type.jsonType());
        description().ifPresent(text -> schema.put("description", text));
        itemType().ifPresent(items -> schema.put("items", Map.of("type", items.jsonType())));
        if (!allowedValues.isEmpty()) {
            schema.put("enum", allowedValues);
        }
        defaultValue().ifPresent(value -> schema.put("default", value));
        validators.forEach(validator -> schema.putAll(validator.schemaKeywords()));
        return schema;
    }

    private Object declared(String what, Object value) {
        try {
            return coerce(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter '" + name + "': " + what + " value " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Param[" + name + ": " + type.jsonType() + (required ? ", required" : "") + "]";
    }
}
