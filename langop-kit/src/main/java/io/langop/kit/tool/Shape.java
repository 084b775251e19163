package io.langop.kit.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The JSON shape of a tool's structured answer, published as the tool's MCP {@code outputSchema}, so
 * that agent code can name fields ({@code {search.results.0.url}}) and checks can verify them before
 * anything runs. A tool's shape is always an {@link ObjectShape}, as the MCP specification requires:
 *
 * <pre>{@code
 * Shape.object()
 *     .field("results", Shape.listOf(Shape.object()
 *             .field("title", Shape.string("The page title"))
 *             .field("url", Shape.string("Where the hit points"))), "The hits, best first")
 * }</pre>
 *
 * Fields are required unless declared with {@link ObjectShape#optionalField}: a consumer may rely on
 * every required field being present and not null.
 */
public sealed interface Shape permits Shape.ValueShape, Shape.ListShape, Shape.MapShape, Shape.ObjectShape {

    /** This shape as a JSON schema. */
    Map<String, Object> schema();

    static ValueShape string(String description) {
        return new ValueShape("string", description);
    }

    static ValueShape integer(String description) {
        return new ValueShape("integer", description);
    }

    static ValueShape number(String description) {
        return new ValueShape("number", description);
    }

    static ValueShape bool(String description) {
        return new ValueShape("boolean", description);
    }

    static ListShape listOf(Shape items) {
        return new ListShape(items);
    }

    /** A JSON object whose keys are data (header names, say), each value of one shape. */
    static MapShape mapOf(Shape values) {
        return new MapShape(values);
    }

    static ObjectShape object() {
        return new ObjectShape(List.of());
    }

    /** A JSON string, number, integer or boolean. */
    record ValueShape(String jsonType, String description) implements Shape {
        public ValueShape {
            Objects.requireNonNull(jsonType, "jsonType");
        }

        @Override
        public Map<String, Object> schema() {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", jsonType);
            if (description != null && !description.isBlank()) {
                schema.put("description", description);
            }
            return schema;
        }
    }

    /** A JSON array whose items all have one shape. */
    record ListShape(Shape items) implements Shape {
        public ListShape {
            Objects.requireNonNull(items, "items");
        }

        @Override
        public Map<String, Object> schema() {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "array");
            schema.put("items", items.schema());
            return schema;
        }
    }

    /** A JSON object with any keys, all values of one shape. */
    record MapShape(Shape values) implements Shape {
        public MapShape {
            Objects.requireNonNull(values, "values");
        }

        @Override
        public Map<String, Object> schema() {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "object");
            schema.put("additionalProperties", values.schema());
            return schema;
        }
    }

    /** A JSON object with named fields; immutable: adding a field returns a new shape. */
    record ObjectShape(List<Field> fields) implements Shape {

        private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

        public ObjectShape {
            fields = List.copyOf(fields);
        }

        /** A field that is always present and never null. */
        public ObjectShape field(String name, Shape shape, String description) {
            return with(new Field(name, shape, description, true));
        }

        /** A field that is always present and never null; the shape carries the description. */
        public ObjectShape field(String name, Shape shape) {
            return with(new Field(name, shape, null, true));
        }

        /** A field that may be missing. */
        public ObjectShape optionalField(String name, Shape shape, String description) {
            return with(new Field(name, shape, description, false));
        }

        private ObjectShape with(Field field) {
            // The names become placeholder paths ({step.field}), so they follow the placeholder syntax.
            if (!NAME.matcher(field.name()).matches()) {
                throw new IllegalArgumentException("field name '" + field.name()
                        + "' must start with a letter or _ and use only letters, digits, _ and - (max 64)");
            }
            if (fields.stream().anyMatch(existing -> existing.name().equals(field.name()))) {
                throw new IllegalArgumentException("field '" + field.name() + "' is declared twice");
            }
            List<Field> more = new ArrayList<>(fields);
            more.add(field);
            return new ObjectShape(more);
        }

        @Override
        public Map<String, Object> schema() {
            Map<String, Object> properties = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            for (Field field : fields) {
                Map<String, Object> property = new LinkedHashMap<>(field.shape().schema());
                if (field.description() != null && !field.description().isBlank()) {
                    property.put("description", field.description());
                }
                properties.put(field.name(), property);
                if (field.required()) {
                    required.add(field.name());
                }
            }
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "object");
            schema.put("properties", properties);
            if (!required.isEmpty()) {
                schema.put("required", required);
            }
            return schema;
        }
    }

    /** One field of an {@link ObjectShape}; a description given here wins over the shape's own. */
    record Field(String name, Shape shape, String description, boolean required) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(shape, "shape of field '" + name + "'");
        }
    }
}
