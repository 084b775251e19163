package io.langop.operator.model;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;

/** Service {@code <model>-model}: the OpenAI-compatible endpoint agents are given. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MODEL_OBJECTS))
public class ProxyService extends CRUDKubernetesDependentResource<Service, LanguageModel> {

    /** The proxy's port, by name: the Service's, the container's and the one its ServiceMonitor scrapes. */
    static final String PORT_NAME = "http";

    @Override
    protected Service desired(LanguageModel model, Context<LanguageModel> context) {
        return of(model);
    }

    static Service of(LanguageModel model) {
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(ModelEndpoint.name(model))
                .withNamespace(model.getMetadata().getNamespace())
                .withLabels(Labels.of(model, "model-proxy", model.getSpec().getClusterRef()))
                .withOwnerReferences(Owners.controller(model))
                .endMetadata()
                .withNewSpec()
                .withSelector(Labels.selector(model))
                .addNewPort()
                .withName(PORT_NAME)
                .withPort(ModelEndpoint.PORT)
                .withTargetPort(new IntOrString(PORT_NAME))
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build();
    }
}
