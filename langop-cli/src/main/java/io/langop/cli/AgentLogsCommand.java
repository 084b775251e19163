package io.langop.cli;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.langop.wire.ObjectNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code langop logs agent NAME [-f]}: the log of the agent's newest pod (a scheduled agent's last run). */
@Command(
        name = "agent",
        mixinStandardHelpOptions = true,
        description = "Print the log of an agent: its pod's, or the last run's of a scheduled agent; -f follows it "
                + "until the container stops or Ctrl-C.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:printed",
            "2:invalid command line",
            "3:no such agent, or it has no pod yet",
            "4:the API server cannot be reached or refused"
        })
final class AgentLogsCommand extends ClusterCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The agent.")
    String name;

    @Option(
            names = {"-f", "--follow"},
            description = "Keep printing what the agent writes.")
    boolean follow;

    @Option(names = "--tail", paramLabel = "LINES", description = "Only the last LINES lines.")
    Integer tail;

    @Override
    CliExit run(KubernetesClient client, String namespace) {
        AgentObjects objects = new AgentObjects(client, namespace, name);
        objects.agent();
        List<Pod> pods = objects.pods();
        if (pods.isEmpty()) {
            throw new CliFailure(
                    CliExit.NOT_FOUND,
                    "agent " + name + " has no pod yet (langop describe agent " + name + " -n " + namespace
                            + " says why; a scheduled agent's first run: langop run agent " + name + ")");
        }
        Pod newest = pods.getLast();
        PodResource pod = client.pods()
                .inNamespace(namespace)
                .withName(newest.getMetadata().getName());
        var container = pod.inContainer(ObjectNames.AGENT_CONTAINER);
        var log = tail == null ? container : container.tailingLines(tail);
        if (!follow) {
            out().print(log.getLog());
            out().flush();
            return CliExit.SUCCESS;
        }
        try (LogWatch watch = log.watchLog();
                BufferedReader lines =
                        new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                out().println(line);
                out().flush();
            }
        } catch (IOException ended) {
            throw new CliFailure(
                    CliExit.CLUSTER_ERROR,
                    "the log of pod " + newest.getMetadata().getName() + " broke off: " + ended.getMessage());
        }
        return CliExit.SUCCESS;
    }
}
