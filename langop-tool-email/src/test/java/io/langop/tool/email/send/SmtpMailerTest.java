package io.langop.tool.email.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.langop.tool.email.GreenMailServers;
import io.langop.tool.email.StartTlsRelay;
import io.langop.tool.email.connection.MailServer;
import io.langop.tool.email.connection.MailSettings;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpMailerTest {

    private static final String PASSWORD = GreenMailServers.PASSWORD;

    @RegisterExtension
    static final GreenMailExtension greenMail = GreenMailServers.start(ServerSetupTest.SMTP, ServerSetupTest.SMTPS);

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T05:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void emptyMailboxes() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    @Test
    void deliversOverPlainSmtpWithoutLogin() throws Exception {
        mailer(Map.of("SMTP_PORT", port(greenMail.getSmtp().getPort()), "SMTP_TLS", "false"))
                .send(OutgoingEmail.of(
                        "bot@example.com", "alice@example.com", null, null, "Plain", "Hello Alice", false));

        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Plain");
        assertThat(received.getFrom()[0].toString()).isEqualTo("bot@example.com");
        assertThat(received.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(GreenMailUtil.getBody(received).strip()).isEqualTo("Hello Alice");
        assertThat(received.getSentDate().toInstant()).isEqualTo(Instant.parse("2026-11-26T05:00:00Z"));
    }

    @Test
    void authenticatesWithTheConfiguredLoginAndDeliversToEveryRecipientButWritesNoBccHeader() throws Exception {
        mailer(Map.of(
                        "SMTP_PORT",
                        port(greenMail.getSmtp().getPort()),
                        "SMTP_TLS",
                        "false",
                        "SMTP_USER",
                        "agent",
                        "SMTP_PASSWORD",
                        PASSWORD))
                .send(OutgoingEmail.of(
                        "agent@example.com",
                        "a@example.com, b@example.com",
                        "c@example.com",
                        "hidden@example.com",
                        "Ünïcode subject ✓",
                        "<p>Hi <b>all</b></p>",
                        true));

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(4);
        assertThat(inboxSize("hidden@example.com")).isEqualTo(1);
        for (MimeMessage message : received) {
            assertThat(message.getHeader("Bcc")).isNull();
            assertThat(message.getHeader("Cc", ",")).isEqualTo("c@example.com");
            assertThat(message.getSubject()).isEqualTo("Ünïcode subject ✓");
            assertThat(message.getContentType()).startsWith("text/html");
        }
    }

    @Test
    void aWrongPasswordFailsTheDelivery() {
        SmtpMailer mailer = mailer(Map.of(
                "SMTP_PORT",
                port(greenMail.getSmtp().getPort()),
                "SMTP_TLS",
                "false",
                "SMTP_USER",
                "agent",
                "SMTP_PASSWORD",
                "wrong"));

        assertThatThrownBy(() -> mailer.send(
                        OutgoingEmail.of("agent@example.com", "a@example.com", null, null, "s", "b", false)))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void deliversOverImplicitTlsWhenTheSelfSignedServerIsTrusted() throws Exception {
        mailer(Map.of(
                        "SMTP_PORT",
                        port(greenMail.getSmtps().getPort()),
                        "SMTP_TLS",
                        "implicit",
                        "SMTP_TLS_TRUST",
                        "127.0.0.1",
                        "SMTP_USER",
                        "agent",
                        "SMTP_PASSWORD",
                        PASSWORD))
                .send(OutgoingEmail.of(
                        "agent@example.com", "tls@example.com", null, null, "Over TLS", "secret", false));

        assertThat(inboxSize("tls@example.com")).isEqualTo(1);
    }

    @Test
    void refusesAServerCertificateItCannotVerify() {
        SmtpMailer mailer = mailer(Map.of("SMTP_PORT", port(greenMail.getSmtps().getPort()), "SMTP_TLS", "implicit"));

        assertThatThrownBy(mailer::verifyConnection)
                .isInstanceOf(MessagingException.class)
                .rootCause()
                .hasMessageContaining("unable to find valid certification path");
    }

    @Test
    void upgradesWithStartTlsBeforeSendingTheLogin() throws Exception {
        try (var relay = new StartTlsRelay(
                StartTlsRelay.Protocol.SMTP, greenMail.getSmtp().getPort())) {
            mailer(Map.of(
                            "SMTP_PORT",
                            port(relay.port()),
                            "SMTP_TLS",
                            "starttls",
                            "SMTP_TLS_TRUST",
                            "127.0.0.1",
                            "SMTP_USER",
                            "agent",
                            "SMTP_PASSWORD",
                            PASSWORD))
                    .send(OutgoingEmail.of("agent@example.com", "starttls@example.com", null, null, "s", "b", false));

            assertThat(relay.upgraded()).isTrue();
            assertThat(relay.clearTextCommands()).hasSize(2);
            assertThat(relay.clearTextCommands().get(0)).startsWith("EHLO");
            assertThat(relay.clearTextCommands().get(1)).isEqualTo("STARTTLS");
        }
        assertThat(inboxSize("starttls@example.com")).isEqualTo(1);
    }

    @Test
    void refusesToContinueInClearTextWhenTheServerOffersNoStartTls() {
        SmtpMailer mailer = mailer(Map.of(
                "SMTP_PORT", port(greenMail.getSmtp().getPort()), "SMTP_USER", "agent", "SMTP_PASSWORD", PASSWORD));

        assertThatThrownBy(() -> mailer.send(
                        OutgoingEmail.of("agent@example.com", "a@example.com", null, null, "s", "b", false)))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("STARTTLS");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatNeverAnswersTimesOutInsteadOfHangingTheAgent() throws Exception {
        try (var silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SmtpMailer mailer = mailer(
                    Map.of("SMTP_PORT", port(silent.getLocalPort()), "SMTP_TLS", "false", "SMTP_TIMEOUT_SECONDS", "1"));
            long start = System.nanoTime();

            assertThatThrownBy(mailer::verifyConnection).isInstanceOf(MessagingException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    private static SmtpMailer mailer(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(Map.of("SMTP_HOST", "127.0.0.1"));
        env.putAll(overrides);
        try {
            MailServer server = new MailSettings(env).smtp();
            return new SmtpMailer(server, CLOCK);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int inboxSize(String address) throws Exception {
        var user = greenMail.getUserManager().getUserByEmail(address);
        return user == null
                ? 0
                : greenMail.getManagers().getImapHostManager().getInbox(user).getMessageCount();
    }

    private static String port(int port) {
        return Integer.toString(port);
    }
}
