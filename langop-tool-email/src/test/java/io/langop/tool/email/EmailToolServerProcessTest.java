package io.langop.tool.email;

import static io.langop.tool.email.EmailToolServerTest.call;
import static io.langop.tool.email.EmailToolServerTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real main class in its own JVM, configured only through the environment as in a pod: it serves on
 * {@code PORT}, stops on SIGTERM, and neither its answers nor its debug log ever show a password.
 */
class EmailToolServerProcessTest {

    private static final String IMAP_WRONG_PASSWORD = "imap-Wrong-Secret-77";

    @RegisterExtension
    static final GreenMailExtension greenMail = GreenMailServers.start(ServerSetupTest.SMTP, ServerSetupTest.IMAP);

    @Test
    void servesOnPortFromTheEnvironmentAndNeverRevealsAPassword(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path log = dir.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmailToolServer.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(GreenMailServers.toolEnv(greenMail));
        env.put("IMAP_PASSWORD", IMAP_WRONG_PASSWORD);
        env.put("PORT", Integer.toString(port));
        env.put("LOG_LEVEL", "debug");
        Process server = builder.start();
        List<String> answers = new ArrayList<>();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI ready = URI.create("http://127.0.0.1:" + port + "/readyz");
            await().atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .until(() ->
                            http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 200);

            try (var client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                            .endpoint("/mcp")
                            .build())
                    .requestTimeout(Duration.ofSeconds(30))
                    .build()) {
                client.initialize();
                answers.add(text(call(client, "email_config", Map.of())));
                answers.add(text(call(client, "test_smtp", Map.of())));
                answers.add(text(call(
                        client,
                        "send_email",
                        Map.of("to", "agent@example.com", "subject", "From the pod", "body", "hello"))));
                var listing = call(client, "list_emails", Map.of());
                answers.add(text(listing));
                assertThat(listing.isError()).isTrue();
                answers.add(text(call(client, "read_email", Map.of("id", "INBOX:1:1"))));
            }
            assertThat(answers.get(1)).startsWith("SMTP Configuration Test: SUCCESS");
            assertThat(answers.get(2)).isEqualTo("Email sent successfully to agent@example.com");
            assertThat(answers.get(3)).startsWith("Error reading mailbox: ");
            assertThat(greenMail.getReceivedMessages()).hasSize(1);
        } finally {
            server.destroy();
        }

        boolean stopped = server.waitFor(30, TimeUnit.SECONDS);
        if (!stopped) {
            server.destroyForcibly();
        }
        assertThat(stopped).as("stops on SIGTERM").isTrue();
        String output = Files.readString(log);
        assertThat(output)
                .contains("SMTP 127.0.0.1:" + greenMail.getSmtp().getPort() + " with none (plain text), login agent")
                .contains("Sent email to 1 recipient(s)")
                .contains("Error reading mailbox: ");
        for (String secret : List.of(GreenMailServers.PASSWORD, IMAP_WRONG_PASSWORD)) {
            assertThat(output).doesNotContain(secret);
            assertThat(answers).noneMatch(answer -> answer.contains(secret));
        }
        assertThat(answers.getFirst()).contains("SMTP_PASSWORD: Yes (hidden)", "IMAP_PASSWORD: Yes (hidden)");
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
