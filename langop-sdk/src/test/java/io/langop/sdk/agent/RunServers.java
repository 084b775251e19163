package io.langop.sdk.agent;

import io.langop.sdk.llm.LlmClient;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.mcp.McpTools;
import io.langop.sdk.mcp.TestMcpServer;
import io.langop.sdk.mcp.TestMcpServer.TestTool;
import io.langop.sdk.retry.Backoff;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What an agent run talks to, started fresh for each test on loopback: a scripted OpenAI-compatible LLM and an
 * MCP server with {@code web_search} (answering a fixed JSON) and {@code slow} (answering only when the test
 * ends, for runs a limit must stop), and the agent's MCP client connected to it.
 */
final class RunServers implements BeforeEachCallback, AfterEachCallback {

    static final Backoff FAST = new Backoff(3, Duration.ofMillis(10), Duration.ofMillis(50));

    private final String searchAnswer;
    private CountDownLatch releaseSlowTool;
    private ScriptedOpenAiServer llm;
    private TestMcpServer mcp;
    private McpTools tools;

    private RunServers(String searchAnswer) {
        this.searchAnswer = searchAnswer;
    }

    /** {@code web_search} answers {@code json} to every query. */
    static RunServers searchAnswering(String json) {
        return new RunServers(json);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        releaseSlowTool = new CountDownLatch(1);
        llm = new ScriptedOpenAiServer();
        mcp = TestMcpServer.start(
                TestTool.of("web_search", "query", args -> searchAnswer),
                TestTool.blockingUntil("slow", "x", releaseSlowTool));
        tools = McpTools.connect(List.of(mcp.url()), FAST, Duration.ofSeconds(10));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        releaseSlowTool.countDown();
        tools.close();
        mcp.close();
        llm.close();
    }

    ScriptedOpenAiServer llm() {
        return llm;
    }

    TestMcpServer mcp() {
        return mcp;
    }

    /** The agent's client of the scripted LLM, sending {@code apiKey}. */
    LlmClient llmClient(String apiKey) {
        return LlmClient.openAiCompatible(llm.baseUrl(), apiKey, "test-model", Duration.ofSeconds(10), FAST);
    }

    McpTools tools() {
        return tools;
    }
}
