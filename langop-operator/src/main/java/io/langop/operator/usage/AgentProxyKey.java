package io.langop.operator.usage;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.operator.kube.Labels;
import io.langop.wire.AgentEnv;
import java.util.Optional;
import java.util.Set;

/**
 * Secret {@code <agent>-proxy-key}: the key the agent presents to its model proxies, which know it by its SHA-256
 * (see {@link ProxyClients}). Usage, cost and rate limits at the proxies are then the agent's own, and no agent can
 * spend under another's name. The key is made once per incarnation of the agent (see {@link ProxyKeys}).
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.AGENT_OBJECTS))
public class AgentProxyKey extends ProxyKeySecret<LanguageAgent> {

    static final String COMPONENT = "proxy-key";
    /** The agents' key Secrets, and only them, for the model controller's informer. */
    static final String SELECTOR = Labels.AGENT_OBJECTS + "," + Labels.COMPONENT + "=" + COMPONENT;

    /** The key chosen in this reconcile: {@code desired} may be asked more than once, a new key must not differ. */
    private static final String CHOSEN = AgentProxyKey.class.getName();

    @Override
    protected Secret desired(LanguageAgent agent, Context<LanguageAgent> context) {
        var workflow = context.managedWorkflowAndDependentResourceContext();
        String key = workflow.get(CHOSEN, String.class).orElseGet(() -> {
            String chosen = ProxyKeys.keyFor(named(context.getSecondaryResources(Secret.class), agent), agent);
            workflow.put(CHOSEN, chosen);
            return chosen;
        });
        return ProxyKeys.secret(
                agent, name(agent), Labels.of(agent, COMPONENT, agent.getSpec().getClusterRef()), key);
    }

    /** The informer holds the agent's other Secrets too (its webhooks' secrets): this one is known by its name. */
    @Override
    protected Optional<Secret> selectTargetSecondaryResource(
            Set<Secret> secrets, LanguageAgent agent, Context<LanguageAgent> context) {
        return Optional.ofNullable(named(secrets, agent));
    }

    private static Secret named(Set<Secret> secrets, LanguageAgent agent) {
        return secrets.stream()
                .filter(secret -> name(agent).equals(secret.getMetadata().getName()))
                .findFirst()
                .orElse(null);
    }

    public static String name(LanguageAgent agent) {
        return Labels.name(agent, COMPONENT);
    }

    /** {@code OPENAI_API_KEY} from the agent's key Secret: what the runtime sends to every model proxy. */
    public static EnvVar variable(LanguageAgent agent) {
        return new EnvVarBuilder()
                .withName(AgentEnv.OPENAI_API_KEY)
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName(name(agent))
                .withKey(ProxyKeys.DATA_KEY)
                .endSecretKeyRef()
                .endValueFrom()
                .build();
    }
}
