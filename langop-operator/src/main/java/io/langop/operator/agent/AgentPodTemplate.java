package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentSpec;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.PullPolicies;
import io.langop.operator.synthesis.SynthesisFingerprint;
import io.langop.operator.tool.ToolContainer;
import io.langop.operator.trace.PodTelemetry;
import io.langop.wire.AgentFiles;
import io.langop.wire.ObjectNames;
import io.langop.wire.PodAnnotations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The agent pod, the same for a Deployment and a CronJob: the agent container with its code,
 * workspace and environment, and each sidecar tool as a native sidecar (an init container with
 * {@code restartPolicy: Always}) — it starts, and is ready, before the agent, and it does not keep a
 * scheduled agent's Job from completing. An agent that serves HTTP (every mode but scheduled) has
 * its port and probes on {@code /readyz} and {@code /healthz}.
 */
final class AgentPodTemplate {

    static final String CODE_PATH = AgentFiles.CODE_DIR;
    static final String CODE_VOLUME = "agent-code";
    static final String WORKSPACE_VOLUME = "workspace";
    static final String AGENT_CONTAINER = ObjectNames.AGENT_CONTAINER;
    static final String CODE_FILE = AgentFiles.CODE_FILE;
    static final String CODE_HASH_ANNOTATION = PodAnnotations.CODE_HASH;
    static final String INSTRUCTIONS_HASH_ANNOTATION = "langop.io/instructions-hash";

    private AgentPodTemplate() {}

    static String codeConfigMapName(LanguageAgent agent) {
        return Labels.name(agent, ObjectNames.CODE_ROLE);
    }

