package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.operator.kube.Labels;
import io.langop.operator.kube.Owners;
import io.langop.operator.usage.ProxyKeySecret;
import io.langop.wire.ObjectNames;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Secret {@code <agent>-webhooks}: one generated secret per authenticated webhook trigger ({@link AgentWebhooks}), 256
 * random bits as 64 hex characters, which the sender is given (GitHub's and GitLab's "secret token"; the key of
 * langop's HMAC). A trigger keeps its secret while it keeps its path; a recreated agent (a new UID) gets new ones, in
 * the Secret it takes over ({@link ProxyKeySecret}).
 * Shares the informer of {@code AgentProxyKey}.
 */
public class AgentWebhookSecrets extends ProxyKeySecret<LanguageAgent> {

    static final String COMPONENT = ObjectNames.WEBHOOKS_ROLE;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The secrets chosen in this reconcile: {@code desired} may be asked more than once, new ones must not differ. */
    private static final String CHOSEN = AgentWebhookSecrets.class.getName();

    static String name(LanguageAgent agent) {
        return AgentWebhooks.secretName(agent);
    }

    /**
     * The secrets this reconcile keeps in the Secret, by key, as text (what the operator signs forwarded events with);
     * empty when the agent needs none.
     */
    static Map<String, String> chosen(Context<LanguageAgent> context) {
        @SuppressWarnings("unchecked") // only this class puts the value
        Map<String, String> chosen = context.managedWorkflowAndDependentResourceContext()
                .get(CHOSEN, Map.class)
                .orElse(Map.of());
        Map<String, String> secrets = new LinkedHashMap<>();
        chosen.forEach((key, base64) ->
                secrets.put(key, new String(Base64.getDecoder().decode(base64), StandardCharsets.US_ASCII)));
        return secrets;
    }

    @Override
    protected Secret desired(LanguageAgent agent, Context<LanguageAgent> context) {
        var workflow = context.managedWorkflowAndDependentResourceContext();
        @SuppressWarnings("unchecked") // only this class puts the value
        Map<String, String> data = workflow.get(CHOSEN, Map.class).orElseGet(() -> {
            Map<String, String> existing = keptData(
                    named(context.getSecondaryResources(Secret.class), name(agent))
                            .orElse(null),
                    agent);
            Map<String, String> chosen = new LinkedHashMap<>();
            for (String key : AgentWebhooks.secretKeys(agent)) {
                chosen.put(key, existing.getOrDefault(key, generate()));
            }
            workflow.put(CHOSEN, chosen);
            return chosen;
        });
        return new SecretBuilder()
                .withNewMetadata()
                .withName(name(agent))
                .withNamespace(agent.getMetadata().getNamespace())
                .withLabels(Labels.of(agent, COMPONENT, agent.getSpec().getClusterRef()))
                .withOwnerReferences(Owners.controller(agent))
                .endMetadata()
                .withType("Opaque")
                .withData(data)
                .build();
    }

    @Override
    protected Optional<Secret> selectTargetSecondaryResource(
            Set<Secret> secrets, LanguageAgent agent, Context<LanguageAgent> context) {
        // by name only: the Secret of a deleted incarnation of the agent is taken over (with new secrets)
        return named(secrets, name(agent));
    }

    private static Optional<Secret> named(Set<Secret> secrets, String name) {
        return secrets.stream()
                .filter(secret -> name.equals(secret.getMetadata().getName()))
                .findFirst();
    }

    /** The stored data (base64, as the API server gives it back) when it belongs to this incarnation of the agent. */
    private static Map<String, String> keptData(Secret existing, LanguageAgent agent) {
        if (existing == null
                || existing.getData() == null
                || existing.getMetadata().getOwnerReferences() == null
                || existing.getMetadata().getOwnerReferences().stream()
                        .noneMatch(
                                ref -> ref.getUid().equals(agent.getMetadata().getUid()))) {
            return Map.of();
        }
        return existing.getData();
    }

    /** A new secret, base64 of its 64 hex characters (what {@code data} holds). */
    private static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder()
                .encodeToString(HexFormat.of().formatHex(bytes).getBytes(StandardCharsets.US_ASCII));
    }

    /** The agent has authenticated webhook triggers; without them the Secret is deleted. */
    public static class Needed implements Condition<Secret, LanguageAgent> {
        @Override
        public boolean isMet(
                DependentResource<Secret, LanguageAgent> dependent,
                LanguageAgent agent,
                Context<LanguageAgent> context) {
            return !AgentWebhooks.secretKeys(agent).isEmpty();
        }
    }
}
