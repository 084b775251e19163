package io.langop.operator.agent;

import static io.langop.operator.agent.AgentPlans.news;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.langop.api.v1alpha1.FilterAction;
import io.langop.api.v1alpha1.LogLevel;
import io.langop.api.v1alpha1.SecretKeyReference;
import io.langop.api.v1alpha1.agent.AgentObservability;
import io.langop.api.v1alpha1.agent.AgentRateLimits;
import io.langop.api.v1alpha1.agent.ContentFilter;
import io.langop.api.v1alpha1.agent.ContentFilterType;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.SafetyConfig;
import io.langop.api.v1alpha1.model.CostTracking;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.persona.PersonaConstraints;
import io.langop.api.v1alpha1.tool.DeploymentMode;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.operator.egress.EgressRules;
import io.langop.wire.AgentEnv;
import io.langop.wire.AgentLimits;
import io.langop.wire.ServiceWire;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The spec's limits reach the agent container, each field of them, in the form the runtime reads. */
class AgentLimitsVariableTest {

    @Test
    void everyLimitOfTheSpecReachesTheContainer() throws Exception {
        LanguageAgent agent = news();
        agent.getSpec().setTimeout("1h30m");
        agent.getSpec().setMaxIterations(40);
        SafetyConfig safety = new SafetyConfig();
        safety.setMaxToolCallsPerIteration(3);
        safety.setMaxCostPerExecution(0.5);
        safety.setBlockedTools(List.of("send_email"));
        ContentFilter filter = new ContentFilter();
        filter.setType(ContentFilterType.CUSTOM);
        filter.setAction(FilterAction.WARN);
        filter.setPattern("INC-\\d+");
        safety.setContentFilters(List.of(filter));
        agent.getSpec().setSafetyConfig(safety);
        AgentRateLimits rates = new AgentRateLimits();
        rates.setRequestsPerMinute(30);
        rates.setTokensPerMinute(20_000);
        rates.setToolCallsPerMinute(12);
        agent.getSpec().setRateLimits(rates);
        LanguageModel model = Fixtures.model("team", "qwen");
        CostTracking cost = new CostTracking();
        cost.setCurrency("EUR");
        cost.setInputTokenCost(0.001);
        cost.setOutputTokenCost(0.002);
        model.getSpec().setCostTracking(cost);
        LanguagePersona persona = Fixtures.persona("team", "analyst");
        PersonaConstraints personaLimits = new PersonaConstraints();
        personaLimits.setBlockedTopics(List.of("stock tips"));
        persona.getSpec().setConstraints(personaLimits);

        Map<String, String> env = env(plan(agent, List.of(model), persona));

        assertThat(env)
                .containsEntry(AgentEnv.AGENT_TIMEOUT, "PT1H30M")
                .containsEntry(AgentEnv.AGENT_MAX_ITERATIONS, "40");
        assertThat(JsonMapper.builder().build().readValue(env.get(AgentEnv.AGENT_LIMITS), AgentLimits.class))
                .isEqualTo(new AgentLimits(
                        3,
                        0.5,
                        new AgentLimits.ModelPrices(0.001, 0.002, "EUR"),
                        List.of("stock tips"),
                        List.of(new AgentLimits.ContentFilter("custom", "warn", "INC-\\d+")),
                        30,
                        20_000,
                        12,
                        List.of("send_email"),
                        null));
    }

    @Test
    void anAgentWithoutSuchLimitsGetsNoLimitsVariable() {
        Map<String, String> env = env(plan(news(), List.of(Fixtures.model("team", "qwen")), null));

        assertThat(env).doesNotContainKey(AgentEnv.AGENT_LIMITS);
    }

    @Test
    void aModelThatTracksNoCostSendsNoPrices() throws Exception {
        LanguageAgent agent = news();
        SafetyConfig safety = new SafetyConfig();
        safety.setMaxCostPerExecution(1.0);
        agent.getSpec().setSafetyConfig(safety);

        Map<String, String> env = env(plan(agent, List.of(Fixtures.model("team", "qwen")), null));

        assertThat(env.get(AgentEnv.AGENT_LIMITS)).isEqualTo("{\"maxCostPerExecution\":1.0}");
    }

