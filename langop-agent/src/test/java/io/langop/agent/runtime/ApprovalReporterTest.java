package io.langop.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.langop.sdk.approval.Approval;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pending approvals reach the model proxy with the agent's key, as the whole list, arguments redacted. */
class ApprovalReporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<String[]> received = new LinkedBlockingQueue<>();
    private HttpServer proxy;

    @BeforeEach
    void startProxy() throws IOException {
        proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/approvals", exchange -> {
            received.add(new String[] {
                exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
            });
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        proxy.start();
    }

    @AfterEach
    void stopProxy() {
        proxy.stop(0);
    }

    @Test
    void sendsTheWholeListOfPendingCallsWithTheAgentsKey() throws Exception {
        ApprovalReporter reporter = new ApprovalReporter(
                HttpClient.newHttpClient(),
                URI.create("http://127.0.0.1:" + proxy.getAddress().getPort() + "/approvals"),
                "agent-key");

        reporter.pendingChanged(
                List.of(pending("c0ffee", "send_email", "{\"to\":\"ops@example.com\",\"password\":\"***\"}")));
        String[] first = received.poll(5, TimeUnit.SECONDS);

        assertThat(first).isNotNull();
        assertThat(first[0]).isEqualTo("Bearer agent-key");
        JsonNode list = JSON.readTree(first[1]);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("id").asText()).isEqualTo("c0ffee");
        assertThat(list.get(0).path("tool").asText()).isEqualTo("send_email");
        assertThat(list.get(0).path("arguments").asText())
                .isEqualTo("{\"to\":\"ops@example.com\",\"password\":\"***\"}");
        assertThat(list.get(0).path("deadline").asText()).isEqualTo("2026-12-06T10:15:00Z");

        reporter.pendingChanged(List.of());
        String[] second = received.poll(5, TimeUnit.SECONDS);
        assertThat(second).isNotNull();
        assertThat(JSON.readTree(second[1])).as("nothing waits any more").isEmpty();
    }

    private static Approval pending(String id, String tool, String redactedArguments) throws IOException {
        return new Approval(
                id,
                tool,
                JSON.readTree(redactedArguments),
                "run 1",
                Instant.parse("2026-12-06T10:00:00Z"),
                Instant.parse("2026-12-06T10:15:00Z"),
                Approval.State.PENDING,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
