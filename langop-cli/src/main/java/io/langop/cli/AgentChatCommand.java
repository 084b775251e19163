package io.langop.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code langop chat agent NAME}: a conversation with an interactive agent, its answers printed as they are written.
 * Requests go through the API server's service proxy to the agent's Service, so the same command works against a
 * cluster (no port-forward) and against {@code langop local}.
 */
@Command(
        name = "agent",
        mixinStandardHelpOptions = true,
        description = {
            "Chat with an interactive agent: each line you type is a message, the answer streams back as it is "
                    + "written; the conversation is kept until Ctrl-D. Lines piped in are messages too.",
            "Goes through the API server's service proxy to the agent's Service (the kubeconfig's user needs "
                    + "get on services/proxy)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the conversation ended (Ctrl-D, end of input)",
            "1:the agent answered with an error",
            "2:invalid command line, or the agent is not interactive",
            "3:no such agent",
            "4:the API server cannot be reached or refused"
        })
final class AgentChatCommand extends ClusterCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The interactive agent.")
    String name;

    @Option(
            names = {"-m", "--message"},
            paramLabel = "TEXT",
            description = "Send this one message, print the answer and exit.")
    Optional<String> message = Optional.empty();

    /** Where messages come from; the terminal unless a test says otherwise. */
    InputStream input = System.in;

    @Override
    CliExit run(KubernetesClient client, String namespace) {
        LanguageAgent agent = new AgentObjects(client, namespace, name).agent();
        if (agent.getSpec().getExecutionMode() != ExecutionMode.INTERACTIVE) {
            throw new CliFailure(
                    CliExit.USAGE,
                    "agent " + name + " is " + Output.enumValue(agent.getSpec().getExecutionMode())
                            + ", not interactive: it takes no chat (langop logs agent " + name
                            + " shows what it does)");
        }
        ChatSession chat = new ChatSession(client, new AgentObjects(client, namespace, name));
        if (message.isPresent()) {
            return chat.send(message.get(), out());
        }
        err().println("chatting with agent " + namespace + "/" + name + "; Ctrl-D ends");
        err().flush();
        BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        // a prompt for someone typing; piped messages need none
        @SuppressWarnings("SystemConsoleNull") // JDK 25's own console is null when stdin or stdout is not a terminal
        Console console = System.console();
        boolean typing = console != null && console.isTerminal();
        try {
            while (true) {
                if (typing) {
                    err().print("> ");
                    err().flush();
                }
                String line = lines.readLine();
                if (line == null) {
                    return CliExit.SUCCESS;
                }
                if (!line.isBlank()) {
                    CliExit answered = chat.send(line, out());
                    if (answered != CliExit.SUCCESS) {
                        return answered;
                    }
                }
            }
        } catch (IOException inputClosed) {
            return CliExit.SUCCESS;
        }
    }
}
