package io.langop.operator.model;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.VolumeProjectionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.langop.api.v1alpha1.LogLevel;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.LogSettings;
import io.langop.operator.kube.Owners;
import io.langop.operator.trace.PodTelemetry;
import io.langop.operator.trace.TraceResource;
import io.langop.wire.ServiceWire;
import java.util.List;
import java.util.Map;

/**
 * The model proxy, Deployment {@code <model>-model} with {@code spec.replicas} pods: reads {@code proxy.yaml} from the
 * ConfigMap and each API key (and the connection string of the Redis its replicas share) from its Secret, mounted at
 * {@code /etc/secrets/<secret>/<key>}.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MODEL_OBJECTS))
public class ProxyDeployment extends CRUDKubernetesDependentResource<Deployment, LanguageModel> {

    static final String CONFIG_DIR = "/etc/langop/proxy";

    @Override
    protected Deployment desired(LanguageModel model, Context<LanguageModel> context) {
        return of(
                model,
                context.managedWorkflowAndDependentResourceContext()
                        .getMandatory(ModelProxyPlan.KEY, ModelProxyPlan.class));
    }

    static Deployment of(LanguageModel model, ModelProxyPlan plan) {
        String clusterRef = model.getSpec().getClusterRef();
        List<VolumeProjection> keys = plan.secretKeys().stream()
                .map(ref -> new VolumeProjectionBuilder()
                        .withNewSecret()
                        .withName(ref.getName())
                        .addNewItem()
                        .withKey(ProxyConfigRenderer.keyOf(ref))
                        .withPath(ref.getName() + "/" + ProxyConfigRenderer.keyOf(ref))
                        .endItem()
                        .endSecret()
                        .build())
                .distinct()
                .toList();
        var pod = new DeploymentBuilder()
                .withNewMetadata()
                .withName(ModelEndpoint.name(model))
                .withNamespace(model.getMetadata().getNamespace())
                .withLabels(Labels.of(model, "model-proxy", clusterRef))
                .withOwnerReferences(Owners.controller(model))
                .endMetadata()
                .withNewSpec()
                .withReplicas(ProxyConfigRenderer.replicas(model))
                .withNewSelector()
                .withMatchLabels(Labels.selector(model))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(Labels.of(model, "model-proxy", clusterRef))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("proxy")
                .withImage(plan.image())
                .withResources(model.getSpec().getResources())
                .addNewPort()
                .withName(ProxyService.PORT_NAME)
                .withContainerPort(ModelEndpoint.PORT)
                .withProtocol("TCP")
                .endPort()
                .addNewEnv()
                .withName(ServiceWire.PROXY_CONFIG_ENV)
                .withValue(CONFIG_DIR + "/" + ProxyConfigMap.FILE)
                .endEnv()
                .addNewEnv()
                .withName(ServiceWire.PORT_ENV)
                .withValue(Integer.toString(ModelEndpoint.PORT))
                .endEnv()
                .addAllToEnv(LogSettings.env(logLevel(model), null))
                .addAllToEnv(PodTelemetry.env(
                        model.getSpec().getObservability(),
                        PodTelemetry.Role.CONTINUES,
                        model.getMetadata().getName(),
                        Map.of(TraceResource.NAMESPACE, model.getMetadata().getNamespace())))
                .addNewVolumeMount()
                .withName("config")
                .withMountPath(CONFIG_DIR)
                .withReadOnly(true)
                .endVolumeMount()
                .withReadinessProbe(new ProbeBuilder()
                        .withNewHttpGet()
                        .withPath(ServiceWire.READY_PATH)
                        .withPort(new IntOrString(ProxyService.PORT_NAME))
                        .endHttpGet()
                        .withPeriodSeconds(10)
                        .build())
                .withLivenessProbe(new ProbeBuilder()
                        .withNewHttpGet()
                        .withPath(ServiceWire.HEALTH_PATH)
                        .withPort(new IntOrString(ProxyService.PORT_NAME))
                        .endHttpGet()
                        .withInitialDelaySeconds(10)
                        .withPeriodSeconds(20)
                        .build())
                .endContainer()
                .addNewVolume()
                .withName("config")
                .withNewConfigMap()
                .withName(ModelEndpoint.name(model))
                .endConfigMap()
                .endVolume()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
        if (!keys.isEmpty()) {
            var spec = pod.getSpec().getTemplate().getSpec();
            spec.getContainers()
                    .getFirst()
                    .getVolumeMounts()
                    .add(new io.fabric8.kubernetes.api.model.VolumeMountBuilder()
                            .withName("api-keys")
                            .withMountPath(ProxyConfigRenderer.SECRETS_DIR)
                            .withReadOnly(true)
                            .build());
            spec.getVolumes()
                    .add(new io.fabric8.kubernetes.api.model.VolumeBuilder()
                            .withName("api-keys")
                            .withNewProjected()
                            .withSources(keys)
                            .endProjected()
                            .build());
        }
        return pod;
    }

    private static LogLevel logLevel(LanguageModel model) {
        var observability = model.getSpec().getObservability();
        return observability == null || observability.getLogging() == null
                ? null
                : observability.getLogging().getLevel();
    }
}
