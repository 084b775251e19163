package io.langop.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code langop create agent NAME "instructions"}: the agent made, then followed until it runs or fails. */
@Command(
        name = "agent",
        mixinStandardHelpOptions = true,
        description = {
            "Create a LanguageAgent from a sentence and follow it until it runs or fails: the operator writes its "
                    + "code from the instructions, checks it and rolls it out; each step is printed as the operator "
                    + "reports it.",
            "Without --schedule, --interactive or --on-webhook the agent is autonomous. Models and tools are "
                    + "LanguageModels and LanguageTools of the namespace (langop get models|tools)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the agent runs (or was printed with -o)",
            "1:the agent failed: synthesis, checks or its workload (the reason is printed)",
            "2:invalid command line",
            "3:a model or tool named does not exist",
            "4:the API server cannot be reached or refused the agent (it may exist already)",
            "5:--timeout ran out before the agent ran or failed"
        })
final class CreateAgentCommand extends ClusterCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the agent (lower-case letters, digits, '-').")
    String name;

    @Parameters(index = "1", paramLabel = "INSTRUCTIONS", description = "What the agent should do, in plain words.")
    String instructions;

    @Option(
            names = "--tool",
            paramLabel = "TOOL",
            description = "A LanguageTool the agent may use; repeatable (--tool web --tool email).")
    List<String> tools = List.of();

    @Option(
            names = "--model",
            paramLabel = "MODEL",
            description = "A LanguageModel the agent uses; repeatable (default: the namespace's only model).")
    List<String> models = List.of();

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    static final class Mode {
        @Option(
                names = "--schedule",
                paramLabel = "CRON",
                description = "Run on this cron schedule (five fields, e.g. \"0 7 * * 1-5\").")
        Optional<String> schedule = Optional.empty();

        @Option(names = "--interactive", description = "Answer chat requests (langop chat agent NAME).")
        boolean interactive;

        @Option(names = "--on-webhook", description = "Run when its webhook is called.")
        boolean onWebhook;
    }

    @Option(
            names = "--image",
            paramLabel = "IMAGE",
            description = "Agent runtime image (default: the image of the namespace's agents, else "
                    + "ghcr.io/langop/langop-agent:VERSION).")
    String image;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            description = "Print the agent as yaml or json instead of creating it.")
    Optional<Output.Format> output = Optional.empty();

    @Option(names = "--no-wait", description = "Return once the agent is created.")
    boolean noWait;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "10m",
            converter = Durations.class,
            description = "How long to follow the agent (default: ${DEFAULT-VALUE}; 90s, 10m, 1h).")
    Duration timeout;

    @Override
    CliExit run(KubernetesClient client, String namespace) throws InterruptedException {
        NamespaceDefaults defaults = new NamespaceDefaults(client, namespace);
        AgentDraft draft = new AgentDraft(
                name,
                namespace,
                instructions,
                defaults.models(models),
                defaults.tools(tools),
                mode.schedule,
                mode.interactive,
                mode.onWebhook,
                defaults.clusterRef(),
                image != null ? image : defaults.agentImage());
        LanguageAgent agent = draft.toAgent();
        if (output.isPresent()) {
            out().print(Output.render(client, output.get(), agent));
            out().flush();
            return CliExit.SUCCESS;
        }
        client.resource(agent).create();
        out().printf(
                        "created LanguageAgent %s/%s (%s, model %s%s)%n",
                        namespace,
                        name,
                        Output.enumValue(draft.mode()),
                        String.join(", ", draft.models()),
                        draft.tools().isEmpty() ? "" : ", tools " + String.join(", ", draft.tools()));
        if (noWait) {
            return CliExit.SUCCESS;
        }
        out().println("following it until it runs (Ctrl-C stops following, not the agent):");
        out().flush();
        AgentProgress.Outcome outcome = new AgentProgress(
                        client,
                        namespace,
                        name,
                        out(),
                        Clock.system(ZoneId.systemDefault()) /* the user's own time of day */,
                        Duration.ofMillis(500))
                .follow(timeout);
        out().println(outcome.summary());
        if (outcome.exit() == CliExit.SUCCESS) {
            out().println(nextSteps(draft));
        }
        out().flush();
        return outcome.exit();
    }

    private String nextSteps(AgentDraft draft) {
        String flags = " -n " + draft.namespace();
        return switch (draft.mode()) {
            case INTERACTIVE -> "next: langop chat agent " + name + flags;
            case SCHEDULED ->
                "next: langop run agent " + name + flags + " runs it now; langop logs agent " + name + flags
                        + " shows its runs";
            default -> "next: langop logs agent " + name + flags + " -f";
        };
    }
}
