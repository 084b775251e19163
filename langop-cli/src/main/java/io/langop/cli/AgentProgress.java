package io.langop.cli;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.api.v1alpha1.agent.AgentConditions;
import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentStatus;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Follows an agent on its way to running, as the operator reports it: one line per change of a condition and per
 * event ({@link Stages} names the stage), until the agent runs its code (phase Running, Ready, and for written code
 * CodeUpdated), fails (phase Failed, or a
 * synthesis that gave up), or the time is up. Polls the API server: the same on every API server and kubeconfig,
 * and a second between looks is nothing next to an LLM writing code.
 */
final class AgentProgress {

    /** How a follow ended: the exit code and the last line's text. */
    record Outcome(CliExit exit, String summary) {}

    /** Reasons of a {@code Synthesized=False} after which nothing happens until the agent or the operator changes. */
    private static final Set<String> SYNTHESIS_GAVE_UP =
            Set.of("SynthesisFailed", "SynthesisUnavailable", "SynthesisDisabled");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final AgentObjects objects;
    private final PrintWriter out;
    private final Clock clock;
    private final Duration poll;
    private final Map<String, String> conditionsSeen = new HashMap<>();
    private final Set<String> eventsSeen = new HashSet<>();

    AgentProgress(KubernetesClient client, String namespace, String name, PrintWriter out, Clock clock, Duration poll) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
        this.objects = new AgentObjects(client, namespace, name);
        this.out = out;
        this.clock = clock;
        this.poll = poll;
    }

    Outcome follow(Duration timeout) throws InterruptedException {
        long deadline = clock.millis() + timeout.toMillis();
        while (true) {
            LanguageAgent agent = client.resources(LanguageAgent.class)
                    .inNamespace(namespace)
                    .withName(name)
                    .get();
            if (agent == null) {
                return new Outcome(CliExit.NOT_FOUND, "LanguageAgent " + namespace + "/" + name + " was deleted");
            }
            LanguageAgentStatus status = agent.getStatus();
            conditionChanges(status);
            newEvents();
            out.flush();
            Optional<Outcome> verdict = verdict(agent);
            if (verdict.isPresent()) {
                return verdict.get();
            }
            if (clock.millis() >= deadline) {
                return new Outcome(
                        CliExit.TIMED_OUT,
                        "still " + (status == null || status.getPhase() == null ? "waiting" : phase(status))
                                + " after " + timeout.toSeconds() + " s; langop describe agent " + name
                                + " -n " + namespace + " tells where it is");
            }
            Thread.sleep(poll);
        }
    }

    private void conditionChanges(LanguageAgentStatus status) {
        if (status == null || status.getConditions() == null) {
            return;
        }
        for (Condition condition : status.getConditions()) {
            String text = condition.getType() + "=" + condition.getStatus() + " (" + condition.getReason() + "): "
                    + Objects.requireNonNullElse(condition.getMessage(), "");
            if (!text.equals(conditionsSeen.put(condition.getType(), text))) {
                line(Stages.ofCondition(condition.getType(), condition.getStatus(), condition.getReason()), text);
            }
        }
    }

    private void newEvents() {
        objects.events().forEach(event -> {
            String key = event.getMetadata().getName() + "/" + event.getCount();
            if (eventsSeen.add(key)) {
                line(
                        Stages.ofReason(event.getReason()),
                        ("Warning".equals(event.getType()) ? "warning " : "") + event.getReason() + ": "
                                + event.getMessage());
            }
        });
    }

    private Optional<Outcome> verdict(LanguageAgent agent) {
        LanguageAgentStatus status = agent.getStatus();
        if (status == null || !observed(agent)) {
            return Optional.empty();
        }
        Optional<Condition> synthesized = condition(status, AgentConditions.SYNTHESIZED);
        if (synthesized.isPresent()
                && "False".equals(synthesized.get().getStatus())
                && SYNTHESIS_GAVE_UP.contains(synthesized.get().getReason())) {
            return Optional.of(new Outcome(CliExit.FAILED, synthesisFailure(status, synthesized.get())));
        }
        if (status.getPhase() == AgentPhase.FAILED) {
            return Optional.of(
                    new Outcome(CliExit.FAILED, "failed (" + status.getReason() + "): " + status.getMessage()));
        }
        boolean ready = isTrue(status, AgentConditions.READY);
        // until its code is written, an agent's pod runs its instructions alone: that is not the agent running yet
        boolean codeInPlace = agent.getSpec().getCodeRef() != null || isTrue(status, AgentConditions.CODE_UPDATED);
        if (codeInPlace
                && ((status.getPhase() == AgentPhase.RUNNING && ready) || status.getPhase() == AgentPhase.SUCCEEDED)) {
            return Optional.of(new Outcome(CliExit.SUCCESS, phase(status) + ": " + status.getMessage()));
        }
        return Optional.empty();
    }

    private static String synthesisFailure(LanguageAgentStatus status, Condition synthesized) {
        StringBuilder text =
                new StringBuilder("synthesis failed (" + synthesized.getReason() + "): " + synthesized.getMessage());
        if (status.getSynthesis() != null && status.getSynthesis().getLastErrors() != null) {
            status.getSynthesis().getLastErrors().stream()
                    .limit(5)
                    .forEach(error ->
                            text.append(System.lineSeparator()).append("  ").append(error));
        }
        return text.toString();
    }

    /** The status is of the agent as it is now, not of a spec before the last change. */
    private static boolean observed(LanguageAgent agent) {
        Long generation = agent.getMetadata().getGeneration();
        Long observed = agent.getStatus().getObservedGeneration();
        return generation == null || observed == null || observed >= generation;
    }

    private static boolean isTrue(LanguageAgentStatus status, String type) {
        return condition(status, type)
                .map(condition -> "True".equals(condition.getStatus()))
                .orElse(false);
    }

    private static Optional<Condition> condition(LanguageAgentStatus status, String type) {
        return Objects.requireNonNullElse(status.getConditions(), List.<Condition>of()).stream()
                .filter(condition -> type.equals(condition.getType()))
                .findFirst();
    }

    private static String phase(LanguageAgentStatus status) {
        return Stages.words(Objects.toString(status.getPhase(), "Unknown"));
    }

    private void line(String stage, String text) {
        String time = LocalTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(TIME);
        out.printf("%s %-11s %s%n", time, stage, text);
    }
}
