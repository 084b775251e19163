package io.langop.sdk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.langop.sdk.agent.ExecutionMode;
import io.langop.wire.AgentEnv;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {

    @Test
    void readsWhatTheOperatorSets() {
        AgentConfig config = AgentConfig.from(Map.of(
                AgentEnv.MODEL_ENDPOINTS,
                " http://claude.team-a.svc.cluster.local:8000 , http://gpt.team-a.svc.cluster.local:8000",
                AgentEnv.LLM_MODEL,
                "claude-sonnet,gpt-4o",
                AgentEnv.OPENAI_API_KEY,
                "sk-real-secret",
                AgentEnv.MCP_SERVERS,
                "http://localhost:8080,http://web.team-a.svc.cluster.local:8080/mcp",
                AgentEnv.AGENT_NAME,
                "news",
                AgentEnv.AGENT_MODE,
                "event-driven",
                AgentEnv.WORKSPACE_PATH,
                "/data",
                AgentEnv.AGENT_CYCLE_PAUSE,
                "PT1M",
                AgentEnv.LLM_TIMEOUT,
                "45",
                "PORT",
                "9090"));

        assertThat(config.modelEndpoint()).contains(URI.create("http://claude.team-a.svc.cluster.local:8000/v1"));
        assertThat(config.modelName()).isEqualTo("claude-sonnet");
        assertThat(config.mcpServers())
                .containsExactly(
                        URI.create("http://localhost:8080"),
                        URI.create("http://web.team-a.svc.cluster.local:8080/mcp"));
        assertThat(config.mode()).contains(ExecutionMode.EVENT_DRIVEN);
        assertThat(config.workspace()).isEqualTo(Path.of("/data"));
        assertThat(config.cyclePause()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.llmTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.port()).isEqualTo(9090);
    }

    @Test
    void defaultsAndFallbacks() {
        AgentConfig config = AgentConfig.from(Map.of(
                "OPENAI_ENDPOINT",
                "http://localhost:1234/v1",
                "MCP_URL",
                "http://tools/mcp",
                AgentEnv.MCP_SERVERS,
                " "));

        assertThat(config.modelEndpoint()).contains(URI.create("http://localhost:1234/v1"));
        assertThat(config.mcpServers()).containsExactly(URI.create("http://tools/mcp"));
        assertThat(config.mode()).isEmpty();
        assertThat(config.codePath()).isEqualTo(Path.of("/etc/agent/code/Agent.java"));
        assertThat(config.workspace()).isEqualTo(Path.of("/workspace"));
        assertThat(config.apiKey()).isEqualTo(AgentConfig.DEFAULT_API_KEY);
        assertThat(AgentConfig.from(Map.of()).modelEndpoint()).isEmpty();
        assertThat(config.idleWhenDone()).isTrue();
        assertThat(AgentConfig.from(Map.of(AgentEnv.AGENT_IDLE_WHEN_DONE, " FALSE "))
                        .idleWhenDone())
                .isFalse();
    }

    @Test
    void instructionsComeFromTheirFileBeforeTheVariable(@TempDir Path dir) throws Exception {
        // what the operator mounts: more than one environment variable can hold (128 KiB), in UTF-8
        String instructions = "Summarise each report. " + "報告書を要約してください。".repeat(12_000);
        Path file = Files.writeString(dir.resolve("instructions.md"), instructions + "\n");

        AgentConfig config = AgentConfig.from(
                Map.of(AgentEnv.AGENT_INSTRUCTIONS_PATH, file.toString(), AgentEnv.AGENT_INSTRUCTIONS, "inline"));

        assertThat(instructions.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(128 * 1024);
        assertThat(config.instructions()).contains(instructions);
        assertThat(AgentConfig.from(Map.of(AgentEnv.AGENT_INSTRUCTIONS, "inline"))
                        .instructions())
                .contains("inline");
        assertThatThrownBy(() -> AgentConfig.from(Map.of(
                        AgentEnv.AGENT_INSTRUCTIONS_PATH,
                        dir.resolve("missing.md").toString())))
                .hasMessageStartingWith(
                        AgentEnv.AGENT_INSTRUCTIONS_PATH + "='" + dir.resolve("missing.md") + "' cannot be read");
    }

    @Test
    void secretsNeverAppearInThePrintedConfig() {
        AgentConfig config = AgentConfig.from(
                Map.of(AgentEnv.OPENAI_API_KEY, "sk-real-secret", AgentEnv.AGENT_WEBHOOK_SECRET, "hook-secret"));

        assertThat(config.toString())
                .doesNotContain("sk-real-secret")
                .doesNotContain("hook-secret")
                .contains("apiKey=***");
    }

    @Test
    void invalidValuesFailWithTheVariableName() {
        assertThatThrownBy(() -> AgentConfig.from(Map.of("PORT", "http"))).hasMessage("PORT='http' is not an integer");
        assertThatThrownBy(() -> AgentConfig.from(Map.of(AgentEnv.MODEL_ENDPOINTS, "proxy:8000")))
                .hasMessageContaining("is not an absolute http(s) URL");
        assertThatThrownBy(() -> AgentConfig.from(Map.of(AgentEnv.AGENT_MODE, "reactive")))
                .hasMessageContaining("unknown execution mode 'reactive'");
        assertThatThrownBy(() -> AgentConfig.from(Map.of(AgentEnv.LLM_TIMEOUT, "5 minutes")))
                .hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> AgentConfig.from(Map.of(AgentEnv.AGENT_IDLE_WHEN_DONE, "yes")))
                .hasMessage("AGENT_IDLE_WHEN_DONE='yes' is not true or false");
    }
}
