package io.langop.tool.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.kit.tool.Tool;
import io.langop.kit.tool.ToolResult;
import io.langop.tool.email.connection.MailSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tools' texts where no server is needed, or where the server is a scripted one. */
class EmailToolsTest {

    @Test
    void emailConfigShowsEveryValueButThePassword() throws Exception {
        ToolResult config = call(
                Map.of(
                        "SMTP_HOST",
                        "smtp.example.com",
                        "SMTP_PORT",
                        "465",
                        "SMTP_USER",
                        "agent@example.com",
                        "SMTP_PASSWORD",
                        "very-secret-1",
                        "SMTP_FROM",
                        "bot@example.com",
                        "SMTP_ALLOWED_RECIPIENTS",
                        "example.com, partner.org",
                        "IMAP_HOST",
                        "imap.example.com",
                        "IMAP_USER",
                        "agent@example.com",
                        "IMAP_PASSWORD",
                        "very-secret-2"),
                "email_config",
                Map.of());

        assertThat(config.error()).isFalse();
        assertThat(config.text()).isEqualTo("""
                Email Configuration:

                SMTP_HOST: smtp.example.com
                SMTP_PORT: 465
                SMTP_USER: agent@example.com
                SMTP_FROM: bot@example.com
                SMTP_ALLOWED_SENDERS: (SMTP_FROM only)
                SMTP_ALLOWED_RECIPIENTS: example.com, partner.org
                SMTP_MAX_RECIPIENTS: 50 (default)
                SMTP_TLS: true
                SMTP_PASSWORD: Yes (hidden)
                SMTP connection: implicit TLS

                IMAP_HOST: imap.example.com
                IMAP_PORT: 993
                IMAP_USER: agent@example.com
                IMAP_TLS: true
                IMAP_PASSWORD: Yes (hidden)
                IMAP connection: implicit TLS

                Note: Set these via environment variables when running the container.""");
    }

    @Test
    void emailConfigShowsDefaultsMissingValuesAndWhyAServerIsNotUsable() throws Exception {
        String config = call(
                        Map.of("SMTP_USER", "agent@example.com", "SMTP_TLS", "false", "IMAP_PORT", "x"),
                        "email_config",
                        Map.of())
                .text();

        assertThat(config)
                .contains("""
                        SMTP_HOST: (not set)
                        SMTP_PORT: (default)
                        SMTP_USER: agent@example.com
                        SMTP_FROM: agent@example.com
                        SMTP_ALLOWED_SENDERS: (SMTP_FROM only)
                        SMTP_ALLOWED_RECIPIENTS: (anyone)
                        SMTP_MAX_RECIPIENTS: 50 (default)
                        SMTP_TLS: false
                        SMTP_PASSWORD: No
                        SMTP connection: not usable: SMTP configuration missing. Please set SMTP_HOST""")
                .contains("IMAP_PORT: x\n")
                .contains(
                        "IMAP connection: not usable: IMAP configuration missing. Please set IMAP_HOST, IMAP_USER, IMAP_PASSWORD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "agent"})
    void aSenderIsRequiredWhenNeitherFromNorSmtpFromNorAnAddressAsLoginIsGiven(String login) throws Exception {
        var env = login.isEmpty()
                ? Map.of("SMTP_HOST", "127.0.0.1")
                : Map.of("SMTP_HOST", "127.0.0.1", "SMTP_USER", login, "SMTP_PASSWORD", "pw-123");
        ToolResult result = call(env, "send_email", Map.of("to", "a@example.com", "subject", "s", "body", "b"));

        assertThat(result)
                .isEqualTo(ToolResult.failure(
                        "Error: No sender address specified. Set SMTP_FROM or provide 'from' parameter."));
    }

    @Test
    void aPasswordEchoedByTheServerIsMaskedInTheError() throws Exception {
        String password = "Echo-Me-123";
        try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> answerEveryAuthWithThePassword(server, password));
            ToolResult result = call(
                    Map.of(
                            "SMTP_HOST",
                            "127.0.0.1",
                            "SMTP_PORT",
                            Integer.toString(server.getLocalPort()),
                            "SMTP_TLS",
                            "false",
                            "SMTP_USER",
                            "agent",
                            "SMTP_PASSWORD",
                            password,
                            "SMTP_FROM",
                            "agent@example.com"),
                    "send_email",
                    Map.of("to", "a@example.com", "subject", "s", "body", "b", "from", "agent@example.com"));

            assertThat(result.error()).isTrue();
            assertThat(result.text())
                    .startsWith("Error sending email: ")
                    .contains("rejected (hidden) for agent")
                    .doesNotContain(password);
        }
    }

    /** A careless server that quotes the password it was given in its refusal. */
    private static void answerEveryAuthWithThePassword(ServerSocket server, String password) {
        try (Socket client = server.accept();
                var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
            out.print("220 scripted ESMTP\r\n");
            out.flush();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                out.print(
                        switch (verb) {
                            case "EHLO" -> "250-scripted\r\n250 AUTH PLAIN\r\n";
                            case "AUTH" -> "535 rejected " + password + " for agent\r\n";
                            case "QUIT" -> "221 bye\r\n";
                            default -> "250 ok\r\n";
                        });
                out.flush();
                if (verb.equals("QUIT")) {
                    return;
                }
            }
        } catch (Exception e) {
            // the client hung up
        }
    }

    /** Calls a tool the way the MCP server does: bind the raw arguments to the declaration, then run the handler. */
    private static ToolResult call(Map<String, String> env, String toolName, Map<String, Object> arguments)
            throws Exception {
        Tool tool = new EmailTools(new MailSettings(env), Clock.systemUTC())
                .all().stream()
                        .filter(candidate -> candidate.name().equals(toolName))
                        .findFirst()
                        .orElseThrow();
        return switch (tool.bind(arguments)) {
            case Tool.Binding.Bound bound -> tool.handler().handle(bound.arguments());
            case Tool.Binding.Rejected rejected -> throw new AssertionError(rejected.message());
        };
    }
}
