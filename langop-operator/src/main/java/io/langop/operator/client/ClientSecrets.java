package io.langop.operator.client;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.langop.api.v1alpha1.SecretKeyReference;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentSpec;
import io.langop.api.v1alpha1.agent.SafetyConfig;
import io.langop.api.v1alpha1.client.AuthProvider;
import io.langop.api.v1alpha1.client.LanguageClientSpec;
import io.langop.operator.agent.AgentEnvironment;
import io.langop.operator.kube.SecretVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The credentials a client needs (auth providers, session backend) reach its container only as
 * environment variables that reference their Secrets ({@code secretKeyRef}): the operator never
 * reads a Secret, and the client's ConfigMap names the variable instead of holding the value.
 */
final class ClientSecrets {

    static final String SESSION_BACKEND = "SESSION_BACKEND_SECRET";

    private ClientSecrets() {}

    /** {@code AUTH_<PROVIDER>_SECRET}, the provider name upper-cased with other characters as '_'. */
    static String providerVariable(AuthProvider provider) {
        return "AUTH_" + provider.getName().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_SECRET";
    }

    static List<AuthProvider> providers(LanguageClientSpec spec) {
        return spec.getAuthentication() == null
                ? List.of()
                : Objects.requireNonNullElse(spec.getAuthentication().getProviders(), List.of());
    }

    static SecretKeyReference sessionSecret(LanguageClientSpec spec) {
        var session = spec.getSessionConfig();
        return session == null || session.getBackendConfig() == null
                ? null
                : session.getBackendConfig().getSecretRef();
    }

    /**
     * {@code AGENT_<NAME>_APPROVAL_TOKEN} for an agent with an approval token, whose tool calls the console then
     * decides: the agent's name upper-cased with other characters as '_'.
     */
    static Optional<String> approvalTokenVariable(LanguageAgent agent) {
        return Optional.ofNullable(agent.getSpec())
                .map(LanguageAgentSpec::getSafetyConfig)
                .map(SafetyConfig::getApprovalTokenSecretRef)
                .map(ref -> "AGENT_"
                        + agent.getMetadata().getName().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")
                        + "_APPROVAL_TOKEN");
    }

    /** The approval tokens of the client's agents, from the same Secret keys as the agents' own. */
    static List<EnvVar> approvalTokens(List<LanguageAgent> agents) {
        List<EnvVar> env = new ArrayList<>();
        for (LanguageAgent agent : agents) {
            approvalTokenVariable(agent)
                    .flatMap(name -> AgentEnvironment.approvalToken(agent.getSpec(), name))
                    .ifPresent(env::add);
        }
        return env;
    }

    static List<EnvVar> env(LanguageClientSpec spec) {
        List<EnvVar> env = new ArrayList<>();
        for (AuthProvider provider : providers(spec)) {
            if (provider.getSecretRef() != null) {
                env.add(SecretVariable.of(providerVariable(provider), provider.getSecretRef()));
            }
        }
        SecretKeyReference session = sessionSecret(spec);
        if (session != null) {
            env.add(SecretVariable.of(SESSION_BACKEND, session));
        }
        return env;
    }

    /**
     * Providers whose names map to the same variable (one credential would hide the other), and
     * credentials written into a provider's {@code config}, which lands in the ConfigMap.
     */
    static List<String> problems(LanguageClientSpec spec) {
        List<String> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (AuthProvider provider : providers(spec)) {
            Objects.requireNonNullElse(provider.getConfig(), Map.<String, String>of()).keySet().stream()
                    .filter(ClientSecrets::namesCredential)
                    .sorted()
                    .forEach(key -> problems.add("authentication provider '" + provider.getName() + "': config." + key
                            + " looks like a credential; put it in a Secret and name it in secretRef"));
            if (provider.getName() == null || provider.getSecretRef() == null) {
                continue;
            }
            String other = seen.putIfAbsent(providerVariable(provider), provider.getName());
            if (other != null) {
                problems.add("authentication providers '" + other + "' and '" + provider.getName() + "' both map to "
                        + providerVariable(provider) + "; rename one");
            }
        }
        return problems;
    }

    /** Keys such as clientSecret, bind_password, apiKey; not tokenUrl or secretName-like settings. */
    static boolean namesCredential(String key) {
        String normalized = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return List.of("secret", "password", "apikey", "privatekey", "accesstoken", "bearertoken").stream()
                .anyMatch(normalized::endsWith);
    }
}
