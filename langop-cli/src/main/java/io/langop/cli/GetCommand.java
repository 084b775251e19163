package io.langop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.langop.agent.cli.LangopSubcommand;
import io.langop.api.v1alpha1.LangopApi;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code langop get agents|models|tools [NAME]}: what runs, how its runs went and what it cost. */
@Command(
        name = "get",
        mixinStandardHelpOptions = true,
        description = {
            "List agents, models or tools with what their status says: phase, last run, success rate and cost of "
                    + "agents; provider, phase and cost of models; mode, phase and the tools each tool server offers.",
            "Columns stay empty until the operator has something to put there."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:listed",
            "2:invalid command line",
            "3:no object of that name",
            "4:the API server cannot be reached or refused"
        })
public final class GetCommand extends ClusterCommand implements LangopSubcommand {

    @Parameters(
            index = "0",
            paramLabel = "KIND",
            completionCandidates = ResourceKind.Names.class,
            description = "agents, models or tools (singular and short names work: agent, lagent...).")
    String kind;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "Only this one.")
    String name;

    @Option(
            names = {"-A", "--all-namespaces"},
            description = "Every namespace, not only the current one.")
    boolean allNamespaces;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            description = "yaml or json: the objects as the API server has them, for scripts.")
    Optional<Output.Format> output = Optional.empty();

    @Override
    CliExit run(KubernetesClient client, String namespace) {
        ResourceKind listed;
        try {
            listed = ResourceKind.named(kind);
        } catch (IllegalArgumentException unknown) {
            throw new CliFailure(CliExit.USAGE, unknown.getMessage());
        }
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
                resources = client.genericKubernetesResources(LangopApi.API_VERSION, listed.kind());
        List<GenericKubernetesResource> objects;
        if (name != null) {
            GenericKubernetesResource one =
                    resources.inNamespace(namespace).withName(name).get();
            if (one == null) {
                throw new CliFailure(
                        CliExit.NOT_FOUND, "no " + listed.kind() + " " + name + " in namespace " + namespace);
            }
            objects = List.of(one);
        } else {
            objects = (allNamespaces ? resources.inAnyNamespace() : resources.inNamespace(namespace))
                    .list()
                    .getItems();
        }
        if (output.isPresent()) {
            Object shown = name != null ? objects.getFirst() : list(objects);
            out().print(Output.render(client, output.get(), shown));
        } else if (objects.isEmpty()) {
            err().println("No " + listed.kind() + "s "
                    + (allNamespaces ? "in any namespace." : "in namespace " + namespace + "."));
        } else {
            boolean namespaces = allNamespaces && name == null;
            TextTable table = new TextTable(listed.headers(namespaces));
            Instant now = Instant.now();
            for (GenericKubernetesResource object : objects) {
                JsonNode tree = client.getKubernetesSerialization().convertValue(object, JsonNode.class);
                table.add(listed.row(tree, namespaces, now));
            }
            out().print(table);
        }
        out().flush();
        return CliExit.SUCCESS;
    }

    /** A {@code List} as kubectl prints one for several objects. */
    private static GenericKubernetesResourceList list(List<GenericKubernetesResource> objects) {
        GenericKubernetesResourceList list = new GenericKubernetesResourceList();
        list.setApiVersion("v1");
        list.setKind("List");
        list.setItems(objects);
        return list;
    }
}
