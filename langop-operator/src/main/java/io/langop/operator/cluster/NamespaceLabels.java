package io.langop.operator.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.langop.operator.kube.KubeJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The labels a LanguageCluster puts on its namespace, and how they are given back.
 *
 * <p>The namespace is never created or deleted by the operator: a LanguageCluster lives in the
 * namespace it labels, so the namespace always existed first and belongs to whoever made it. The
 * operator only changes labels, and records in the annotation {@value #PREVIOUS} what each label it
 * changed was before (JSON, {@code null} for "absent"). A label dropped from the spec, and every label
 * when the cluster is deleted, gets that value back; labels the operator never touched are left alone.
 */
final class NamespaceLabels {

    static final String PREVIOUS = "langop.io/labels-before-cluster";

    private static final ObjectMapper JSON = KubeJson.mapper();
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {};

    private NamespaceLabels() {}

    /**
     * Makes the namespace carry {@code wanted} and gives back the labels set earlier but no longer
     * wanted; writes nothing when it already does. Returns false when the namespace does not exist.
     */
    static boolean apply(KubernetesClient client, String name, Map<String, String> wanted) {
        Namespace namespace = client.namespaces().withName(name).get();
        if (namespace == null) {
            return false;
        }
        Map<String, String> labels =
                Objects.requireNonNullElse(namespace.getMetadata().getLabels(), Map.of());
        Map<String, String> previous = previous(namespace);
        Map<String, String> nextPrevious = new LinkedHashMap<>(previous);
        Map<String, String> nextLabels = new LinkedHashMap<>(labels);

        wanted.forEach((key, value) -> {
            if (!value.equals(labels.get(key))) {
                nextLabels.put(key, value);
                if (!previous.containsKey(key)) {
                    nextPrevious.put(key, labels.get(key));
                }
            }
        });
        previous.forEach((key, before) -> {
            if (!wanted.containsKey(key)) {
                if (before == null) {
                    nextLabels.remove(key);
                } else {
                    nextLabels.put(key, before);
                }
                nextPrevious.remove(key);
            }
        });

        if (nextLabels.equals(labels) && nextPrevious.equals(previous)) {
            return true;
        }
        // a JSON patch, not a merge patch: removing a key is explicit (the mock API server keeps
        // merge patch nulls as values, a real one deletes them); both answer this patch the same way.
        // The test on resourceVersion makes a concurrent change of the labels fail the patch (and the
        // reconcile, which is retried) instead of being overwritten.
        ArrayNode patch = JSON.createArrayNode();
        patch.addObject()
                .put("op", "test")
                .put("path", "/metadata/resourceVersion")
                .put("value", namespace.getMetadata().getResourceVersion());
        set(patch, "/metadata/labels", nextLabels);
        Map<String, String> annotations = namespace.getMetadata().getAnnotations();
        Map<String, String> nextAnnotations = new LinkedHashMap<>(Objects.requireNonNullElse(annotations, Map.of()));
        if (nextPrevious.isEmpty()) {
            nextAnnotations.remove(PREVIOUS);
        } else {
            nextAnnotations.put(PREVIOUS, write(nextPrevious));
        }
        set(patch, "/metadata/annotations", nextAnnotations);
        client.namespaces().withName(name).patch(PatchContext.of(PatchType.JSON), patch.toString());
        return true;
    }

    /** "add" sets a member whether it exists or not (RFC 6902 4.1), so it also works on a bare namespace. */
    private static void set(ArrayNode patch, String path, Map<String, String> value) {
        patch.addObject().put("op", "add").put("path", path).set("value", JSON.valueToTree(value));
    }

    /** Gives back every label the cluster set; nothing to do when the namespace is gone. */
    static void restore(KubernetesClient client, String name) {
        apply(client, name, Map.of());
    }

    private static Map<String, String> previous(Namespace namespace) {
        Map<String, String> annotations = namespace.getMetadata().getAnnotations();
        String recorded = annotations == null ? null : annotations.get(PREVIOUS);
        if (recorded == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(recorded, STRING_MAP);
        } catch (JsonProcessingException e) {
            // edited by hand into something unreadable: the labels are kept as they are rather than guessed
            return Map.of();
        }
    }

    private static String write(Map<String, String> previous) {
        try {
            return JSON.writeValueAsString(previous);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