    static PodTemplateSpec build(AgentPlan plan, String restartPolicy) {
        LanguageAgent agent = plan.agent();
        LanguageAgentSpec spec = agent.getSpec();
        Map<String, String> labels = Labels.of(agent, "agent", plan.clusterRef());
        Objects.requireNonNullElse(spec.getPodLabels(), Map.<String, String>of())
                .forEach(labels::putIfAbsent);
        Map<String, String> annotations =
                new LinkedHashMap<>(Objects.requireNonNullElse(spec.getPodAnnotations(), Map.of()));
        if (plan.codeHash() != null) {
            // new code, new pod template: the rollout follows synthesis
            annotations.put(CODE_HASH_ANNOTATION, plan.codeHash());
        }
        if (plan.codeHash() == null && AgentInstructions.present(agent)) {
            // before there is code the runtime runs its instructions file, read once: new instructions, new pods. With
            // code it never reads them; new instructions roll out as the new code written from them, and restarting
            // the old code meanwhile would only cut its runs short
            annotations.put(INSTRUCTIONS_HASH_ANNOTATION, SynthesisFingerprint.sha256(spec.getInstructions()));
        }

        // without a claim the workspace is the pod's own emptyDir: the runtime's files and default memory need a
        // writable place that lives as long as the pod (the image's root file system is not one)
        List<VolumeMount> workspaceMounts = List.of(new VolumeMountBuilder()
                .withName(WORKSPACE_VOLUME)
                .withMountPath(plan.workspacePath())
                .build());
        List<VolumeMount> agentMounts = new ArrayList<>();
        agentMounts.add(new VolumeMountBuilder()
                .withName(CODE_VOLUME)
                .withMountPath(CODE_PATH)
                .withReadOnly(true)
                .build());
        if (AgentInstructions.present(agent)) {
            agentMounts.add(new VolumeMountBuilder()
                    .withName(AgentInstructions.VOLUME)
                    .withMountPath(AgentFiles.INSTRUCTIONS_DIR)
                    .withReadOnly(true)
                    .build());
        }
        agentMounts.addAll(workspaceMounts);
        agentMounts.addAll(Objects.requireNonNullElse(spec.getVolumeMounts(), List.of()));

        ContainerBuilder agentContainer = new ContainerBuilder()
                .withName(AGENT_CONTAINER)
                .withImage(spec.getImage())
                .withImagePullPolicy(PullPolicies.kubernetesName(spec.getImagePullPolicy()))
                // a failed run's last log lines become the container's termination message, which the operator
                // reads from the pod status when it rolls code back (JobRuns, ServedRuns)
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .withEnv(AgentEnvironment.of(plan))
                .withEnvFrom(spec.getEnvFrom())
                .withResources(spec.getResources())
                .withVolumeMounts(agentMounts);
        if (AgentHttp.listens(agent)) {
            agentContainer
                    .addNewPort()
                    .withName(AgentHttp.PORT_NAME)
                    .withContainerPort(AgentHttp.port(agent))
                    .withProtocol("TCP")
                    .endPort();
        }
        if (AgentHttp.serves(agent)) {
            agentContainer
                    .withStartupProbe(AgentHttp.startup())
                    .withReadinessProbe(AgentHttp.readiness())
                    .withLivenessProbe(AgentHttp.liveness());
        }
        Container container = agentContainer.build();

        List<Container> sidecars = new ArrayList<>();
        List<Volume> volumes = new ArrayList<>();
        volumes.add(codeVolume(agent));
        if (AgentInstructions.present(agent)) {
            // not optional: the kubelet starts the pod once the operator has written the ConfigMap
            volumes.add(new VolumeBuilder()
                    .withName(AgentInstructions.VOLUME)
                    .withNewConfigMap()
                    .withName(AgentInstructions.configMapName(agent))
                    .endConfigMap()
                    .build());
        }
        volumes.add(
                AgentPlan.hasWorkspace(agent)
                        ? new VolumeBuilder()
                                .withName(WORKSPACE_VOLUME)
                                .withNewPersistentVolumeClaim()
                                .withClaimName(Labels.name(agent, WORKSPACE_VOLUME))
                                .endPersistentVolumeClaim()
                                .build()
                        : new VolumeBuilder()
                                .withName(WORKSPACE_VOLUME)
                                .withNewEmptyDir()
                                .endEmptyDir()
                                .build());
        volumes.addAll(Objects.requireNonNullElse(spec.getVolumes(), List.of()));
        LinkedHashSet<String> pullSecrets = new LinkedHashSet<>();
        Objects.requireNonNullElse(spec.getImagePullSecrets(), List.<LocalObjectReference>of())
                .forEach(s -> pullSecrets.add(s.getName()));
        for (LanguageTool tool : plan.sidecarTools()) {
            Container sidecar = ToolContainer.of("tool-" + tool.getMetadata().getName(), tool, workspaceMounts);
            AgentMailTriggers.Wiring mail = AgentMailTriggers.sidecar(plan, tool);
            mail.addTo(sidecar, volumes);
            // a sidecar continues the agent's traces, to the agent's collector; one that forwards the agent's mail
            // starts the trace of each delivery, which the run it brings continues
            sidecar.getEnv()
                    .addAll(PodTelemetry.env(
                            plan.agent().getSpec().getObservability(),
                            mail.env().isEmpty() ? PodTelemetry.Role.CONTINUES : PodTelemetry.Role.ORIGIN,
                            tool.getMetadata().getName(),
                            AgentEnvironment.resource(plan)));
            sidecar.setRestartPolicy("Always");
            sidecars.add(sidecar);
            Objects.requireNonNullElse(tool.getSpec().getVolumes(), List.<Volume>of()).stream()
                    .filter(v -> volumes.stream()
                            .noneMatch(existing -> existing.getName().equals(v.getName())))
                    .forEach(volumes::add);
            Objects.requireNonNullElse(tool.getSpec().getImagePullSecrets(), List.<LocalObjectReference>of())
                    .forEach(s -> pullSecrets.add(s.getName()));
        }

        return new PodTemplateSpecBuilder()
                .withNewMetadata()
                .withLabels(labels)
                .withAnnotations(annotations.isEmpty() ? null : annotations)
                .endMetadata()
                .withNewSpec()
                .withInitContainers(sidecars)
                .withContainers(container)
                .withVolumes(volumes)
                .withRestartPolicy(restartPolicy)
                .withServiceAccountName(spec.getServiceAccountName())
                .withSecurityContext(spec.getSecurityContext())
                .withNodeSelector(spec.getNodeSelector())
                .withAffinity(spec.getAffinity())
                .withTolerations(spec.getTolerations())
                .withImagePullSecrets(
                        pullSecrets.stream().map(LocalObjectReference::new).toList())
                .endSpec()
                .build();
    }

    /**
     * Bring-your-own code from {@code spec.codeRef}, or the ConfigMap synthesis writes; the latter is
     * optional so the pod can be scheduled before the first synthesis finished.
     */
    private static Volume codeVolume(LanguageAgent agent) {
        var codeRef = agent.getSpec().getCodeRef();
        if (codeRef != null) {
            return new VolumeBuilder()
                    .withName(CODE_VOLUME)
                    .withNewConfigMap()
                    .withName(codeRef.getName())
                    .addNewItem()
                    .withKey(Objects.requireNonNullElse(codeRef.getKey(), CODE_FILE))
                    .withPath(CODE_FILE)
                    .endItem()
                    .endConfigMap()
                    .build();
        }
        return new VolumeBuilder()
                .withName(CODE_VOLUME)
                .withNewConfigMap()
                .withName(codeConfigMapName(agent))
                .withOptional(true)
                .endConfigMap()
                .build();
    }
}
