package io.langop.cli;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.NamespacedReference;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentSpec;
import io.langop.api.v1alpha1.agent.LanguageAgentStatus;
import io.langop.api.v1alpha1.agent.SynthesisStatus;
import io.langop.wire.PodAnnotations;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code langop describe agent NAME}: what it is told, which code runs and where it comes from, how it is doing. */
@Command(
        name = "agent",
        mixinStandardHelpOptions = true,
        description = "Describe an agent: its instructions, models and tools, the code version its pods run and "
                + "where that code comes from (synthesis: model, attempts, tokens; or spec.codeRef), its runs, "
                + "conditions and events.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:described",
            "2:invalid command line",
            "3:no such agent",
            "4:the API server cannot be reached or refused"
        })
final class DescribeAgentCommand extends ClusterCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The agent.")
    String name;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            description = "yaml or json: the agent as the API server has it.")
    Optional<Output.Format> output = Optional.empty();

    @Override
    CliExit run(KubernetesClient client, String namespace) {
        AgentObjects objects = new AgentObjects(client, namespace, name);
        LanguageAgent agent = objects.agent();
        if (output.isPresent()) {
            out().print(Output.render(client, output.get(), agent));
            out().flush();
            return CliExit.SUCCESS;
        }
        Instant now = Instant.now();
        PrintWriter out = out();
        LanguageAgentSpec spec = agent.getSpec();
        LanguageAgentStatus status = Objects.requireNonNullElseGet(agent.getStatus(), LanguageAgentStatus::new);
        field(out, "Name", name);
        field(out, "Namespace", namespace);
        field(
                out,
                "Mode",
                Output.enumValue(spec.getExecutionMode())
                        + Optional.ofNullable(spec.getSchedule())
                                .map(schedule -> ", schedule \"" + schedule + "\"")
                                .orElse(""));
        field(
                out,
                "Phase",
                Optional.ofNullable(status.getPhase()).map(Output::enumValue).orElse("(not reconciled yet)")
                        + Optional.ofNullable(status.getMessage())
                                .map(message -> ": " + message)
                                .orElse(""));
        field(out, "Models", names(spec.getModelRefs()));
        field(out, "Tools", names(spec.getToolRefs()));
        if (spec.getInstructions() != null) {
            field(out, "Instructions", spec.getInstructions().strip().replace("\n", "\n" + " ".repeat(15)));
        }
        code(out, objects, spec, status);
        runs(out, status, now);
        conditions(out, status, now);
        events(out, objects, now);
        out.flush();
        return CliExit.SUCCESS;
    }

    /** Where the code comes from, and which version each pod runs. */
    private static void code(
            PrintWriter out, AgentObjects objects, LanguageAgentSpec spec, LanguageAgentStatus status) {
        if (spec.getCodeRef() != null) {
            field(
                    out,
                    "Code",
                    "brought: ConfigMap " + spec.getCodeRef().getName() + ", key "
                            + Objects.requireNonNullElse(spec.getCodeRef().getKey(), "Agent.java") + " (spec.codeRef)");
        } else {
            SynthesisStatus synthesis = status.getSynthesis();
            if (synthesis == null || synthesis.getCodeHash() == null) {
                field(out, "Code", "none written yet");
            } else {
                field(
                        out,
                        "Code",
                        "synthesized " + short12(synthesis.getCodeHash()) + " by "
                                + synthesis.getModel() + " at " + synthesis.getTime() + " ("
                                + synthesis.getAttempts() + " LLM call(s), " + synthesis.getPromptTokens() + "+"
                                + synthesis.getCompletionTokens() + " tokens, " + synthesis.getDurationMillis()
                                + " ms); ConfigMap " + objects.codeConfigMapName() + "; langop code agent "
                                + objects.name()
                                + " shows it");
            }
            if (synthesis != null
                    && synthesis.getLastErrors() != null
                    && !synthesis.getLastErrors().isEmpty()) {
                field(out, "Last errors", String.join("\n" + " ".repeat(15), synthesis.getLastErrors()));
            }
        }
        List<Pod> pods = objects.pods();
        if (pods.isEmpty()) {
            field(out, "Pods", "none");
            return;
        }
        field(
                out,
                "Pods",
                pods.stream()
                        .map(pod -> pod.getMetadata().getName() + " ("
                                + pod.getStatus().getPhase() + ", code "
                                + Optional.ofNullable(pod.getMetadata().getAnnotations())
                                        .map(annotations -> annotations.get(PodAnnotations.CODE_HASH))
                                        .map(DescribeAgentCommand::short12)
                                        .orElse("not yet written")
                                + ")")
                        .collect(Collectors.joining("\n" + " ".repeat(15))));
    }

    private static void runs(PrintWriter out, LanguageAgentStatus status, Instant now) {
        if (status.getExecutionCount() == null || status.getExecutionCount() == 0) {
            return;
        }
        field(
                out,
                "Runs",
                status.getExecutionCount() + " (" + Objects.requireNonNullElse(status.getSuccessfulExecutions(), 0L)
                        + " succeeded, " + Objects.requireNonNullElse(status.getFailedExecutions(), 0L) + " failed)"
                        + Optional.ofNullable(status.getLastExecutionTime())
                                .map(time -> "; last " + Ages.ago(time, now) + ": " + status.getLastExecutionResult())
                                .orElse(""));
    }

    private static void conditions(PrintWriter out, LanguageAgentStatus status, Instant now) {
        List<Condition> conditions = Objects.requireNonNullElse(status.getConditions(), List.of());
        if (conditions.isEmpty()) {
            return;
        }
        out.println("Conditions:");
        TextTable table = new TextTable(List.of("  TYPE", "STATUS", "REASON", "AGE", "MESSAGE"));
        conditions.forEach(condition -> table.add(List.of(
                "  " + condition.getType(),
                condition.getStatus(),
                Objects.requireNonNullElse(condition.getReason(), ""),
                Optional.ofNullable(condition.getLastTransitionTime())
                        .map(time -> Ages.ago(time, now))
                        .orElse(""),
                Objects.requireNonNullElse(condition.getMessage(), ""))));
        out.print(table);
    }

    private static void events(PrintWriter out, AgentObjects objects, Instant now) {
        List<Event> events = objects.events();
        if (events.isEmpty()) {
            out.println("Events:        none");
            return;
        }
        out.println("Events:");
        TextTable table = new TextTable(List.of("  LAST SEEN", "TYPE", "REASON", "COUNT", "MESSAGE"));
        events.forEach(event -> table.add(List.of(
                "  "
                        + Optional.ofNullable(event.getLastTimestamp())
                                .map(time -> Ages.ago(time, now))
                                .orElse(""),
                Objects.requireNonNullElse(event.getType(), ""),
                Objects.requireNonNullElse(event.getReason(), ""),
                String.valueOf(Objects.requireNonNullElse(event.getCount(), 1)),
                Objects.requireNonNullElse(event.getMessage(), ""))));
        out.print(table);
    }

    private static String names(List<? extends NamespacedReference> references) {
        return references == null || references.isEmpty()
                ? "none"
                : references.stream().map(NamespacedReference::getName).collect(Collectors.joining(", "));
    }

    private static String short12(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    private static void field(PrintWriter out, String label, String value) {
        out.printf("%-14s %s%n", label + ":", value);
    }
}
