package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.operator.kube.Labels;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events for the synthesis steps ({@code kubectl describe} shows the history the
 * conditions overwrite). An event is posted when a condition enters a new state, so each step is told
 * once however often the agent is reconciled.
 */
final class SynthesisEvents {

  private static final Logger LOG = LoggerFactory.getLogger(SynthesisEvents.class);
  private static final int MAX_MESSAGE = 1024;

  private SynthesisEvents() {}

  private record Step(String conditionType, String reason, String eventReason, String type) {}

  private static final List<Step> STEPS = List.of(
      new Step(AgentSynthesis.SYNTHESIZED, "Synthesizing", "SynthesisStarted", "Normal"),
      new Step(AgentSynthesis.SYNTHESIZED, "Synthesized", "SynthesisSucceeded", "Normal"),
      new Step(AgentSynthesis.SYNTHESIZED, "SynthesisUnavailable", "SynthesisFailed", "Warning"),
      new Step(AgentSynthesis.SYNTHESIZED, "SynthesisFailed", "SynthesisFailed", "Warning"),
      new Step(AgentSynthesis.VALIDATED, "ValidationFailed", "ValidationFailed", "Warning"));

  /** Posts an event for each synthesis step whose condition is new in {@code after}. */
  static void post(KubernetesClient client, LanguageAgent agent, List<Condition> before, List<Condition> after) {
    for (Step step : STEPS) {
      Condition now = find(after, step.conditionType());
      if (now == null || !step.reason().equals(now.getReason())) {
        continue;
      }
      Condition then = find(before, step.conditionType());
      if (then != null && Objects.equals(then.getReason(), now.getReason())
          && Objects.equals(then.getStatus(), now.getStatus())) {
        continue;
      }
      create(client, agent, step, now.getMessage());
    }
  }

  private static void create(KubernetesClient client, LanguageAgent agent, Step step, String message) {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    String namespace = agent.getMetadata().getNamespace();
    try {
      client.v1().events().inNamespace(namespace).resource(new EventBuilder()
          .withNewMetadata()
            .withName(agent.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 8))
            .withNamespace(namespace)
          .endMetadata()
          .withInvolvedObject(new ObjectReferenceBuilder()
              .withApiVersion(agent.getApiVersion()).withKind(agent.getKind())
              .withName(agent.getMetadata().getName()).withNamespace(namespace).withUid(agent.getMetadata().getUid())
              .build())
          .withType(step.type())
          .withReason(step.eventReason())
          .withMessage(message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message)
          .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
          .withNewSource().withComponent(Labels.OPERATOR).endSource()
          .build()).create();
    } catch (KubernetesClientException e) {
      // an event is a courtesy: the conditions already say the same, so a refused event changes nothing
      LOG.warn("could not post event {} for {}/{}: {}", step.eventReason(), namespace, agent.getMetadata().getName(),
          e.getMessage());
    }
  }

  private static Condition find(List<Condition> conditions, String type) {
    return conditions == null ? null
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }
}
