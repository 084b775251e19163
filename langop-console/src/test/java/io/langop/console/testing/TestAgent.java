package io.langop.console.testing;

import io.langop.agent.runtime.AgentRuntime;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.config.AgentConfig;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.server.ServiceServer;
import io.langop.wire.AgentEnv;
import io.langop.wire.ServiceWire;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A real interactive agent (the langop runtime and its chat endpoint) answering with a scripted LLM. */
public final class TestAgent implements AutoCloseable {

    private final AgentRuntime runtime;
    private final ServiceServer server;

    private TestAgent(AgentRuntime runtime, ServiceServer server) {
        this.runtime = runtime;
        this.server = server;
    }

    public static TestAgent start(String name, String persona, ScriptedOpenAiServer llm) throws Exception {
        AgentDefinition agent = AgentDefinition.builder(name)
                .persona(persona)
                .mode(ExecutionMode.INTERACTIVE)
                .objective("Answer questions")
                .build();
        Path workspace = Files.createTempDirectory("console-agent-");
        AgentRuntime runtime = AgentRuntime.connect(
                AgentConfig.from(Map.of(
                        AgentEnv.MODEL_ENDPOINTS,
                        llm.rootUrl(),
                        AgentEnv.WORKSPACE_PATH,
                        workspace.toString(),
                        ServiceWire.PORT_ENV,
                        "0")),
                () -> agent);
        return new TestAgent(runtime, runtime.serve());
    }

    /** The agent's Service root, as client.json names it ({@code url}, without {@code /v1}). */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.close();
        runtime.close();
    }
}
