package io.langop.cli;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.agent.cli.LangopCommand;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.tool.LanguageTool;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a new agent takes from its namespace when the command line does not say: the model when there is one, the
 * LanguageCluster it lives in, the image the other agents run. A model or tool named that does not exist is
 * refused here, with the names that do, rather than left for the operator to report once the agent exists.
 */
final class NamespaceDefaults {

    /** The agent image of this langop version, for a namespace without agents. */
    static final String AGENT_IMAGE = "ghcr.io/langop/langop-agent:" + LangopCommand.version();

    private final KubernetesClient client;
    private final String namespace;

    NamespaceDefaults(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /** The models named, each checked; none named: the namespace's only model. */
    List<String> models(List<String> named) {
        List<String> existing = names(LanguageModel.class);
        if (named.isEmpty()) {
            if (existing.size() == 1) {
                return existing;
            }
            throw new CliFailure(
                    CliExit.NOT_FOUND,
                    existing.isEmpty()
                            ? "no LanguageModel in namespace " + namespace + ": apply one first (examples/simple-agent/"
                                    + "model.yaml), then name it with --model"
                            : "namespace " + namespace + " has several LanguageModels (" + String.join(", ", existing)
                                    + "): name one with --model");
        }
        return checked("LanguageModel", named, existing, "langop get models");
    }

    List<String> tools(List<String> named) {
        return checked("LanguageTool", named, names(LanguageTool.class), "langop get tools");
    }

    /** The namespace's LanguageCluster when it has exactly one: the agent then shares its isolation. */
    Optional<String> clusterRef() {
        List<String> clusters = names(LanguageCluster.class);
        return clusters.size() == 1 ? Optional.of(clusters.getFirst()) : Optional.empty();
    }

    /** The image the namespace's agents run (a registry of the installation's own), else this version's. */
    String agentImage() {
        return client.resources(LanguageAgent.class).inNamespace(namespace).list().getItems().stream()
                .map(agent -> agent.getSpec() == null ? null : agent.getSpec().getImage())
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(AGENT_IMAGE);
    }

    private List<String> checked(String kind, List<String> named, List<String> existing, String listCommand) {
        List<String> missing =
                named.stream().filter(name -> !existing.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new CliFailure(
                    CliExit.NOT_FOUND,
                    "no " + kind + " " + String.join(", ", missing) + " in namespace " + namespace
                            + (existing.isEmpty() ? " (it has none)" : " (it has " + String.join(", ", existing) + ")")
                            + "; " + listCommand + " -n " + namespace + " lists them");
        }
        return named;
    }

    private <T extends HasMetadata> List<String> names(Class<T> kind) {
        return client.resources(kind).inNamespace(namespace).list().getItems().stream()
                .map(object -> object.getMetadata().getName())
                .sorted()
                .toList();
    }
}
