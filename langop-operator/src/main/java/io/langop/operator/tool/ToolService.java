package io.langop.operator.tool;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.langop.api.v1alpha1.ServiceType;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The Service {@code <tool>-tool} agents reach a service-mode tool through. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.TOOL_OBJECTS))
public class ToolService extends CRUDKubernetesDependentResource<Service, LanguageTool> {

    @Override
    protected Service desired(LanguageTool tool, Context<LanguageTool> context) {
        return of(tool);
    }

    static Service of(LanguageTool tool) {
        var spec = tool.getSpec();
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(ToolEndpoint.serviceName(tool))
                .withNamespace(tool.getMetadata().getNamespace())
                .withLabels(Labels.of(tool, "tool", spec.getClusterRef()))
                .withAnnotations(
                        new LinkedHashMap<>(Objects.requireNonNullElse(spec.getServiceAnnotations(), Map.of())))
                .withOwnerReferences(Owners.controller(tool))
                .endMetadata()
                .withNewSpec()
                .withType(serviceType(spec.getServiceType()))
                .withSelector(Labels.selector(tool))
                .addNewPort()
                .withName(ToolEndpoint.PORT_NAME)
                .withPort(ToolEndpoint.port(tool))
                .withTargetPort(new IntOrString(ToolEndpoint.PORT_NAME))
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build();
    }

    public static String serviceType(ServiceType type) {
        return switch (type == null ? ServiceType.CLUSTER_IP : type) {
            case CLUSTER_IP -> "ClusterIP";
            case NODE_PORT -> "NodePort";
            case LOAD_BALANCER -> "LoadBalancer";
        };
    }
}
