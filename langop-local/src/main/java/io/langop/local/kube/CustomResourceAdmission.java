package io.langop.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.admission.FieldError;
import io.langop.api.admission.ObjectSchema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What the API server does to a custom resource on its way into the store and the in-memory store does not: fill in
 * the schema's defaults, drop (or, under {@code fieldValidation=Strict}, as kubectl asks, refuse) undeclared fields,
 * and refuse an object that breaks its CRD's OpenAPI constraints or CEL rules with a 422 {@code Invalid} Status that
 * names each field and rule message. Without it, {@code langop local} would accept what a cluster refuses, and a
 * field refused as "not supported yet" would be silently ignored.
 */
final class CustomResourceAdmission {

    /** The {@code fieldValidation} query parameter: what to do with undeclared fields. */
    enum FieldValidation {
        /** Drop them silently. */
        IGNORE,
        /** Drop them and say so in a {@code Warning} header (the API server's default). */
        WARN,
        /** Refuse the object (kubectl's default). */
        STRICT;

        static FieldValidation of(Optional<String> parameter) {
            return parameter
                    .map(value -> switch (value.toLowerCase(Locale.ROOT)) {
                        case "strict" -> STRICT;
                        case "ignore" -> IGNORE;
                        default -> WARN;
                    })
                    .orElse(WARN);
        }
    }

    /** The outcome: the object to store (with warnings for the client), or why it is refused. */
    sealed interface Verdict {
        record Admitted(JsonNode object, List<String> warnings) implements Verdict {}

        record Refused(int code, String reason, String message, ObjectNode details) implements Verdict {}
    }

    /** A version's schema, kept while its CRD is unchanged: compiling it costs more than a request. */
    private record CachedSchema(String resourceVersion, ObjectSchema schema) {}

    private final KubernetesClient store;
    private final ObjectMapper json;
    private final Map<String, CachedSchema> schemas = new ConcurrentHashMap<>();

    CustomResourceAdmission(KubernetesClient store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    /** Whether writes of the resource pass here: every resource a CRD defines. */
    static boolean covers(ApiResource resource) {
        return !BuiltInResources.LIST.contains(resource);
    }

    Verdict admit(ApiResource resource, JsonNode object, FieldValidation validation) {
        Optional<ObjectSchema> found = schemaOf(resource);
        if (found.isEmpty()) {
            return new Verdict.Admitted(object, List.of());
        }
        ObjectSchema schema = found.get();
        String name = object.path("metadata").path("name").asText("");
        List<String> unknown =
                schema.unknownFields(object).stream().map(FieldError::fieldOf).toList();
        if (!unknown.isEmpty() && validation == FieldValidation.STRICT) {
            return new Verdict.Refused(
                    400,
                    "BadRequest",
                    resource.kind() + " in version \"" + resource.version() + "\" cannot be handled as a "
                            + resource.kind() + ": strict decoding error: "
                            + unknown.stream()
                                    .map(field -> "unknown field \"" + field + "\"")
                                    .collect(Collectors.joining(", ")),
                    details(resource, name, object, List.of()));
        }
        List<FieldError> violations = schema.violations(object);
        if (!violations.isEmpty()) {
            List<String> causes = violations.stream()
                    .map(error -> error.field() + ": " + causeMessage(object, error))
                    .toList();
            String listed = causes.size() == 1 ? causes.getFirst() : "[" + String.join(", ", causes) + "]";
            return new Verdict.Refused(
                    422,
                    "Invalid",
                    qualified(resource) + " \"" + name + "\" is invalid: " + listed,
                    details(resource, name, object, violations));
        }
        List<String> warnings = validation == FieldValidation.WARN
                ? unknown.stream()
                        .map(field -> "unknown field \"" + field + "\"")
                        .toList()
                : List.of();
        return new Verdict.Admitted(schema.admitted(object), warnings);
    }

    private Optional<ObjectSchema> schemaOf(ApiResource resource) {
        String crdName = resource.plural() + "." + resource.group();
        CustomResourceDefinition crd = store.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName(crdName)
                .get();
        if (crd == null) {
            return Optional.empty();
        }
        String version = crd.getMetadata().getResourceVersion();
        String key = crdName + "/" + resource.version();
        CachedSchema cached = schemas.get(key);
        if (cached != null && cached.resourceVersion().equals(version)) {
            return Optional.of(cached.schema());
        }
        Optional<ObjectSchema> schema = crd.getSpec().getVersions().stream()
                .filter(v -> v.getName().equals(resource.version()))
                .filter(v -> v.getSchema() != null && v.getSchema().getOpenAPIV3Schema() != null)
                .findFirst()
                .map(v -> ObjectSchema.of(json.valueToTree(v.getSchema().getOpenAPIV3Schema())));
        schema.ifPresent(s -> schemas.put(key, new CachedSchema(version, s)));
        return schema;
    }

    private ObjectNode details(ApiResource resource, String name, JsonNode object, List<FieldError> violations) {
        ObjectNode details = json.createObjectNode()
                .put("name", name)
                .put("group", resource.group())
                .put("kind", resource.kind());
        if (!violations.isEmpty()) {
            ArrayNode causes = details.putArray("causes");
            violations.forEach(error -> causes.addObject()
                    .put("reason", error.reason())
                    .put("message", causeMessage(object, error))
                    .put("field", error.field()));
        }
        return details;
    }

    /** As the API server words a cause, which kubectl prints after the field: {@code Invalid value: "usd": ...}. */
    private static String causeMessage(JsonNode object, FieldError error) {
        return "Invalid value: " + shown(object.at(error.pointer())) + ": " + error.message();
    }

    /** The value as the API server quotes it in a refusal: objects and arrays by their type only. */
    private static String shown(JsonNode value) {
        if (value.isObject()) {
            return "\"object\"";
        }
        if (value.isArray()) {
            return "\"array\"";
        }
        return value.isMissingNode() ? "\"null\"" : value.toString();
    }

    private static String qualified(ApiResource resource) {
        return resource.kind() + "." + resource.group();
    }
}
