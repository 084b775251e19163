package io.langop.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.langop.console.testing.ConsoleHttp;
import io.langop.console.testing.TestAgent;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import io.langop.sdk.llm.StreamCollector;
import io.langop.server.testing.OversizeBodies;
import io.langop.server.testing.RawHttpClient;
import io.langop.wire.ClientWire;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console in front of a real agent runtime and a model (both on a scripted LLM), configured by a client.json
 * as the operator writes it: API keys, rate limits, moderation, history, CORS, as programs and the page use them.
 */
class ConsoleChatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SETTINGS = """
            {"name":"support","namespace":"apps","type":"web","port":8080,"allowModelSelection":true,
             "models":[{"name":"qwen","endpoint":"%s"}],
             "agents":[{"name":"helpdesk","url":"%s","mode":"chat","displayName":"Helpdesk"},
                       {"name":"hooks","url":"http://127.0.0.1:9","mode":"webhook"}],
             "persona":{"name":"friendly","systemPrompt":"Be friendly."},
             "session":{"ttl":"1h","maxMessagesPerSession":4,"cookieConfig":{"secure":false}},
             "authentication":{"enabled":true,"requireAuthentication":true,"allowAnonymous":false,
               "providers":[{"name":"keys","type":"api-key","secretEnv":"AUTH_KEYS_SECRET"}]},
             "rateLimiting":{"requestsPerMinute":3},
             "contentModeration":{"enabled":true,"customFilters":[{"name":"secrets","pattern":"root password",
               "action":"block","message":"Passwords are not discussed here."}]},
             "ui":{"title":"Support","theme":"dark"},
             "cors":{"enabled":true,"allowedOrigins":["https://intranet.example"],"maxAge":600}}
            """;
    static final Map<String, String> KEYS = Map.of("AUTH_KEYS_SECRET", "alice:sk-alice\nsk-bob\n");

    private ScriptedOpenAiServer llm;
    private TestAgent agent;
    private Console console;

    @BeforeEach
    void start() throws Exception {
        llm = new ScriptedOpenAiServer();
        agent = TestAgent.start("helpdesk", "You are the helpdesk.", llm);
        console = Console.start(
                ConsoleConfigFile.parse(SETTINGS.formatted(llm.baseUrl(), agent.url())),
                KEYS::get,
                0,
                null,
                null,
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        console.close();
        agent.close();
        llm.close();
    }

    private OpenAiChatModel.OpenAiChatModelBuilder program(String key, String model) {
        return OpenAiChatModel.builder()
                .baseUrl(console.uri() + "/v1")
                .apiKey(key)
                .modelName(model)
                .maxRetries(0);
    }

    @Test
    void aProgramWithAnApiKeyTalksToTheAgentThroughTheOpenAiEndpoint() {
        llm.thenText("Three pods are running.", 12, 4);

        ChatResponse response = program("sk-alice", "helpdesk")
                .build()
                .chat(ChatRequest.builder()
                        .messages(UserMessage.from("How many pods?"))
                        .build());

        assertThat(response.aiMessage().text()).isEqualTo("Three pods are running.");
        assertThat(response.tokenUsage().totalTokenCount()).isEqualTo(16);
        assertThat(llm.messagesOf(0)).containsExactly("system: You are the helpdesk.", "user: How many pods?");
    }

    @Test
    void openaisJavaSdkReadsEveryChunkAndFindsTheModerationWarningInTheFirst() throws Exception {
        llm.thenText("prod-db-1 is healthy.").thenText("prod-db-1 is healthy.");
        String warns = "\"customFilters\":[{\"name\":\"hosts\",\"pattern\":\"prod-db\",\"action\":\"warn\","
                + "\"message\":\"Production hosts are named here.\"},";
        try (Console warning = Console.start(
                ConsoleConfigFile.parse(
                        SETTINGS.replace("\"customFilters\":[", warns).formatted(llm.baseUrl(), agent.url())),
                KEYS::get,
                0,
                null,
                null,
                Clock.systemUTC())) {
            OpenAIClient client = OpenAIOkHttpClient.builder()
                    .baseUrl(warning.uri() + "/v1")
                    .apiKey("sk-alice")
                    .maxRetries(0)
                    .build();
            ChatCompletionCreateParams question = ChatCompletionCreateParams.builder()
                    .model("helpdesk")
                    .addUserMessage("Is prod-db-1 up?")
                    .build();
            List<ChatCompletionChunk> chunks = new ArrayList<>();
            try (StreamResponse<ChatCompletionChunk> stream =
                    client.chat().completions().createStreaming(question)) {
                stream.stream().forEach(chunks::add);
            }
            ChatCompletion plain = client.chat().completions().create(question);

            // a named event would have been read as a chunk without choices, failing here
            assertThat(chunks.stream()
                            .flatMap(chunk -> chunk.choices().stream())
                            .map(choice -> choice.delta().content().orElse(""))
                            .collect(Collectors.joining()))
                    .isEqualTo("prod-db-1 is healthy.");
            assertThat(notice(chunks.getFirst()._allProperties().get(ClientWire.NOTICE_FIELD)))
                    .isEqualTo("Production hosts are named here.");
            assertThat(chunks.subList(1, chunks.size()))
                    .noneMatch(chunk -> chunk._allProperties().containsKey(ClientWire.NOTICE_FIELD));
            assertThat(plain.choices().getFirst().message().content()).contains("prod-db-1 is healthy.");
            assertThat(notice(plain._allProperties().get(ClientWire.NOTICE_FIELD)))
                    .isEqualTo("Production hosts are named here.");
        }
    }

    private static String notice(JsonValue field) {
        return field == null
                ? null
                : JSON.valueToTree(field.convert(Object.class)).path("message").asText();
    }

    @Test
    void aStreamingProgramReceivesTheAgentsAnswerPieceByPiece() throws Exception {
        llm.thenText("Streaming passes through the console");
        var client = OpenAiStreamingChatModel.builder()
                .baseUrl(console.uri() + "/v1")
                .apiKey("sk-bob")
                .modelName("helpdesk")
                .build();
        StreamCollector stream = new StreamCollector();

        client.chat(ChatRequest.builder().messages(UserMessage.from("stream?")).build(), stream);

        assertThat(stream.response(Duration.ofSeconds(20)).aiMessage().text())
                .isEqualTo("Streaming passes through the console");
        assertThat(stream.pieces()).hasSizeGreaterThan(3);
    }

    @Test
    void aModelIsOfferedWithTheClientsPersonaAndWebhookAgentsAreNot() throws Exception {
        llm.thenText("Hello!");

        String answer = program("sk-alice", "qwen")
                .build()
                .chat(ChatRequest.builder().messages(UserMessage.from("hi")).build())
                .aiMessage()
                .text();
        JsonNode models = JSON.readTree(bearerGet("/v1/models", "sk-alice").body());

        assertThat(answer).isEqualTo("Hello!");
        assertThat(llm.messagesOf(0)).containsExactly("system: Be friendly.", "user: hi");
        assertThat(models.path("data").findValuesAsText("id")).containsExactly("helpdesk", "qwen");
    }

    @Test
    void aBodyOverTheCapIsRefusedWithAnOpenaiErrorOnTheApiAndThePagesChatAndNoHeapIsHeldForIt() throws Exception {
        for (String path : List.of("/v1/chat/completions", "/api/chat")) {
            assertTooLarge(OversizeBodies.answerToAnnouncedBody(console.port(), path));
        }

        OversizeBodies.assertRefusedWithoutHoldingTheHeap(
                console.port(),
                "/v1/chat/completions",
                ConsoleChatTest::assertTooLarge,
                "Authorization: Bearer sk-bob");
        assertThat(llm.requests()).isEmpty();
    }

    private static void assertTooLarge(RawHttpClient.Answer answer) throws Exception {
        assertThat(answer.status()).isEqualTo(413);
        JsonNode error = JSON.readTree(answer.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("code").asText()).isEqualTo("request_too_large");
    }

    @Test
    void withoutAValidKeyNothingIsAnswered() throws Exception {
        HttpResponse<String> none = new ConsoleHttp(console.uri()).get("/v1/models");
        HttpResponse<String> wrong = bearerGet("/v1/models", "sk-mallory");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).path("error").path("type").asText())
                .isEqualTo("authentication_error");
        Assertions.assertThatThrownBy(() -> program("sk-mallory", "helpdesk")
                        .build()
                        .chat(ChatRequest.builder()
                                .messages(UserMessage.from("hi"))
                                .build()))
                .isInstanceOf(AuthenticationException.class);
        assertThat(llm.requests()).isEmpty();
    }

    @Test
    void aUsersFourthRequestInAMinuteWaitsWhileAnotherUserIsServed() throws Exception {
        llm.otherwise(new ScriptedOpenAiServer.Text("ok", 1, 1));
        var alice = program("sk-alice", "qwen").build();
        for (int i = 0; i < 3; i++) {
            alice.chat(ChatRequest.builder().messages(UserMessage.from("q" + i)).build());
        }

        HttpResponse<String> refused = chat("sk-alice", "qwen", "one more");
        HttpResponse<String> bob = chat("sk-bob", "qwen", "my first");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(JSON.readTree(refused.body()).path("error").path("message").asText())
                .contains("3 requests per minute");
        assertThat(bob.statusCode()).isEqualTo(200);
        assertThat(llm.requests()).hasSize(4);
    }

    @Test
    void aBlockedTopicIsRefusedBeforeItReachesTheAgent() throws Exception {
        HttpResponse<String> refused = chat("sk-alice", "helpdesk", "What is the ROOT PASSWORD?");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("error").path("message").asText())
                .isEqualTo("Passwords are not discussed here.");
        assertThat(llm.requests()).isEmpty();
    }

    @Test
    void anAnswerOnABlockedTopicIsWithheldWhole() throws Exception {
        llm.thenText("The root password is hunter2");

        HttpResponse<String> withheld = chat("sk-alice", "qwen", "tell me something");

        assertThat(withheld.statusCode()).isEqualTo(400);
        assertThat(withheld.body()).contains("The answer was withheld").doesNotContain("hunter2");
    }

    @Test
    void thePageKeepsTheConversationAndSendsOnlyTheLastMessagesOfItUpstream() throws Exception {
        llm.thenText("first answer").thenText("second answer").thenText("third answer");
        ConsoleHttp browser = new ConsoleHttp(console.uri());
        assertThat(browser.get("/").body())
                .contains("<label for=\"key\">API key</label>")
                .doesNotContain("composer");
        assertThat(browser.postForm("/auth/key", "key", "sk-alice").statusCode())
                .isEqualTo(302);

        for (String message : List.of("one", "two", "three")) {
            HttpResponse<String> events = browser.postJson(
                    "/api/chat", "{\"conversation\":\"c-1\",\"target\":\"helpdesk\",\"message\":\"" + message + "\"}");
            assertThat(events.statusCode()).isEqualTo(200);
            assertThat(events.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(events.body()).endsWith("data: [DONE]\n\n");
        }
        String page = browser.get("/").body();

        // maxMessagesPerSession 4: the last three kept messages and the new one
        assertThat(llm.messagesOf(2))
                .containsExactly(
                        "system: You are the helpdesk.", "user: two", "assistant: second answer", "user: three");
        assertThat(page).contains("Signed in as alice", "\"conversation\":\"c-1\"", "third answer");
    }

    @Test
    void anotherSitesPageCannotChatWithTheUsersCookie() throws Exception {
        ConsoleHttp browser = new ConsoleHttp(console.uri());
        browser.postForm("/auth/key", "key", "sk-alice");

        HttpResponse<String> forged = browser.postJson(
                "/api/chat",
                "{\"conversation\":\"c-1\",\"target\":\"helpdesk\",\"message\":\"hi\"}",
                "https://evil.example");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(llm.requests()).isEmpty();
    }

    @Test
    void corsLetsTheAllowedOriginCallTheApiAndNoOtherOne() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> allowed =
                http.send(preflight("https://intranet.example"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> other = http.send(preflight("https://evil.example"), HttpResponse.BodyHandlers.ofString());

        assertThat(allowed.statusCode()).isEqualTo(204);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://intranet.example");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, POST, OPTIONS");
        assertThat(allowed.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private java.net.http.HttpRequest preflight(String origin) {
        return java.net.http.HttpRequest.newBuilder(console.uri().resolve("/v1/chat/completions"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .build();
    }

    private HttpResponse<String> bearerGet(String path, String key) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(console.uri().resolve(path))
                                .header("Authorization", "Bearer " + key)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> chat(String key, String model, String message) throws Exception {
        String body = JSON.createObjectNode()
                .put("model", model)
                .set(
                        "messages",
                        JSON.createArrayNode()
                                .add(JSON.createObjectNode().put("role", "user").put("content", message)))
                .toString();
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(console.uri().resolve("/v1/chat/completions"))
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
