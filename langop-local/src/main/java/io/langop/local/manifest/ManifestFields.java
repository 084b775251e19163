package io.langop.local.manifest;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes fields of an object as written in its YAML. langop local fits objects to this machine before
 * the API server sees them, and an object may be malformed or written for a newer API: reading never fails (a
 * field of the wrong shape reads as absent, and the operator reports it), and writing keeps every other field.
 */
public final class ManifestFields {

    private ManifestFields() {}

    /** Whether {@code object} is a {@code kind} of the langop.io API. */
    public static boolean isLangop(HasMetadata object, String kind) {
        return object instanceof GenericKubernetesResource
                && kind.equals(object.getKind())
                && object.getApiVersion() != null
                && object.getApiVersion().startsWith("langop.io/");
    }

    /** The text at {@code path} (map keys and list indexes), if it is a non-blank text. */
    public static Optional<String> text(HasMetadata object, Object... path) {
        return at(object, path)
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .filter(s -> !s.isBlank());
    }

    /** The list at {@code path}, or an empty one. */
    public static List<?> list(HasMetadata object, Object... path) {
        return at(object, path)
                .filter(List.class::isInstance)
                .map(value -> (List<?>) value)
                .orElse(List.of());
    }

    /** Whether anything is at {@code path}. */
    public static boolean has(HasMetadata object, Object... path) {
        return at(object, path).isPresent();
    }

    /** The object's {@code spec}, to change fields in place; an object without one gets an empty one. */
    @SuppressWarnings("unchecked") // a YAML mapping read by Jackson: string keys
    public static Map<String, Object> spec(GenericKubernetesResource object) {
        Object spec = object.getAdditionalProperties().get("spec");
        if (spec instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        object.getAdditionalProperties().put("spec", created);
        return created;
    }

    private static Optional<Object> at(HasMetadata object, Object... path) {
        if (!(object instanceof GenericKubernetesResource generic)) {
            return Optional.empty();
        }
        Object value = generic.getAdditionalProperties();
        for (Object step : path) {
            if (step instanceof String key && value instanceof Map<?, ?> map) {
                value = map.get(key);
            } else if (step instanceof Integer index && value instanceof List<?> items && index < items.size()) {
                value = items.get(index);
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(value);
    }
}
