package io.langop.operator.usage;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.operator.kube.Labels;

/**
 * Secret {@code <model>-model-key}: the operator's own key at a model's proxy, the one that may read its usage
 * and metrics (and that synthesis through {@code spec.synthesis.modelRef} presents). The reconcile chooses it
 * ({@link ProxyClients#of}) before rendering the proxy's file, which names it by its hash; this dependent stores it.
 * Prometheus may scrape {@code /metrics} with it as bearer token.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MODEL_OBJECTS))
public class ModelOperatorKey extends ProxyKeySecret<LanguageModel> {

    /** The workflow context entry holding the key the reconcile chose. */
    static final String CHOSEN = ModelOperatorKey.class.getName();

    /** The dependent's (and its informer's) name in the model controller. */
    public static final String NAME = "operator-key";

    @Override
    protected Secret desired(LanguageModel model, Context<LanguageModel> context) {
        String key = context.managedWorkflowAndDependentResourceContext().getMandatory(CHOSEN, String.class);
        return ProxyKeys.secret(
                model,
                name(model),
                Labels.of(model, "model-proxy-key", model.getSpec().getClusterRef()),
                key);
    }

    public static String name(LanguageModel model) {
        return Labels.name(model, "model-key");
    }
}
