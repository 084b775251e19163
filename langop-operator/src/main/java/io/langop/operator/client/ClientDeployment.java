package io.langop.operator.client;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.api.v1alpha1.client.LanguageClientSpec;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.LogSettings;
import io.langop.operator.kube.Owners;
import io.langop.operator.kube.PullPolicies;
import io.langop.operator.model.ModelEndpoint;
import io.langop.operator.synthesis.SynthesisFingerprint;
import io.langop.operator.tool.ToolEndpoint;
import io.langop.operator.workload.Autoscalers;
import io.langop.operator.workload.ServiceWorkloadPods;
import io.langop.operator.workload.UpdateStrategies;
import io.langop.wire.AgentEnv;
import io.langop.wire.ClientWire;
import io.langop.wire.ServiceWire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The client's pods, Deployment {@code <client>-client}: one container {@code client} running
 * {@code spec.image}, or the langop console when it is empty, on {@code spec.port}, with {@code client.json} mounted, the identity, model and
 * credential variables of the client contract (docs/api.md) and the pod settings of the spec. The
 * hash of {@code client.json} is a pod annotation, so a settings change rolls the pods.
 */
@KubernetesDependent(informer = @Informer(labelSelector = ClientObjects.SELECTOR))
public class ClientDeployment extends CRUDKubernetesDependentResource<Deployment, LanguageClient> {

    static final String CONFIG_DIR = ClientWire.CONFIG_DIR;
    static final String TLS_DIR = CONFIG_DIR + "/tls";
    static final String CONFIG_VOLUME = "client-config";
    static final String TLS_VOLUME = "client-tls";
    static final String CONFIG_HASH_ANNOTATION = "langop.io/config-hash";

    @Override
    protected Deployment desired(LanguageClient client, Context<LanguageClient> context) {
        return of(
                context.managedWorkflowAndDependentResourceContext().getMandatory(ClientPlan.KEY, ClientPlan.class),
                context.getSecondaryResource(Deployment.class).orElse(null));
    }

    /** {@code current}: the stored Deployment, whose replicas an autoscaler may own. */
    static Deployment of(ClientPlan plan, Deployment current) {
        LanguageClient client = plan.client();
        LanguageClientSpec spec = client.getSpec();
        Map<String, String> podLabels = ClientObjects.labels(client);
        Objects.requireNonNullElse(spec.getPodLabels(), Map.<String, String>of())
                .forEach(podLabels::putIfAbsent);
        Map<String, String> annotations =
                new LinkedHashMap<>(Objects.requireNonNullElse(spec.getPodAnnotations(), Map.of()));
        annotations.put(CONFIG_HASH_ANNOTATION, SynthesisFingerprint.sha256(ClientSettings.render(plan)));

        List<Volume> volumes = new ArrayList<>();
        volumes.add(new VolumeBuilder()
                .withName(CONFIG_VOLUME)
                .withNewConfigMap()
                .withName(ClientObjects.name(client))
                .endConfigMap()
                .build());
        if (servesTls(spec)) {
            volumes.add(new VolumeBuilder()
                    .withName(TLS_VOLUME)
                    .withNewSecret()
                    .withSecretName(spec.getTls().getSecretRef().getName())
                    .endSecret()
                    .build());
        }
        volumes.addAll(Objects.requireNonNullElse(spec.getVolumes(), List.of()));
        int fixedReplicas = Objects.requireNonNullElse(spec.getReplicas(), ClientObjects.DEFAULT_REPLICAS);

        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(ClientObjects.name(client))
                .withNamespace(client.getMetadata().getNamespace())
                .withLabels(ClientObjects.labels(client))
                .withOwnerReferences(Owners.controller(client))
                .endMetadata()
                .withNewSpec()
                .withReplicas(Autoscalers.replicas(spec.getHorizontalPodAutoscaler(), current, fixedReplicas))
                .withNewSelector()
                .withMatchLabels(Labels.selector(client))
                .endSelector()
                .withStrategy(UpdateStrategies.of(spec.getUpdateStrategy()))
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(podLabels)
                .withAnnotations(annotations)
                .endMetadata()
                .withSpec(ServiceWorkloadPods.podSpec(spec)
                        .withContainers(container(plan))
                        .withVolumes(volumes)
                        .build())
                .endTemplate()
                .endSpec()
                .build();
    }

