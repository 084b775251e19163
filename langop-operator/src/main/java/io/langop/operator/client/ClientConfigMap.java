package io.langop.operator.client;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.operator.kube.Owners;
import java.util.Map;

/** ConfigMap {@code <client>-client} holding {@code client.json}, mounted at {@code /etc/client}. */
@KubernetesDependent(informer = @Informer(labelSelector = ClientObjects.SELECTOR))
public class ClientConfigMap extends CRUDKubernetesDependentResource<ConfigMap, LanguageClient> {

    @Override
    protected ConfigMap desired(LanguageClient client, Context<LanguageClient> context) {
        return of(context.managedWorkflowAndDependentResourceContext().getMandatory(ClientPlan.KEY, ClientPlan.class));
    }

    static ConfigMap of(ClientPlan plan) {
        LanguageClient client = plan.client();
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(ClientObjects.name(client))
                .withNamespace(client.getMetadata().getNamespace())
                .withLabels(ClientObjects.labels(client))
                .withOwnerReferences(Owners.controller(client))
                .endMetadata()
                .withData(Map.of(ClientSettings.FILE, ClientSettings.render(plan)))
                .build();
    }
}
