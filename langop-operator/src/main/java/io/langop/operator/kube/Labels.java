package io.langop.operator.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.langop.wire.ObjectNames;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Labels and names of the objects the operator creates. Objects are named {@code <cr>-<role>} so a
 * LanguageModel, a LanguageTool and a LanguageAgent of the same name never claim the same object,
 * and selectors use only labels that never change for the life of the owner: a Deployment selector
 * is immutable, so the cluster label lives on pods but never in a selector.
 */
public final class Labels {

    public static final String KIND = ObjectNames.KIND_LABEL;
    public static final String CLUSTER = "langop.io/cluster";
    public static final String INSTANCE = ObjectNames.INSTANCE_LABEL;
    public static final String COMPONENT = ObjectNames.COMPONENT_LABEL;
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String OPERATOR = "langop-operator";

    /** Informer filter: only objects this operator made for the given kind. */
    public static final String AGENT_OBJECTS = KIND + "=LanguageAgent," + MANAGED_BY + "=" + OPERATOR;

    public static final String MODEL_OBJECTS = KIND + "=LanguageModel," + MANAGED_BY + "=" + OPERATOR;
    public static final String TOOL_OBJECTS = KIND + "=LanguageTool," + MANAGED_BY + "=" + OPERATOR;
    public static final String CLUSTER_OBJECTS = KIND + "=LanguageCluster," + MANAGED_BY + "=" + OPERATOR;

    private Labels() {}

    /** {@code <cr>-<role>}, e.g. {@code news-agent}, {@code gpt4-model}. */
    public static String name(HasMetadata owner, String role) {
        return ObjectNames.of(owner.getMetadata().getName(), role);
    }

    /** The labels a selector may use: fixed for the life of the owner. */
    public static Map<String, String> selector(HasMetadata owner) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(KIND, owner.getKind());
        labels.put(INSTANCE, owner.getMetadata().getName());
        return labels;
    }

    /** Labels of every created object and pod: the selector labels plus descriptive ones. */
    public static Map<String, String> of(HasMetadata owner, String component, String clusterRef) {
        Map<String, String> labels = selector(owner);
        labels.put(COMPONENT, component);
        labels.put(MANAGED_BY, OPERATOR);
        labels.put(PART_OF, "langop");
        if (clusterRef != null && !clusterRef.isBlank()) {
            labels.put(CLUSTER, clusterRef);
        }
        return labels;
    }
}
