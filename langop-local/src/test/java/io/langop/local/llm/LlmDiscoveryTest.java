package io.langop.local.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The order in which langop local looks for an LLM, against real servers on loopback. */
class LlmDiscoveryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void theLlmFlagComesFirstWithTheFirstModelItListsAndItsOwnKey() throws Exception {
        String url = serverListing("qwen2.5-coder", "llama3.2");

        LlmDiscovery.Outcome found = new LlmDiscovery(
                        Map.of("OPENAI_API_KEY", "sk-openai", "LLM_API_KEY", "sk-vllm"),
                        serverListing("other"),
                        TIMEOUT)
                .find(Optional.of(url), Optional.empty());

        assertThat(found)
                .isEqualTo(new LlmDiscovery.Found(
                        new LocalLlm("--llm", url, "qwen2.5-coder", Optional.of("sk-vllm"), false)));
        assertThat(authorizations).containsExactly("Bearer sk-vllm");
    }

    @Test
    void aNamedModelNeedsNoListing() throws Exception {
        String nothingThere = "http://127.0.0.1:" + freePort() + "/v1";

        LlmDiscovery.Outcome found = new LlmDiscovery(Map.of(), nothingThere, TIMEOUT)
                .find(Optional.of(nothingThere), Optional.of("mistral"));

        assertThat(((LlmDiscovery.Found) found).llm().model()).isEqualTo("mistral");
    }

    @Test
    void anLlmFlagThatDoesNotAnswerIsRefusedWithWhatToDo() throws Exception {
        String nothingThere = "http://127.0.0.1:" + freePort() + "/v1";

        assertThatThrownBy(() -> new LlmDiscovery(Map.of(), nothingThere, TIMEOUT)
                        .find(Optional.of(nothingThere), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--llm " + nothingThere + ": cannot list its models (")
                .hasMessageContaining("--llm-model")
                .hasMessageNotContaining("null");
    }

    @Test
    void anOpenAiKeyComesBeforeAnOllamaAndUsesTheBaseUrlWhenSet() throws Exception {
        String ollama = serverListing("llama3.2");

        LocalLlm openAi = ((LlmDiscovery.Found) new LlmDiscovery(Map.of("OPENAI_API_KEY", "sk-1"), ollama, TIMEOUT)
                        .find(Optional.empty(), Optional.empty()))
                .llm();
        LocalLlm elsewhere = ((LlmDiscovery.Found) new LlmDiscovery(
                                Map.of("OPENAI_API_KEY", "sk-1", "OPENAI_BASE_URL", "http://gateway:4000/v1"),
                                ollama,
                                TIMEOUT)
                        .find(Optional.empty(), Optional.empty()))
                .llm();

        assertThat(openAi)
                .isEqualTo(new LocalLlm(
                        "OPENAI_API_KEY", LlmDiscovery.OPENAI_URL, "gpt-4o-mini", Optional.of("sk-1"), true));
        assertThat(elsewhere.baseUrl()).isEqualTo("http://gateway:4000/v1");
        assertThat(elsewhere.openAi()).isTrue();
        assertThat(authorizations).as("the Ollama was not asked").isEmpty();
        assertThat(openAi.toString()).doesNotContain("sk-1");
    }

    @Test
    void anOllamaIsUsedWithItsFirstModelWhenNothingElseIsGiven() throws Exception {
        String ollama = serverListing("nomic-embed-text:latest", "llama3.2", "qwen2.5");

        LlmDiscovery.Outcome found =
                new LlmDiscovery(Map.of(), ollama, TIMEOUT).find(Optional.empty(), Optional.empty());

        assertThat(found)
                .isEqualTo(new LlmDiscovery.Found(
                        new LocalLlm("Ollama on localhost:11434", ollama, "llama3.2", Optional.empty(), false)));
    }

    @Test
    void withoutAnyLlmOneLineSaysWhatToDo() throws Exception {
        String nothingThere = "http://127.0.0.1:" + freePort() + "/v1";

        LlmDiscovery.Outcome none = new LlmDiscovery(Map.of("OPENAI_API_KEY", " "), nothingThere, TIMEOUT)
                .find(Optional.empty(), Optional.empty());
        LlmDiscovery.Outcome empty =
                new LlmDiscovery(Map.of(), serverListing(), TIMEOUT).find(Optional.empty(), Optional.empty());

        assertThat(((LlmDiscovery.NotFound) none).advice())
                .contains("OPENAI_API_KEY")
                .contains("ollama serve")
                .contains("--llm URL")
                .doesNotContain("\n");
        assertThat(((LlmDiscovery.NotFound) empty).advice()).contains("ollama pull");
    }

    /** An OpenAI-compatible server that lists {@code models} at {@code GET /v1/models}; returns its base URL. */
    private String serverListing(String... models) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/models", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizations.add(authorization);
            }
            StringBuilder body = new StringBuilder("{\"object\":\"list\",\"data\":[");
            for (int i = 0; i < models.length; i++) {
                body.append(i == 0 ? "" : ",")
                        .append("{\"id\":\"")
                        .append(models[i])
                        .append("\",\"object\":\"model\"}");
            }
            byte[] bytes = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
