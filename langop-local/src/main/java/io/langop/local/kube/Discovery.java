package io.langop.local.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What kubectl asks before anything else: which groups, versions and resources the API server serves
 * ({@code /api}, {@code /apis}, {@code /api/v1}, {@code /apis/GROUP/VERSION}) and its version. Built-in resources
 * come from {@link BuiltInResources}; custom resources from the CustomResourceDefinitions stored in the API server,
 * read at each request, so a CRD created later is served at once.
 */
final class Discovery {

    /** The Kubernetes release whose API this server imitates (the fabric8 model it stores objects with). */
    static final String KUBERNETES_VERSION = "v1.32.0";

    private final KubernetesClient backend;
    private final ObjectMapper json;

    Discovery(KubernetesClient backend, ObjectMapper json) {
        this.backend = backend;
        this.json = json;
    }

    /** Every resource served, built-ins first. */
    List<ApiResource> resources() {
        List<ApiResource> all = new ArrayList<>(BuiltInResources.LIST);
        for (CustomResourceDefinition crd :
                backend.apiextensions().v1().customResourceDefinitions().list().getItems()) {
            for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
                if (Boolean.TRUE.equals(version.getServed())) {
                    all.add(custom(crd, version));
                }
            }
        }
        return all;
    }

    Optional<ApiResource> find(String group, String version, String plural) {
        return resources().stream()
                .filter(resource -> resource.group().equals(group)
                        && resource.version().equals(version)
                        && resource.plural().equals(plural))
                .findFirst();
    }

    JsonNode version() {
        ObjectNode version = json.createObjectNode();
        String[] parts = KUBERNETES_VERSION.substring(1).split("\\.", -1);
        version.put("major", parts[0]);
        version.put("minor", parts[1]);
        version.put("gitVersion", KUBERNETES_VERSION + "-langop-local");
        version.put("platform", "langop local");
        return version;
    }

    /** {@code GET /api}: the core group's versions. */
    JsonNode coreVersions(String serverAddress) {
        ObjectNode versions = json.createObjectNode().put("kind", "APIVersions");
        versions.putArray("versions").add("v1");
        versions.putArray("serverAddressByClientCIDRs")
                .addObject()
                .put("clientCIDR", "0.0.0.0/0")
                .put("serverAddress", serverAddress);
        return versions;
    }

    /** {@code GET /apis}: every named group with its versions, the first one preferred. */
    JsonNode groups() {
        Map<String, List<String>> versions = new LinkedHashMap<>();
        for (ApiResource resource : resources()) {
            if (!resource.group().isEmpty()) {
                List<String> known = versions.computeIfAbsent(resource.group(), group -> new ArrayList<>());
                if (!known.contains(resource.version())) {
                    known.add(resource.version());
                }
            }
        }
        ObjectNode list = json.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        versions.forEach((group, served) -> {
            ObjectNode entry = groups.addObject().put("name", group);
            ArrayNode all = entry.putArray("versions");
            served.forEach(version ->
                    all.addObject().put("groupVersion", group + "/" + version).put("version", version));
            entry.putObject("preferredVersion")
                    .put("groupVersion", group + "/" + served.getFirst())
                    .put("version", served.getFirst());
        });
        return list;
    }

    /** {@code GET /api/v1}, {@code GET /apis/GROUP/VERSION}: the resources of one group version, if served. */
    Optional<JsonNode> resourceList(String group, String version) {
        List<ApiResource> served = resources().stream()
                .filter(resource ->
                        resource.group().equals(group) && resource.version().equals(version))
                .toList();
        if (served.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode list = json.createObjectNode()
                .put("kind", "APIResourceList")
                .put("apiVersion", "v1")
                .put("groupVersion", served.getFirst().groupVersion());
        ArrayNode resources = list.putArray("resources");
        for (ApiResource resource : served) {
            ObjectNode entry = resources
                    .addObject()
                    .put("name", resource.plural())
                    .put("singularName", resource.singular())
                    .put("namespaced", resource.namespaced())
                    .put("kind", resource.kind());
            ApiResource.VERBS.forEach(entry.putArray("verbs")::add);
            if (!resource.shortNames().isEmpty()) {
                resource.shortNames().forEach(entry.putArray("shortNames")::add);
            }
            if (!resource.categories().isEmpty()) {
                resource.categories().forEach(entry.putArray("categories")::add);
            }
            for (String subresource : resource.subresources()) {
                ObjectNode sub = resources
                        .addObject()
                        .put("name", resource.plural() + "/" + subresource)
                        .put("singularName", "")
                        .put("namespaced", resource.namespaced())
                        .put("kind", subresource.equals("log") ? "Pod" : resource.kind());
                (subresource.equals("log") ? List.of("get") : List.of("get", "patch", "update"))
                        .forEach(sub.putArray("verbs")::add);
            }
        }
        return Optional.of(list);
    }

    private static ApiResource custom(CustomResourceDefinition crd, CustomResourceDefinitionVersion version) {
        var names = crd.getSpec().getNames();
        List<String> subresources = new ArrayList<>();
        if (version.getSubresources() != null && version.getSubresources().getStatus() != null) {
            subresources.add("status");
        }
        if (version.getSubresources() != null && version.getSubresources().getScale() != null) {
            subresources.add("scale");
        }
        List<ApiResource.PrinterColumn> columns = Objects.requireNonNullElse(
                        version.getAdditionalPrinterColumns(), List.<CustomResourceColumnDefinition>of())
                .stream()
                .map(column -> new ApiResource.PrinterColumn(
                        column.getName(),
                        column.getType(),
                        Objects.requireNonNullElse(column.getFormat(), ""),
                        Objects.requireNonNullElse(column.getDescription(), ""),
                        Objects.requireNonNullElse(column.getPriority(), 0),
                        column.getJsonPath()))
                .toList();
        return new ApiResource(
                crd.getSpec().getGroup(),
                version.getName(),
                names.getPlural(),
                Objects.requireNonNullElse(names.getSingular(), names.getKind().toLowerCase(java.util.Locale.ROOT)),
                names.getKind(),
                "Namespaced".equals(crd.getSpec().getScope()),
                Objects.requireNonNullElse(names.getShortNames(), List.of()),
                Objects.requireNonNullElse(names.getCategories(), List.of()),
                subresources,
                columns);
    }
}
