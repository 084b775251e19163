package io.langop.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langop.wire.AgentApprovals;
import io.langop.wire.AgentEnv;
import io.langop.wire.ServiceWire;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code langop approval list|approve|deny}: the tool calls of an agent that wait for a person, through the agent's
 * approval endpoints ({@link AgentApprovals}). The token comes from a file or {@code AGENT_APPROVAL_TOKEN}, never from
 * a flag, which other users of the machine could read in the process list.
 */
@Command(
        name = "approval",
        mixinStandardHelpOptions = true,
        description = "List the tool calls an agent waits to have approved, and approve or deny them.",
        subcommands = {ApprovalCommand.List.class, ApprovalCommand.Approve.class, ApprovalCommand.Deny.class})
final class ApprovalCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Exit status without a token: a usage error. */
    private static final int NO_TOKEN = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the agent is and how to prove the right to decide. */
    static final class Target {
        @Option(
                names = "--agent-url",
                defaultValue = "http://localhost:" + ServiceWire.AGENT_PORT,
                description = "The agent's HTTP address (default: ${DEFAULT-VALUE}, where"
                        + " `kubectl port-forward deploy/<agent> 8000` puts it)")
        URI agentUrl;

        @Option(
                names = "--token-file",
                description = "A file holding the approval token (default: the AGENT_APPROVAL_TOKEN variable); in a"
                        + " cluster it is key `token` of Secret <agent>-approval")
        Path tokenFile;

        Optional<String> token(Map<String, String> environment) throws IOException {
            Optional<String> token = tokenFile != null
                    ? Optional.of(Files.readString(tokenFile))
                    : Optional.ofNullable(environment.get(AgentEnv.AGENT_APPROVAL_TOKEN));
            return token.map(String::strip).filter(value -> !value.isEmpty());
        }

        /** The agent's answer, or empty (and the reason on stderr) when there is no token to send. */
        Optional<HttpResponse<String>> send(CommandLine.Model.CommandSpec spec, String path, String body)
                throws IOException, InterruptedException {
            Optional<String> token = token(System.getenv());
            if (token.isEmpty()) {
                spec.commandLine()
                        .getErr()
                        .println("No approval token: pass --token-file or set " + AgentEnv.AGENT_APPROVAL_TOKEN);
                spec.commandLine().getErr().flush();
                return Optional.empty();
            }
            var request = HttpRequest.newBuilder(agentUrl.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token.get())
                    .header("Content-Type", "application/json");
            request = body == null ? request.GET() : request.POST(HttpRequest.BodyPublishers.ofString(body));
            try (HttpClient client = HttpClient.newHttpClient()) {
                return Optional.of(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
            }
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List pending and recently decided approvals.")
    static final class List implements Callable<Integer> {
        @CommandLine.Mixin
        Target target;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Optional<HttpResponse<String>> answer = target.send(spec, AgentApprovals.PATH, null);
            if (answer.isEmpty()) {
                return NO_TOKEN;
            }
            HttpResponse<String> response = answer.get();
            if (response.statusCode() != 200) {
                return failed(spec, response);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    "%-10s %-9s %-20s %-16s %-30s %s%n",
                    "ID", "STATE", "TOOL", "REQUESTED BY", "DEADLINE", "ARGUMENTS");
            for (JsonNode approval : JSON.readTree(response.body()).path(AgentApprovals.LIST_FIELD)) {
                out.printf(
                        "%-10s %-9s %-20s %-16s %-30s %s%n",
                        approval.path("id").asText(),
                        approval.path("state").asText(),
                        approval.path("tool").asText(),
                        approval.path("requestedBy").asText(),
                        approval.path("deadline").asText(),
                        approval.path("arguments"));
            }
            out.flush();
            return 0;
        }
    }

    /** Approve or deny. */
    abstract static class Decide implements Callable<Integer> {
        @CommandLine.Mixin
        Target target;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The approval, as `langop approval list` shows it")
        String id;

        @Option(names = "--by", description = "Who decides, as the agent records it (default: the user name)")
        String by = System.getProperty("user.name");

        @Option(names = "--reason", description = "Why, as the agent records it")
        String reason;

        abstract String decision();

        @Override
        public Integer call() throws Exception {
            var body = JSON.createObjectNode().put("by", by);
            if (reason != null) {
                body.put("reason", reason);
            }
            Optional<HttpResponse<String>> answer =
                    target.send(spec, AgentApprovals.PATH + "/" + id + "/" + decision(), body.toString());
            if (answer.isEmpty()) {
                return NO_TOKEN;
            }
            HttpResponse<String> response = answer.get();
            if (response.statusCode() != 200) {
                return failed(spec, response);
            }
            JsonNode decided = JSON.readTree(response.body());
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Approval %s %s: call of %s%n",
                            decided.path("id").asText(),
                            decided.path("state").asText(),
                            decided.path("tool").asText());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(
            name = AgentApprovals.APPROVE,
            mixinStandardHelpOptions = true,
            description = "Approve a tool call: the run makes it and goes on.")
    static final class Approve extends Decide {
        @Override
        String decision() {
            return AgentApprovals.APPROVE;
        }
    }

    @Command(
            name = AgentApprovals.DENY,
            mixinStandardHelpOptions = true,
            description = "Deny a tool call: the run stops without making it.")
    static final class Deny extends Decide {
        @Override
        String decision() {
            return AgentApprovals.DENY;
        }
    }

    private static int failed(CommandLine.Model.CommandSpec spec, HttpResponse<String> response) {
        String message;
        try {
            message =
                    JSON.readTree(response.body()).path("error").path("message").asText(response.body());
        } catch (IOException notJson) {
            message = response.body();
        }
        spec.commandLine().getErr().println("The agent answered " + response.statusCode() + ": " + message);
        spec.commandLine().getErr().flush();
        return 1;
    }
}
