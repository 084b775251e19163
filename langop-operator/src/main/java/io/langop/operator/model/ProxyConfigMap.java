package io.langop.operator.model;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import java.util.Map;

/** ConfigMap {@code <model>-model} holding {@code proxy.yaml}; API keys stay in their Secrets. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MODEL_OBJECTS))
public class ProxyConfigMap extends CRUDKubernetesDependentResource<ConfigMap, LanguageModel> {

    static final String FILE = "proxy.yaml";

    @Override
    protected ConfigMap desired(LanguageModel model, Context<LanguageModel> context) {
        return of(
                model,
                context.managedWorkflowAndDependentResourceContext()
                        .getMandatory(ModelProxyPlan.KEY, ModelProxyPlan.class));
    }

    static ConfigMap of(LanguageModel model, ModelProxyPlan plan) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(ModelEndpoint.name(model))
                .withNamespace(model.getMetadata().getNamespace())
                .withLabels(Labels.of(model, "model-proxy", model.getSpec().getClusterRef()))
                .withOwnerReferences(Owners.controller(model))
                .endMetadata()
                .withData(Map.of(FILE, plan.configYaml()))
                .build();
    }
}
