package io.langop.operator.kube;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/**
 * Objects whose spec this operator cannot read. The operator's client reads them with their spec left out
 * ({@link UnreadableSpecModule}); a reconciler that meets a missing spec asks {@link #problems} why, and marks
 * that object alone Failed with the answer, while every other object is reconciled as usual.
 */
public final class UnreadableSpecs {

    /** Configured as the operator client's mapper is, without the module: it reads what the module left out. */
    private static final ObjectMapper PLAIN = KubeJson.mapper();

    private UnreadableSpecs() {}

    /** The serialization of the operator's client: langop.io objects are read as {@link UnreadableSpecModule} says. */
    public static KubernetesSerialization serialization() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new UnreadableSpecModule(mapper));
        return new KubernetesSerialization(mapper, true);
    }

    /**
     * Why the operator cannot read the spec of {@code resource}, one line per field (at most {@value
     * LenientTreeReader#MAX_PROBLEMS}), such as {@code spec.maxIterations: "ten" is not an integer}. Empty when
     * it has a spec, or when the stored object has none either (a missing spec is for the caller to judge). A
     * resource without spec costs one GET of the stored object, the only place its unread spec still is.
     */
    public static List<String> problems(KubernetesClient client, CustomResource<?, ?> resource) {
        if (resource.getSpec() != null) {
            return List.of();
        }
        GenericKubernetesResource stored = client.genericKubernetesResources(
                        resource.getApiVersion(), resource.getKind())
                .inNamespace(resource.getMetadata().getNamespace())
                .withName(resource.getMetadata().getName())
                .get();
        Object spec = stored == null ? null : stored.getAdditionalProperties().get("spec");
        if (spec == null) {
            return List.of();
        }
        JavaType specType = PLAIN.constructType(resource.getClass()).findTypeParameters(CustomResource.class)[0];
        List<String> problems = LenientTreeReader.read(PLAIN.readerFor(specType), PLAIN.valueToTree(spec), "spec")
                .problems();
        // readable by now: the object changed since the informer saw it, and its next event brings the new spec
        return problems.isEmpty() ? List.of("the spec changed while it was read; the new one is read next") : problems;
    }
}
