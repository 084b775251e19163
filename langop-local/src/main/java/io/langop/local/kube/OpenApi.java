package io.langop.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The part of the OpenAPI v3 documents kubectl reads before {@code apply} and {@code edit}: whether the server
 * validates fields itself ({@code fieldValidation} on each resource's PATCH). It says yes for every resource, so
 * kubectl leaves validation to the server instead of refusing to go on without the schemas, which are not served
 * here: the in-memory store validates nothing, and the operator reports what it cannot read in the object's
 * status ({@code InvalidSpec}).
 */
final class OpenApi {

    static final String ROOT = "/openapi/v3";

    private final Discovery discovery;
    private final ObjectMapper json;

    OpenApi(Discovery discovery, ObjectMapper json) {
        this.discovery = discovery;
        this.json = json;
    }

    /** {@code GET /openapi/v3}: where each group version's document is. */
    JsonNode index() {
        ObjectNode index = json.createObjectNode();
        ObjectNode paths = index.putObject("paths");
        discovery.resources().stream()
                .map(OpenApi::documentPath)
                .distinct()
                .forEach(path -> paths.putObject(path).put("serverRelativeURL", ROOT + "/" + path));
        return index;
    }

    /** {@code GET /openapi/v3/api/v1}, {@code GET /openapi/v3/apis/GROUP/VERSION}. */
    Optional<JsonNode> groupVersion(String path) {
        List<ApiResource> resources = discovery.resources().stream()
                .filter(resource -> documentPath(resource).equals(path))
                .toList();
        if (resources.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode document = json.createObjectNode().put("openapi", "3.0.0");
        document.putObject("info").put("title", "Kubernetes").put("version", Discovery.KUBERNETES_VERSION);
        ObjectNode paths = document.putObject("paths");
        for (ApiResource resource : resources) {
            String prefix = "/" + path + (resource.namespaced() ? "/namespaces/{namespace}/" : "/");
            ObjectNode patch =
                    paths.putObject(prefix + resource.plural() + "/{name}").putObject("patch");
            patch.putObject("x-kubernetes-group-version-kind")
                    .put("group", resource.group())
                    .put("version", resource.version())
                    .put("kind", resource.kind());
            ArrayNode parameters = patch.putArray("parameters");
            parameters
                    .addObject()
                    .put("name", "fieldValidation")
                    .put("in", "query")
                    .putObject("schema")
                    .put("type", "string");
            patch.putObject("responses").putObject("200").put("description", "OK");
        }
        return Optional.of(document);
    }

    /** {@code api/v1} or {@code apis/GROUP/VERSION}: how the index names a group version. */
    private static String documentPath(ApiResource resource) {
        return resource.group().isEmpty()
                ? "api/" + resource.version()
                : "apis/" + resource.group() + "/" + resource.version();
    }
}
