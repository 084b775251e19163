package io.langop.operator.agent;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.langop.api.v1alpha1.SecretKeyReference;
import io.langop.api.v1alpha1.agent.LanguageAgentSpec;
import io.langop.api.v1alpha1.agent.SafetyConfig;
import io.langop.api.v1alpha1.persona.LanguagePersonaSpec;
import io.langop.operator.kube.LogSettings;
import io.langop.operator.model.ModelEndpoint;
import io.langop.operator.tool.ToolEndpoint;
import io.langop.operator.trace.PodTelemetry;
import io.langop.operator.trace.TraceResource;
import io.langop.operator.usage.AgentProxyKey;
import io.langop.proxy.config.Durations;
import io.langop.wire.AgentEnv;
import io.langop.wire.AgentFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The environment of the agent container: the contract between operator and agent runtime. Values
 * the user sets in {@code spec.env} replace the operator's of the same name (each name appears once).
 */
public final class AgentEnvironment {

    private AgentEnvironment() {}

    static List<EnvVar> of(AgentPlan plan) {
        LanguageAgentSpec spec = plan.agent().getSpec();
        Map<String, EnvVar> env = new LinkedHashMap<>();
        put(env, AgentEnv.AGENT_NAME, plan.agent().getMetadata().getName());
        put(env, AgentEnv.AGENT_NAMESPACE, plan.agent().getMetadata().getNamespace());
        put(env, AgentEnv.AGENT_MODE, wireName(plan.mode()));
        put(env, AgentEnv.AGENT_GOAL, spec.getGoal());
        if (AgentInstructions.present(plan.agent())) {
            put(env, AgentEnv.AGENT_INSTRUCTIONS_PATH, AgentFiles.INSTRUCTIONS_PATH);
        }
        put(
                env,
                AgentEnv.AGENT_MAX_ITERATIONS,
                spec.getMaxIterations() == null ? null : spec.getMaxIterations().toString());
        // ISO-8601, which the runtime reads without knowing the spec's 1h30m notation
        put(
                env,
                AgentEnv.AGENT_TIMEOUT,
                spec.getTimeout() == null
                        ? null
                        : Durations.parse(spec.getTimeout()).toString());
        put(env, AgentEnv.AGENT_LIMITS, AgentLimitsVariable.of(plan).orElse(null));
        approvalToken(spec, AgentEnv.AGENT_APPROVAL_TOKEN)
                .ifPresent(token -> env.put(AgentEnv.AGENT_APPROVAL_TOKEN, token));
        AgentWebhooks.env(plan.agent()).forEach(variable -> env.put(variable.getName(), variable));
        put(env, AgentEnv.AGENT_CODE_PATH, AgentPodTemplate.CODE_PATH);
        if (AgentHttp.listens(plan.agent())) {
            put(env, AgentHttp.PORT_ENV, String.valueOf(AgentHttp.port(plan.agent())));
        }
        // The proxy routes by LanguageModel name; endpoints and names are in the same order.
        put(
                env,
                AgentEnv.MODEL_ENDPOINTS,
                plan.models().stream().map(ModelEndpoint::url).collect(Collectors.joining(",")));
        put(
                env,
                AgentEnv.LLM_MODEL,
                plan.models().stream().map(m -> m.getMetadata().getName()).collect(Collectors.joining(",")));
        // the agent's own key at its model proxies, which count its runs too
        env.put(AgentEnv.OPENAI_API_KEY, AgentProxyKey.variable(plan.agent()));
        put(env, AgentEnv.AGENT_REPORT_RUNS, "true");
        // each run report names the code that ran: how the operator tells new code's first runs (AgentRuns)
        put(env, AgentEnv.AGENT_CODE_HASH, plan.codeHash());
        put(
                env,
                AgentEnv.MCP_SERVERS,
                plan.tools().stream().map(ToolEndpoint::url).collect(Collectors.joining(",")));
        if (plan.persona() != null) {
            LanguagePersonaSpec persona = plan.persona().getSpec();
            put(env, AgentEnv.PERSONA_NAME, plan.persona().getMetadata().getName());
            put(env, AgentEnv.PERSONA_SYSTEM_PROMPT, systemPrompt(persona));
            put(
                    env,
                    AgentEnv.PERSONA_TONE,
                    persona.getTone() == null ? null : persona.getTone().name().toLowerCase(java.util.Locale.ROOT));
            put(env, AgentEnv.PERSONA_LANGUAGE, persona.getLanguage());
        }
        put(env, AgentEnv.WORKSPACE_PATH, plan.workspacePath());
        AgentMemoryStore.env(plan.agent()).forEach(variable -> env.put(variable.getName(), variable));
        for (EnvVar otel : PodTelemetry.env(
                spec.getObservability(),
                PodTelemetry.Role.ORIGIN,
                plan.agent().getMetadata().getName(),
                resource(plan))) {
            env.put(otel.getName(), otel);
        }
        if (AgentPlan.isScheduled(plan.agent())) {
            // a Job ends before any scrape: its meters are pushed as it exits
            for (EnvVar push : PodTelemetry.metricsPush(
                    spec.getObservability(), plan.agent().getMetadata().getName(), resource(plan))) {
                env.put(push.getName(), push);
            }
        }
        if (spec.getObservability() != null) {
            LogSettings.env(spec.getObservability().getLogLevel(), null)
                    .forEach(variable -> env.put(variable.getName(), variable));
        }
        for (EnvVar user : Objects.requireNonNullElse(spec.getEnv(), List.<EnvVar>of())) {
            env.remove(user.getName());
            env.put(user.getName(), user);
        }
        return List.copyOf(env.values());
    }

    /**
     * The agent's approval token as the variable {@code name}, read by the kubelet from the Secret the spec names: it
     * never passes the operator. The agent's pod has it, and so has the console of a client that fronts the agent.
     */
    public static Optional<EnvVar> approvalToken(LanguageAgentSpec spec, String name) {
        return Optional.ofNullable(spec.getSafetyConfig())
                .map(SafetyConfig::getApprovalTokenSecretRef)
                .map(ref -> new EnvVarBuilder()
                        .withName(name)
                        .withNewValueFrom()
                        .withNewSecretKeyRef(
                                Objects.requireNonNullElse(ref.getKey(), SecretKeyReference.DEFAULT_KEY),
                                ref.getName(),
                                false)
                        .endValueFrom()
                        .build());
    }

    /** What the spans of the agent's pod say of where they come from. */
    static Map<String, String> resource(AgentPlan plan) {
        Map<String, String> resource = new LinkedHashMap<>(); // in order: the pod template must not change by itself
        resource.put(TraceResource.NAMESPACE, plan.agent().getMetadata().getNamespace());
        resource.put(TraceResource.AGENT, plan.agent().getMetadata().getName());
        return resource;
    }

    /** The persona's system prompt followed by its guidelines, as one text. */
    public static String systemPrompt(LanguagePersonaSpec persona) {
        StringBuilder prompt = new StringBuilder(Objects.requireNonNullElse(persona.getSystemPrompt(), ""));
        List<String> guidelines = Objects.requireNonNullElse(persona.getInstructions(), List.of());
        if (!guidelines.isEmpty()) {
            prompt.append("\n\nGuidelines:");
            guidelines.forEach(line -> prompt.append("\n- ").append(line));
        }
        return prompt.toString();
    }

    static String wireName(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static void put(Map<String, EnvVar> env, String name, String value) {
        if (value != null && !value.isEmpty()) {
            env.put(name, new EnvVarBuilder().withName(name).withValue(value).build());
        }
    }
}
