package io.langop.operator.client;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import io.langop.operator.tool.ToolService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Service {@code <client>-client} in front of the client's pods, of {@code spec.serviceType}. */
@KubernetesDependent(informer = @Informer(labelSelector = ClientObjects.SELECTOR))
public class ClientService extends CRUDKubernetesDependentResource<Service, LanguageClient> {

    @Override
    protected Service desired(LanguageClient client, Context<LanguageClient> context) {
        return of(client);
    }

    static Service of(LanguageClient client) {
        var spec = client.getSpec();
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(ClientObjects.name(client))
                .withNamespace(client.getMetadata().getNamespace())
                .withLabels(ClientObjects.labels(client))
                .withAnnotations(
                        new LinkedHashMap<>(Objects.requireNonNullElse(spec.getServiceAnnotations(), Map.of())))
                .withOwnerReferences(Owners.controller(client))
                .endMetadata()
                .withNewSpec()
                .withType(ToolService.serviceType(spec.getServiceType()))
                .withSelector(Labels.selector(client))
                .addNewPort()
                .withName(ClientObjects.PORT_NAME)
                .withPort(ClientObjects.port(client))
                .withTargetPort(new IntOrString(ClientObjects.PORT_NAME))
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build();
    }
}
