package io.langop.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.mcp.TestMcpServer;
import io.langop.sdk.mcp.TestMcpServer.TestTool;
import io.langop.wire.AgentEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A real `langop run` process receiving SIGTERM while a step waits on a slow tool. */
class SigtermTest {

    @TempDir
    Path dir;

    /** Run from a file with flags, and as the container runs it: {@code langop run} with the environment only. */
    @ParameterizedTest(name = "configured by the environment only: {0}")
    @ValueSource(booleans = {false, true})
    void sigtermAbortsTheStepInFlightAndExits143(boolean containerWay) throws Exception {
        CountDownLatch neverReleased = new CountDownLatch(1);
        try (var llm = new ScriptedOpenAiServer();
                var mcp = TestMcpServer.start(TestTool.of("slow_export", "table", args -> {
                    try {
                        neverReleased.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    return "done";
                }))) {
            Path source = dir.resolve("Agent.java");
            Files.writeString(source, """
                    import io.langop.sdk.agent.*;
                    public class Agent implements LangopAgent {
                        public AgentDefinition define() {
                            return AgentDefinition.builder("exporter").objective("export")
                                    .workflow(w -> w.step("export", s -> s.tool("slow_export").param("table", "orders")))
                                    .build();
                        }
                    }
                    """);
            Map<String, String> environment = containerWay
                    ? Map.of(
                            AgentEnv.AGENT_CODE_PATH,
                            source.toString(),
                            AgentEnv.AGENT_MODE,
                            "scheduled",
                            AgentEnv.MODEL_ENDPOINTS,
                            llm.rootUrl(),
                            AgentEnv.MCP_SERVERS,
                            mcp.url().toString(),
                            AgentEnv.WORKSPACE_PATH,
                            dir.toString())
                    : Map.of();
            String[] arguments = containerWay
                    ? new String[] {"run"}
                    : new String[] {
                        "run",
                        source.toString(),
                        "--mode",
                        "scheduled",
                        "--model-endpoint",
                        llm.rootUrl(),
                        "--mcp-server",
                        mcp.url().toString(),
                        "--workspace",
                        dir.toString()
                    };
            try (var agent = AgentProcess.start(environment, dir.resolve("agent.log"), arguments)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> !mcp.calls().isEmpty());

                agent.process().destroy(); // SIGTERM

                assertThat(agent.exitStatusWithin(30)).isEqualTo(143);
                assertThat(agent.log())
                        .contains("Shutting down (SIGTERM, or the process ends): aborting the current run");
            }
        }
    }
}