    @Test
    void toolCallsThatNeedApprovalReachTheContainerByNameByServerAndBySideEffects() throws Exception {
        LanguageAgent agent = Fixtures.agent("team", "news", "qwen", "web", "email");
        agent.getSpec().getToolRefs().get(1).setRequireApproval(true);
        SafetyConfig safety = new SafetyConfig();
        safety.setRequireApprovalFor(List.of("kubectl_delete"));
        safety.setRequireApprovalForSideEffects(true);
        safety.setApprovalTimeout("1h30m");
        agent.getSpec().setSafetyConfig(safety);
        LanguageTool web = Fixtures.tool("team", "web", DeploymentMode.SERVICE, 8080);
        LanguageTool email = Fixtures.tool("team", "email", DeploymentMode.SIDECAR, 8081);

        Map<String, String> env = env(plan(agent, List.of(Fixtures.model("team", "qwen")), List.of(web, email), null));

        assertThat(JsonMapper.builder()
                        .build()
                        .readValue(env.get(AgentEnv.AGENT_LIMITS), AgentLimits.class)
                        .approval())
                .isEqualTo(new AgentLimits.Approval(
                        List.of("kubectl_delete"), List.of("http://localhost:8081/mcp"), true, 5400L));
    }

    @Test
    void theApprovalTokenReachesTheContainerAsAReferenceToItsSecret() {
        LanguageAgent agent = news();
        SafetyConfig safety = new SafetyConfig();
        safety.setRequireApprovalFor(List.of("send_email"));
        SecretKeyReference token = new SecretKeyReference();
        token.setName("news-approvers");
        token.setKey("token");
        safety.setApprovalTokenSecretRef(token);
        agent.getSpec().setSafetyConfig(safety);

        EnvVar variable = AgentEnvironment.of(plan(agent, List.of(Fixtures.model("team", "qwen")), null)).stream()
                .filter(env -> env.getName().equals(AgentEnv.AGENT_APPROVAL_TOKEN))
                .findFirst()
                .orElseThrow();

        assertThat(variable.getValue()).isNull();
        assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("news-approvers");
        assertThat(variable.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("token");
    }

    @Test
    void theDefaultApprovalTimeoutAloneSendsNoApproval() throws Exception {
        LanguageAgent agent = news();
        SafetyConfig safety = new SafetyConfig();
        safety.setApprovalTimeout("15m"); // the schema's default, present in every stored agent with safetyConfig
        safety.setMaxToolCallsPerIteration(10);
        agent.getSpec().setSafetyConfig(safety);

        Map<String, String> env = env(plan(agent, List.of(Fixtures.model("team", "qwen")), null));

        assertThat(env.get(AgentEnv.AGENT_LIMITS)).isEqualTo("{\"maxToolCallsPerIteration\":10}");
    }

    private static AgentPlan plan(LanguageAgent agent, List<LanguageModel> models, LanguagePersona persona) {
        return plan(agent, models, List.of(), persona);
    }

    @Test
    void theAgentsLogLevelReachesTheContainerWhenItIsNotTheDefault() {
        LanguageAgent agent = news();
        agent.getSpec().setObservability(new AgentObservability());
        agent.getSpec().getObservability().setLogLevel(LogLevel.INFO);
        assertThat(env(plan(agent, List.of(Fixtures.model("team", "qwen")), null)))
                .doesNotContainKey(ServiceWire.LOG_LEVEL_ENV);

        agent.getSpec().getObservability().setLogLevel(LogLevel.DEBUG);

        assertThat(env(plan(agent, List.of(Fixtures.model("team", "qwen")), null)))
                .containsEntry(ServiceWire.LOG_LEVEL_ENV, "debug");
    }

    private static AgentPlan plan(
            LanguageAgent agent, List<LanguageModel> models, List<LanguageTool> tools, LanguagePersona persona) {
        return new AgentPlan(
                agent, models, tools, persona, new EgressRules.Resolved(List.of(), List.of()), Optional.empty(), null);
    }

    private static Map<String, String> env(AgentPlan plan) {
        return AgentEnvironment.of(plan).stream()
                .filter(variable -> variable.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }
}
