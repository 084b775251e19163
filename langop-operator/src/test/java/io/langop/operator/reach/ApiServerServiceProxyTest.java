package io.langop.operator.reach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.langop.sdk.llm.LlmClient;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.mcp.McpTools;
import io.langop.sdk.mcp.TestMcpServer;
import io.langop.sdk.retry.Backoff;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * From outside the cluster the operator reaches Services through the API server's service proxy, with
 * the Kubernetes client's own credentials: an MCP server lists its tools and a model answers through it,
 * and nothing but Service proxy paths can be asked for through the forwarder.
 */
class ApiServerServiceProxyTest {

    private static final String TOKEN = "kube-token-7d1e";

    private static TestMcpServer tools;
    private static ScriptedOpenAiServer llm;
    private static FakeApiServer apiServer;
    private static KubernetesClient client;
    private static ApiServerServiceProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        tools = TestMcpServer.start(TestMcpServer.TestTool.of("web_search", "query", args -> "hits"));
        llm = new ScriptedOpenAiServer();
        apiServer = new FakeApiServer(TOKEN)
                .serve("tools", "web-tool", 8080, tools.url())
                .serve("models", "gpt-model", 8080, URI.create(llm.baseUrl()));
        client = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder()
                        .withMasterUrl(apiServer.url())
                        .withOauthToken(TOKEN)
                        .build())
                .build();
        proxy = ApiServerServiceProxy.start(client);
    }

    @AfterAll
    static void stop() {
        proxy.close();
        client.close();
        apiServer.close();
        llm.close();
        tools.close();
    }

    @Test
    void aToolServerListsItsToolsThroughTheServiceProxyWithTheClientsCredentials() {
        URI endpoint = proxy.url("tools", "web-tool", 8080, "/mcp");

        List<McpTools.ListedTool> listed = McpTools.listTools(endpoint, Duration.ofSeconds(20));

        assertThat(listed).extracting(McpTools.ListedTool::name).containsExactly("web_search");
        assertThat(apiServer.seen())
                .filteredOn(seen -> seen.path().startsWith("/api/v1/namespaces/tools/services/web-tool:8080/proxy"))
                .isNotEmpty()
                .allSatisfy(seen -> assertThat(seen.authorization()).isEqualTo("Bearer " + TOKEN))
                .anySatisfy(seen -> assertThat(seen.path()).endsWith("/proxy/mcp"));
    }

    @Test
    void aModelProxyAnswersThroughTheServiceProxy() throws Exception {
        llm.thenText("written through the API server", 5, 3);
        LlmClient model = LlmClient.openAiCompatible(
                proxy.url("models", "gpt-model", 8080, "/v1").toString(),
                "unused",
                "gpt",
                Duration.ofSeconds(20),
                new Backoff(1, Duration.ofMillis(10), Duration.ofMillis(10)));

        String answer = model.chat(ChatRequest.builder()
                        .messages(List.of(UserMessage.from("write the agent")))
                        .build())
                .aiMessage()
                .text();

        assertThat(answer).isEqualTo("written through the API server");
        assertThat(llm.messagesOf(llm.requests().size() - 1))
                .singleElement()
                .asString()
                .contains("write the agent");
    }

    @Test
    void onlyServiceProxyPathsAreForwardedAndOnlyUnderTheSecretPrefix() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = proxy.baseUrl("tools", "web-tool", 8080).toString();
        String prefix = base.substring(0, base.indexOf("/api/v1/"));

        HttpResponse<String> secrets = http.send(
                HttpRequest.newBuilder(URI.create(prefix + "/api/v1/namespaces/tools/secrets"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> guessed = http.send(
                HttpRequest.newBuilder(URI.create(base.replace(
                                        prefix, "http://" + URI.create(prefix).getRawAuthority()) + "/mcp"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(secrets.statusCode()).isEqualTo(403);
        assertThat(guessed.statusCode()).isEqualTo(404);
        assertThat(apiServer.seen()).noneMatch(seen -> seen.path().contains("/secrets"));
    }
}
