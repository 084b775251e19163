package io.langop.tool.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.langop.kit.tool.ToolServer;
import io.langop.tool.email.connection.MailSettings;
import io.langop.wire.AgentTriggers;
import io.langop.wire.MailTriggers;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The email server driven end to end by the official MCP Java SDK client, against GreenMail. */
class EmailToolServerTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = GreenMailServers.start(ServerSetupTest.SMTP, ServerSetupTest.IMAP);

    @BeforeEach
    void emptyMailboxes() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    @Test
    void publishesTheFiveToolsWithSchemasGeneratedFromTheDeclarations() {
        try (var server = start(GreenMailServers.toolEnv(greenMail));
                var client = connect(server)) {
            Map<String, Tool> tools =
                    client.listTools().tools().stream().collect(Collectors.toMap(Tool::name, Function.identity()));

            assertThat(tools).containsOnlyKeys("send_email", "test_smtp", "email_config", "list_emails", "read_email");
            Map<String, Object> send = properties(tools.get("send_email"));
            assertThat(send).containsOnlyKeys("to", "subject", "body", "from", "cc", "bcc", "html");
            assertThat(tools.get("send_email").inputSchema().get("required"))
                    .isEqualTo(List.of("to", "subject", "body"));
            assertThat(send.get("html"))
                    .isEqualTo(Map.of(
                            "type", "boolean", "description", "Send as HTML email (default: false)", "default", false));
            assertThat(properties(tools.get("test_smtp"))).isEmpty();
            assertThat(properties(tools.get("email_config"))).isEmpty();
            assertThat(properties(tools.get("list_emails")).get("limit"))
                    .asInstanceOf(InstanceOfAssertFactories.MAP)
                    .containsEntry("minimum", 1)
                    .containsEntry("maximum", 200)
                    .containsEntry("default", 20);
            assertThat(tools.get("read_email").inputSchema().get("required")).isEqualTo(List.of("id"));
            assertThat(tools.get("send_email").outputSchema())
                    .containsEntry("required", List.of("messageId", "accepted"));
            assertThat(tools.get("list_emails").outputSchema()).containsEntry("required", List.of("messages"));
            assertThat(tools.get("read_email").outputSchema())
                    .containsEntry(
                            "required",
                            List.of("id", "from", "to", "cc", "subject", "received", "body", "attachments"));
            assertThat(tools.get("test_smtp").outputSchema()).isNull();
            assertThat(tools.get("email_config").outputSchema()).isNull();
        }
    }

    @Test
    void sendListAndReadAnswerStructuredContentAWorkflowCanAddress() throws Exception {
        try (var server = start(GreenMailServers.toolEnv(greenMail));
                var client = connect(server)) {
            CallToolResult sent = call(
                    client,
                    "send_email",
                    Map.of(
                            "to",
                            "agent@example.com",
                            "cc",
                            "Audit <audit@example.com>",
                            "subject",
                            "CVE",
                            "body",
                            "Two."));

            assertThat(sent.structuredContent())
                    .asInstanceOf(InstanceOfAssertFactories.MAP)
                    .containsEntry("accepted", List.of("agent@example.com", "audit@example.com"))
                    .extractingByKey("messageId")
                    .isEqualTo(greenMail.getReceivedMessages()[0].getMessageID());

            Map<String, Object> listed = data(call(client, "list_emails", Map.of()));
            assertThat(listed.get("messages"))
                    .asInstanceOf(InstanceOfAssertFactories.LIST)
                    .hasSize(1);
            @SuppressWarnings("unchecked") // a JSON object
            Map<String, Object> summary = (Map<String, Object>) ((List<?>) listed.get("messages")).getFirst();
            String id = (String) summary.get("id");
            assertThat(summary)
                    .containsEntry("from", "bot@example.com")
                    .containsEntry("subject", "CVE")
                    .containsEntry("unread", true)
                    .containsKeys("id", "received");
            assertThat(Instant.parse((String) summary.get("received")))
                    .isBefore(Instant.now().plusSeconds(1));

            Map<String, Object> read = data(call(client, "read_email", Map.of("id", id)));
            assertThat(read)
                    .containsEntry("id", id)
                    .containsEntry("to", "agent@example.com")
                    .containsEntry("cc", "Audit <audit@example.com>")
                    .containsEntry("subject", "CVE")
                    .containsEntry("body", "Two.")
                    .containsEntry("attachments", List.of());
        }
    }

    @Test
    void aPasswordInsideAMessageIsMaskedInTheDataAsInTheText() {
        try (var server = start(GreenMailServers.toolEnv(greenMail));
                var client = connect(server)) {
            call(
                    client,
                    "send_email",
                    Map.of("to", "agent@example.com", "subject", "pw", "body", "it is " + GreenMailServers.PASSWORD));
            Map<?, ?> summary = (Map<?, ?>)
                    ((List<?>) data(call(client, "list_emails", Map.of())).get("messages")).getFirst();

            CallToolResult read = call(client, "read_email", Map.of("id", summary.get("id")));

            assertThat(text(read)).endsWith("it is (hidden)").doesNotContain(GreenMailServers.PASSWORD);
            assertThat(data(read)).containsEntry("body", "it is (hidden)");
        }
    }

    @Test
    void aMessageToMoreRecipientsThanTheLimitIsRefusedBeforeAnythingIsSent() {
        String twoThousand =
                IntStream.range(0, 2000).mapToObj(i -> "r" + i + "@example.com").collect(Collectors.joining(", "));
        var env = GreenMailServers.toolEnv(greenMail);
        env.put("SMTP_MAX_RECIPIENTS", "3");
        try (var server = start(GreenMailServers.toolEnv(greenMail));
                var limited = start(env);
                var client = connect(server);
                var limitedClient = connect(limited)) {
            assertError(
                    call(client, "send_email", Map.of("to", twoThousand, "subject", "s", "body", "b")),
                    "Invalid parameter 'to': 2000 recipients in to, cc and bcc together; at most 50 are allowed per "
                            + "message (SMTP_MAX_RECIPIENTS)");
            assertError(
                    call(
                            limitedClient,
                            "send_email",
                            Map.of(
                                    "to",
                                    "a@example.com, b@example.com",
                                    "bcc",
                                    "c@example.com, d@example.com",
                                    "subject",
                                    "s",
                                    "body",
                                    "b")),
                    "Invalid parameter 'bcc': 4 recipients in to, cc and bcc together; at most 3 are allowed");
            assertError(
                    call(client, "send_email", Map.of("to", "a@example.com", "subject", "x".repeat(5000), "body", "b")),
                    "Invalid parameter 'subject': it has 5000 characters; at most 998 are allowed");
            assertError(
                    call(
                            client,
                            "send_email",
                            Map.of("to", "a".repeat(300) + "@example.com", "subject", "s", "body", "b")),
                    "Invalid parameter 'to': ");
            assertThat(greenMail.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void fromIsTheConfiguredSenderOrOnTheAllowList() throws Exception {
        var env = GreenMailServers.toolEnv(greenMail);
        env.put("SMTP_ALLOWED_SENDERS", "alerts@example.com");
        try (var server = start(env);
                var client = connect(server)) {
            assertError(
                    call(
                            client,
                            "send_email",
                            Map.of("to", "agent@example.com", "from", "ceo@example.com", "subject", "s", "body", "b")),
                    "Invalid parameter 'from': ceo@example.com is not an allowed sender "
                            + "(allowed: bot@example.com, alerts@example.com)");
            assertThat(greenMail.getReceivedMessages()).isEmpty();

            assertThat(call(
                                    client,
                                    "send_email",
                                    Map.of(
                                            "to", "agent@example.com",
                                            "from", "Alerts <alerts@example.com>",
                                            "subject", "s",
                                            "body", "b"))
                            .isError())
                    .isFalse();
            assertThat(call(
                                    client,
                                    "send_email",
                                    Map.of(
                                            "to",
                                            "agent@example.com",
                                            "from",
                                            "BOT@example.com",
                                            "subject",
                                            "s",
                                            "body",
                                            "b"))
                            .isError())
                    .isFalse();
            assertThat(greenMail.getReceivedMessages())
                    .extracting(message -> message.getFrom()[0].toString())
                    .containsExactly("Alerts <alerts@example.com>", "BOT@example.com");
        }
    }

    @Test
    void sentMailArrivesAndIsReadBackOverImap() {
        try (var server = start(GreenMailServers.toolEnv(greenMail));
                var client = connect(server)) {
            CallToolResult sent = call(
                    client,
                    "send_email",
                    Map.of(
                            "to",
                            " agent@example.com , other@example.com",
                            "subject",
                            "Daily CVE summary",
                            "body",
                            "Two new CVEs today.",
                            "bcc",
                            "audit@example.com"));

            assertThat(sent.isError()).isFalse();
            assertThat(text(sent)).isEqualTo("Email sent successfully to agent@example.com, other@example.com");
            assertThat(greenMail.getReceivedMessages()).hasSize(3);

            CallToolResult listed = call(client, "list_emails", Map.of("unread_only", true));
            assertThat(text(listed))
                    .startsWith("1 email in INBOX (unread only), newest first:")
                    .contains("From: bot@example.com", "Subject: Daily CVE summary", "Status: unread");
            String id = text(listed)
                    .lines()
                    .filter(line -> line.startsWith("ID: "))
                    .findFirst()
                    .orElseThrow()
                    .substring(4);

            CallToolResult read = call(client, "read_email", Map.of("id", id));
            assertThat(read.isError()).isFalse();
            assertThat(text(read))
                    .startsWith("ID: " + id + "\nFrom: bot@example.com\nTo: agent@example.com, other@example.com\n")
                    .contains("Subject: Daily CVE summary")
                    .doesNotContain("audit@example.com")
                    .endsWith("\n\nTwo new CVEs today.");

            assertThat(text(call(client, "list_emails", Map.of("unread_only", true))))
                    .isEqualTo("No emails in INBOX (unread only).");
        }
    }

    @Test
    void aLongBodyIsCutWithANoteSayingHowMuchIsMissing() {
        try (var server = start(GreenMailServers.toolEnv(greenMail));
                var client = connect(server)) {
            call(
                    client,
                    "send_email",
                    Map.of("to", "agent@example.com", "subject", "Long", "body", "x".repeat(25_000)));
            String id = text(call(client, "list_emails", Map.of("limit", 1)))
                    .lines()
                    .filter(line -> line.startsWith("ID: "))
                    .findFirst()
                    .orElseThrow()
                    .substring(4);

            String read = text(call(client, "read_email", Map.of("id", id)));

            assertThat(read.substring(read.indexOf("\n\n") + 2))
                    .isEqualTo("x".repeat(20_000) + "\n\n[Truncated: 5000 more characters not shown]");
        }
    }

    @Test
    void headerInjectionIsAnErrorResultAndNothingIsSent() {
        try (var server = start(GreenMailServers.toolEnv(greenMail));
                var client = connect(server)) {
            CallToolResult result = call(
                    client,
                    "send_email",
                    Map.of("to", "agent@example.com", "subject", "Hi\r\nBcc: everyone@example.com", "body", "x"));

            assertThat(result.isError()).isTrue();
            assertThat(text(result))
                    .isEqualTo(
                            "Invalid parameter 'subject': line breaks (CR/LF) are not allowed in email header fields");
            assertThat(greenMail.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void recipientsOutsideTheAllowListAreRefusedBeforeAnythingIsSent() {
        var env = GreenMailServers.toolEnv(greenMail);
        env.put("SMTP_ALLOWED_RECIPIENTS", "example.com");
        try (var server = start(env);
                var client = connect(server)) {
            assertError(
                    call(
                            client,
                            "send_email",
                            Map.of("to", "agent@example.com", "bcc", "leak@attacker.io", "subject", "s", "body", "b")),
                    "Invalid parameter 'bcc': leak@attacker.io is not an allowed recipient");
            assertThat(greenMail.getReceivedMessages()).isEmpty();
            assertThat(call(client, "send_email", Map.of("to", "agent@example.com", "subject", "s", "body", "b"))
                            .isError())
                    .isFalse();
            assertThat(greenMail.getReceivedMessages()).hasSize(1);
        }
    }

    @Test
    void badArgumentsAreErrorResultsNamingTheParameter() {
        try (var server = start(GreenMailServers.toolEnv(greenMail));
                var client = connect(server)) {
            assertError(
                    call(client, "send_email", Map.of("subject", "s", "body", "b")), "Missing required parameter 'to'");
            assertError(
                    call(client, "send_email", Map.of("to", "not an address", "subject", "s", "body", "b")),
                    "Invalid parameter 'to': 'not an address' is not a valid email address list");
            assertError(call(client, "list_emails", Map.of("limit", 0)), "Invalid parameter 'limit'");
            assertError(call(client, "list_emails", Map.of("since", "yesterday")), "Invalid parameter 'since'");
            assertError(
                    call(client, "list_emails", Map.of("folder", "Nope")),
                    "Invalid parameter 'folder': no folder named 'Nope' (folders: INBOX)");
            assertError(call(client, "read_email", Map.of("id", "42")), "Invalid parameter 'id'");
            assertThat(greenMail.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void testSmtpReportsSuccessAndFailureInTheReferenceFormat() throws Exception {
        try (var server = start(GreenMailServers.toolEnv(greenMail));
                var client = connect(server)) {
            assertThat(text(call(client, "test_smtp", Map.of())))
                    .isEqualTo("""
                    SMTP Configuration Test: SUCCESS

                    Host: 127.0.0.1
                    Port: %d
                    User: agent
                    From: bot@example.com
                    TLS: false
                    Security: none (plain text)

                    Connection to SMTP server successful!""".formatted(greenMail.getSmtp().getPort()));
        }
        int closedPort;
        try (var unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = unused.getLocalPort();
        }
        var env = GreenMailServers.toolEnv(greenMail);
        env.put("SMTP_PORT", Integer.toString(closedPort));
        try (var server = start(env);
                var client = connect(server)) {
            String failed = text(call(client, "test_smtp", Map.of()));
            assertThat(failed)
                    .startsWith("SMTP Configuration Test: FAILED\n\nHost: 127.0.0.1\nPort: " + closedPort)
                    .contains("\n\nError: Couldn't connect to host")
                    .contains("Connection refused");
        }
    }

    @Test
    void aMisconfiguredServerStillStartsAndEachToolSaysWhatIsMissing() {
        try (var server = start(new HashMap<>());
                var client = connect(server)) {
            CallToolResult send =
                    call(client, "send_email", Map.of("to", "a@example.com", "subject", "s", "body", "b"));
            assertThat(send.isError()).isTrue();
            assertThat(text(send))
                    .isEqualTo("Error: SMTP configuration missing. Please set SMTP_HOST "
                            + "(and SMTP_USER and SMTP_PASSWORD when the server requires authentication).");
            assertError(
                    call(client, "list_emails", Map.of()),
                    "Error: IMAP configuration missing. Please set IMAP_HOST, IMAP_USER, IMAP_PASSWORD to read mail.");
            assertThat(text(call(client, "email_config", Map.of())))
                    .contains("SMTP_HOST: (not set)", "SMTP_PASSWORD: No");
        }
    }

    /**
     * The mail triggers as {@code main} wires them: their deliveries are counted on the tool server's {@code /metrics},
     * beside its tool calls.
     */
    @Test
    void mailTriggerDeliveriesAreCountedOnTheToolServersMetrics(@TempDir Path dir) throws Exception {
        List<String> posted = new CopyOnWriteArrayList<>();
        HttpServer agent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        agent.createContext(AgentTriggers.PATH, exchange -> {
            try (exchange) {
                posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(posted.size() == 1 ? 503 : 202, -1);
            }
        });
        agent.start();
        Files.writeString(dir.resolve("0"), "0123456789abcdef0123456789abcdef");
        Map<String, String> env = new HashMap<>(GreenMailServers.toolEnv(greenMail));
        env.put(
                MailTriggers.ENV,
                new ObjectMapper()
                        .writeValueAsString(new MailTriggers(List.of(new MailTriggers.Subscription(
                                "shop/triage",
                                "http://127.0.0.1:" + agent.getAddress().getPort() + "/webhook/mail-inbox",
                                "0",
                                null,
                                null,
                                null)))));
        env.put(MailTriggers.SECRETS_DIR_ENV, dir.toString());
        env.put(
                MailTriggers.STATE_DIR_ENV,
                Files.createDirectories(dir.resolve("state")).toString());
        env.put("MAIL_WATCH_CATCH_UP_SECONDS", "600");
        GreenMailUtil.sendTextEmail(
                GreenMailServers.ADDRESS,
                "ann@shop.example",
                "Order 42 is late",
                "Where is my teapot?",
                greenMail.getSmtp().getServerSetup());

        try (var server = start(env);
                var triggers = EmailToolServer.mailTriggers(new MailSettings(env), server.meterRegistry());
                HttpClient http = HttpClient.newHttpClient()) {
            assertThat(triggers.size()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(20)).until(() -> posted.size() == 2);
            String metrics = http.send(
                            HttpRequest.newBuilder(server.uri().resolve("/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(metrics)
                    .contains("langop_trigger_deliveries_total{outcome=\"delivered\",trigger_type=\"mail\"} 1.0")
                    .contains(
                            "langop_trigger_delivery_retries_total{reason=\"server_error\",trigger_type=\"mail\"} 1.0")
                    .contains(
                            "langop_trigger_delivery_duration_seconds_count{outcome=\"delivered\",trigger_type=\"mail\"} 1");
        } finally {
            agent.stop(0);
        }
    }

    static ToolServer start(Map<String, String> env) {
        return ToolServer.builder("langop-tool-email")
                .port(0)
                .tools(new EmailTools(new MailSettings(env), Clock.systemUTC()).all())
                .start();
    }

    static McpSyncClient connect(ToolServer server) {
        McpSyncClient client = McpClient.sync(
                        HttpClientStreamableHttpTransport.builder(server.uri().toString())
                                .endpoint(ToolServer.MCP_PATH)
                                .build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        client.initialize();
        return client;
    }

    static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(
                CallToolRequest.builder(tool).arguments(arguments).build());
    }

    static String text(CallToolResult result) {
        return result.content().stream()
                .map(content -> ((TextContent) content).text())
                .collect(Collectors.joining());
    }

    private static void assertError(CallToolResult result, String expectedStart) {
        assertThat(result.isError()).as(text(result)).isTrue();
        assertThat(text(result)).startsWith(expectedStart);
    }

    @SuppressWarnings("unchecked") // structured content of our tools is always a JSON object
    private static Map<String, Object> data(CallToolResult result) {
        return (Map<String, Object>) result.structuredContent();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Tool tool) {
        return (Map<String, Object>) tool.inputSchema().get("properties");
    }
}