    private static Container container(ClientPlan plan) {
        LanguageClientSpec spec = plan.client().getSpec();
        List<VolumeMount> mounts = new ArrayList<>();
        mounts.add(new VolumeMountBuilder()
                .withName(CONFIG_VOLUME)
                .withMountPath(CONFIG_DIR)
                .withReadOnly(true)
                .build());
        if (servesTls(spec)) {
            mounts.add(new VolumeMountBuilder()
                    .withName(TLS_VOLUME)
                    .withMountPath(TLS_DIR)
                    .withReadOnly(true)
                    .build());
        }
        mounts.addAll(Objects.requireNonNullElse(spec.getVolumeMounts(), List.of()));
        return new ContainerBuilder()
                .withName(ClientObjects.ROLE)
                .withImage(ClientObjects.image(spec))
                .withImagePullPolicy(PullPolicies.kubernetesName(spec.getImagePullPolicy()))
                .addNewPort()
                .withName(ClientObjects.PORT_NAME)
                .withContainerPort(ClientObjects.port(plan.client()))
                .withProtocol("TCP")
                .endPort()
                .withEnv(env(plan))
                .withEnvFrom(spec.getEnvFrom())
                .withResources(spec.getResources())
                .withVolumeMounts(mounts)
                .withSecurityContext(spec.getContainerSecurityContext())
                .withReadinessProbe(
                        spec.getReadinessProbe() != null ? spec.getReadinessProbe() : defaultReadiness(spec))
                .withLivenessProbe(spec.getLivenessProbe())
                .withStartupProbe(spec.getStartupProbe())
                .build();
    }

    /** The client contract; a variable the user sets in {@code spec.env} replaces the operator's. */
    static List<EnvVar> env(ClientPlan plan) {
        LanguageClientSpec spec = plan.client().getSpec();
        Map<String, EnvVar> env = new LinkedHashMap<>();
        put(env, "CLIENT_NAME", plan.client().getMetadata().getName());
        put(env, "CLIENT_NAMESPACE", plan.client().getMetadata().getNamespace());
        put(env, "CLIENT_TYPE", ClientSettings.typeName(spec));
        put(env, ServiceWire.PORT_ENV, String.valueOf(ClientObjects.port(plan.client())));
        put(env, ClientWire.CONFIG_ENV, CONFIG_DIR + "/" + ClientSettings.FILE);
        put(
                env,
                AgentEnv.MODEL_ENDPOINTS,
                plan.models().stream().map(ModelEndpoint::url).collect(Collectors.joining(",")));
        put(
                env,
                AgentEnv.LLM_MODEL,
                plan.models().stream().map(m -> m.getMetadata().getName()).collect(Collectors.joining(",")));
        put(
                env,
                AgentEnv.MCP_SERVERS,
                plan.tools().stream().map(ToolEndpoint::url).collect(Collectors.joining(",")));
        if (servesTls(spec)) {
            put(env, "TLS_CERT_FILE", TLS_DIR + "/tls.crt");
            put(env, "TLS_KEY_FILE", TLS_DIR + "/tls.key");
        }
        ClientSecrets.env(spec).forEach(variable -> env.put(variable.getName(), variable));
        ClientSecrets.approvalTokens(plan.agents()).forEach(variable -> env.put(variable.getName(), variable));
        if (spec.getLogging() != null) {
            LogSettings.env(spec.getLogging().getLevel(), spec.getLogging().getFormat())
                    .forEach(variable -> env.put(variable.getName(), variable));
        }
        for (EnvVar user : Objects.requireNonNullElse(spec.getEnv(), List.<EnvVar>of())) {
            env.remove(user.getName());
            env.put(user.getName(), user);
        }
        return List.copyOf(env.values());
    }

    /** The pods terminate TLS themselves when it is enabled with a certificate Secret. */
    static boolean servesTls(LanguageClientSpec spec) {
        return spec.getTls() != null
                && Boolean.TRUE.equals(spec.getTls().getEnabled())
                && spec.getTls().getSecretRef() != null;
    }

    /** The console answers {@code /readyz}; of another image only its open port is known. */
    private static Probe defaultReadiness(LanguageClientSpec spec) {
        ProbeBuilder probe = ClientObjects.runsConsole(spec)
                ? new ProbeBuilder()
                        .withNewHttpGet()
                        .withPath(ServiceWire.READY_PATH)
                        .withPort(new IntOrString(ClientObjects.PORT_NAME))
                        .endHttpGet()
                : new ProbeBuilder()
                        .withNewTcpSocket()
                        .withPort(new IntOrString(ClientObjects.PORT_NAME))
                        .endTcpSocket();
        return probe.withPeriodSeconds(5)
                .withTimeoutSeconds(1)
                .withFailureThreshold(3)
                .build();
    }

    private static void put(Map<String, EnvVar> env, String name, String value) {
        if (value != null && !value.isEmpty()) {
            env.put(name, new EnvVarBuilder().withName(name).withValue(value).build());
        }
    }
}
