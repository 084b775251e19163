package io.langop.cli;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.wire.ObjectNames;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An agent and what the operator made for it, found by the names and labels of {@link ObjectNames}. */
final class AgentObjects {

    private final KubernetesClient client;
    private final String namespace;
    private final String name;

    AgentObjects(KubernetesClient client, String namespace, String name) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
    }

    /** The agent, or a failure that says how to list the ones there are. */
    LanguageAgent agent() {
        LanguageAgent agent = client.resources(LanguageAgent.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
        if (agent == null) {
            throw new CliFailure(
                    CliExit.NOT_FOUND,
                    "no LanguageAgent " + name + " in namespace " + namespace + "; langop get agents -n " + namespace
                            + " lists them");
        }
        return agent;
    }

    /** The agent's pods, oldest first: a Deployment's, or the runs of a scheduled agent. */
    List<Pod> pods() {
        return client
                .pods()
                .inNamespace(namespace)
                .withLabels(Map.of(
                        ObjectNames.KIND_LABEL,
                        "LanguageAgent",
                        ObjectNames.INSTANCE_LABEL,
                        name,
                        ObjectNames.COMPONENT_LABEL,
                        ObjectNames.AGENT_ROLE))
                .list()
                .getItems()
                .stream()
                .sorted(Comparator.comparing(
                        pod -> pod.getMetadata().getCreationTimestamp(),
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    /** The Events the operator posted about the agent, oldest first. */
    List<Event> events() {
        return client
                .v1()
                .events()
                .inNamespace(namespace)
                .withField("involvedObject.name", name)
                .list()
                .getItems()
                .stream()
                .filter(event ->
                        "LanguageAgent".equals(event.getInvolvedObject().getKind()))
                .sorted(Comparator.comparing(
                        event -> Objects.requireNonNullElse(
                                event.getLastTimestamp(), event.getMetadata().getCreationTimestamp()),
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    /** The Deployment or CronJob, and the Service, of the agent. */
    String workloadName() {
        return ObjectNames.of(name, ObjectNames.AGENT_ROLE);
    }

    /** The ConfigMap synthesis writes the agent's code to. */
    String codeConfigMapName() {
        return ObjectNames.of(name, ObjectNames.CODE_ROLE);
    }

    /** The ConfigMap of the code {@code langop code agent --edit} made the agent's own. */
    String ownCodeConfigMapName() {
        return ObjectNames.of(name, "own-code");
    }

    String namespace() {
        return namespace;
    }

    String name() {
        return name;
    }
}
