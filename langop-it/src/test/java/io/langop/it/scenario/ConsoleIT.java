package io.langop.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langop.console.testing.TestOidcProvider;
import io.langop.it.harness.LocalClusterExtension;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console as the operator runs it: a LanguageClient without an image gets the console, which answers a program on
 * its OpenAI-compatible endpoint with the interactive agent's reply behind the client's API key, and the
 * LanguageCluster's dashboard reads the cluster through the API server and lists the agent, to a key of its Secret and
 * to a token of the OIDC issuer its spec names.
 */
class ConsoleIT {

    private static final String NAMESPACE = "console";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LocalClusterExtension cluster = new LocalClusterExtension();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aClientWithoutAnImageChatsWithItsAgentAndTheDashboardListsTheAgent() throws Exception {
        try (ScriptedOpenAiServer llm = new ScriptedOpenAiServer();
                TestOidcProvider issuer = new TestOidcProvider()) {
            llm.otherwise(new ScriptedOpenAiServer.Text("Kubernetes 1.32 is the latest release.", 12, 8));
            cluster.createNamespace(NAMESPACE);
            cluster.createAgentCode(NAMESPACE, "concierge-code", "agents/ConciergeAgent.java");
            Map<String, String> values = Map.of(
                    "NAMESPACE",
                    NAMESPACE,
                    "LLM_URL",
                    llm.baseUrl(),
                    "ISSUER",
                    issuer.issuer(),
                    "CLIENT_ID",
                    TestOidcProvider.CLIENT_ID,
                    "CLIENT_SECRET",
                    TestOidcProvider.CLIENT_SECRET);
            cluster.applyResource("scenarios/scripted-model.yaml", values);
            cluster.applyResource("scenarios/console.yaml", values);

            URI console = URI.create("http://127.0.0.1:" + cluster.servicePort(NAMESPACE, "help-client", 8080));
            awaitReady(console);
            awaitReady(URI.create("http://127.0.0.1:" + cluster.servicePort(NAMESPACE, "concierge-agent", 8000)));
            HttpResponse<String> anonymous = send(console.resolve("/v1/models"), null);
            JsonNode models = JSON.readTree(
                    send(console.resolve("/v1/models"), "chat-key-1").body());
            String agent = models.at("/data/0/id").asText();
            HttpResponse<String> answer = chat(console, agent, "chat-key-1");

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(agent).as(models.toString()).isEqualTo("concierge");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body())
                            .at("/choices/0/message/content")
                            .asText())
                    .isEqualTo("Kubernetes 1.32 is the latest release.");
            assertThat(llm.requests())
                    .as("the agent, not the console, asked the model")
                    .anySatisfy(request -> assertThat(request.toString()).contains("Which release is the latest?"));

            URI dashboard = URI.create("http://127.0.0.1:" + cluster.servicePort(NAMESPACE, "ops-dashboard", 8080));
            awaitReady(dashboard);
            await("the agent on the dashboard's overview")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        HttpResponse<String> overview = send(dashboard.resolve("/"), "dashboard-key-1");
                        assertThat(overview.statusCode()).isEqualTo(200);
                        assertThat(overview.body()).contains("concierge");
                    });
            assertThat(send(dashboard.resolve("/"), null).body()).doesNotContain("concierge");
            // spec.dashboard.oidc, passed by the operator: the issuer's tokens are let in, another key's are not
            assertThat(send(
                                    dashboard.resolve("/"),
                                    issuer.accessToken("grace", TestOidcProvider.CLIENT_ID, Duration.ofMinutes(5)))
                            .body())
                    .contains("concierge")
                    .contains("Signed in as grace");
            assertThat(send(dashboard.resolve("/"), issuer.tokenOfAnotherKey("grace"))
                            .body())
                    .doesNotContain("concierge");
        }
    }

    private void awaitReady(URI service) {
        await("ready: " + service)
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> send(service.resolve("/readyz"), null).statusCode() == 200);
    }

    private HttpResponse<String> chat(URI console, String model, String key) throws IOException, InterruptedException {
        String body = JSON.createObjectNode()
                .put("model", model)
                .set(
                        "messages",
                        JSON.createArrayNode()
                                .add(JSON.createObjectNode()
                                        .put("role", "user")
                                        .put("content", "Which release is the latest?")))
                .toString();
        return http.send(
                HttpRequest.newBuilder(console.resolve("/v1/chat/completions"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofMinutes(1))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(URI uri, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
