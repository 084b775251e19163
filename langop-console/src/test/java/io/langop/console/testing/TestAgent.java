package io.langop.console.testing;

import io.langop.agent.runtime.AgentRuntime;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.config.AgentConfig;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.server.ServiceServer;
import io.langop.wire.AgentEnv;
import io.langop.wire.ServiceWire;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
        return start(name, persona, llm, Map.of());
    }

    /**
     * An agent whose calls of the tools of {@code mcp} wait for a person's approval, decided over its approval
     * endpoint with {@code token}.
     */
    public static TestAgent startWithApproval(String name, ScriptedOpenAiServer llm, URI mcp, String token)
            throws Exception {
        return start(
                name,
                "You are the " + name + ".",
                llm,
                Map.of(
                        AgentEnv.MCP_SERVERS,
                        mcp.toString(),
                        AgentEnv.AGENT_LIMITS,
                        "{\"approval\":{\"tools\":[\"" + APPROVED_TOOL + "\"]}}",
                        AgentEnv.AGENT_APPROVAL_TOKEN,
                        token));
    }

    /** The tool whose calls wait for approval in {@link #startWithApproval}. */
    public static final String APPROVED_TOOL = "send_email";

    private static TestAgent start(String name, String persona, ScriptedOpenAiServer llm, Map<String, String> more)
            throws Exception {
        AgentDefinition agent = AgentDefinition.builder(name)
                .persona(persona)
                .mode(ExecutionMode.INTERACTIVE)
                .objective("Answer questions")
                .build();
        Path workspace = Files.createTempDirectory("console-agent-");
        Map<String, String> env = new HashMap<>(more);
        env.putAll(Map.of(
                AgentEnv.MODEL_ENDPOINTS,
                llm.rootUrl(),
                AgentEnv.WORKSPACE_PATH,
                workspace.toString(),
                ServiceWire.PORT_ENV,
                "0"));
        AgentRuntime runtime = AgentRuntime.connect(AgentConfig.from(env), () -> agent);
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
