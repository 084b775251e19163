package io.langop.fields;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every field of a kind's spec or status, walked along the CRD schema checked in for Helm (the one the API
 * server gets) and resolved to the Java property the code reads or writes. A schema property without a Java
 * property fails the walk: then the schema and the classes disagree, and nothing could read the field.
 */
final class ApiSchema {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<Kind, JsonNode> SCHEMAS = new ConcurrentHashMap<>();

    private ApiSchema() {}

    static List<ApiField> specFields(Kind kind) {
        return walk(kind, "spec", kind.specClass());
    }

    static List<ApiField> statusFields(Kind kind) {
        return walk(kind, "status", kind.statusClass());
    }

    private static List<ApiField> walk(Kind kind, String root, Class<?> type) {
        List<ApiField> fields = new ArrayList<>();
        walk(kind, schema(kind).at("/properties/" + root), type, root, fields);
        return fields;
    }

    private static void walk(Kind kind, JsonNode schema, Class<?> type, String path, List<ApiField> out) {
        for (var property : schema.path("properties").properties()) {
            String name = property.getKey();
            Field field = javaField(type, name)
                    .orElseThrow(() -> new IllegalStateException(kind + " " + path + "." + name
                            + " is in the CRD schema but no property of " + type.getName()));
            String childPath = path + "." + name;
            Type javaType = field.getGenericType();
            JsonNode childSchema = property.getValue();
            if (isList(javaType)) {
                Type item = typeArgument(javaType, 0);
                boolean leaf = isValue(item);
                out.add(new ApiField(kind, childPath, field.getDeclaringClass(), field.getName(), leaf));
                if (!leaf) {
                    walk(kind, childSchema.path("items"), (Class<?>) item, childPath + "[]", out);
                }
            } else if (isMap(javaType)) {
                out.add(new ApiField(kind, childPath, field.getDeclaringClass(), field.getName(), true));
                if (!isValue(typeArgument(javaType, 1))) {
                    throw new IllegalStateException(childPath + ": maps of objects are not walked yet");
                }
            } else {
                boolean leaf = isValue(javaType);
                out.add(new ApiField(kind, childPath, field.getDeclaringClass(), field.getName(), leaf));
                if (!leaf) {
                    walk(kind, childSchema, (Class<?>) javaType, childPath, out);
                }
            }
        }
    }

    /** The Java property behind a JSON name, declared by the class or one of its superclasses. */
    private static Optional<Field> javaField(Class<?> type, String jsonName) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                JsonProperty renamed = field.getAnnotation(JsonProperty.class);
                String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : field.getName();
                if (name.equals(jsonName)) {
                    return Optional.of(field);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Where the walk stops: plain values, free-form JSON, and Kubernetes types, which the operator passes on to
     * the objects it creates and the API server checks there.
     */
    private static boolean isValue(Type type) {
        if (!(type instanceof Class<?> c)) {
            return isList(type) || isMap(type);
        }
        return c.isPrimitive()
                || c.isEnum()
                || c == String.class
                || Number.class.isAssignableFrom(c)
                || c == Boolean.class
                || c == Object.class
                || JsonNode.class.isAssignableFrom(c)
                || c.getPackageName().startsWith("io.fabric8.kubernetes.api.model");
    }

    private static boolean isList(Type type) {
        return type instanceof ParameterizedType p && p.getRawType() == List.class;
    }

    private static boolean isMap(Type type) {
        return type instanceof ParameterizedType p && p.getRawType() == Map.class;
    }

    private static Type typeArgument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    private static JsonNode schema(Kind kind) {
        return SCHEMAS.computeIfAbsent(kind, k -> {
            Path crds = Path.of(System.getProperty("langop.crds.dir"));
            String plural = k.name().toLowerCase(java.util.Locale.ROOT) + "s";
            try {
                return YAML.readTree(crds.resolve(plural + ".langop.io-v1.yml").toFile())
                        .at("/spec/versions/0/schema/openAPIV3Schema");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
