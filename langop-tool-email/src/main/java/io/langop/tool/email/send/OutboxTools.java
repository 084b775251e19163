package io.langop.tool.email.send;

import io.langop.kit.tool.ToolResult;
import io.langop.tool.email.EmailToolException;
import io.langop.tool.email.connection.MailConfigurationException;
import io.langop.tool.email.connection.MailServer;
import io.langop.tool.email.connection.MailSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** send_email and test_smtp, answering with the reference server's texts (and send_email with data too). */
public final class OutboxTools {

    private static final String NOT_SET = "(not set)";

    private final MailSettings settings;
    private final Clock clock;

    public OutboxTools(MailSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Checks the message against the configured sender, recipients and limit, then sends it. Answers the
     * reference text and {@code {messageId, accepted}}.
     */
    public ToolResult sendEmail(
            String to, String subject, String body, String from, String cc, String bcc, boolean html) {
        SmtpMailer mailer = mailer();
        String sender = Optional.ofNullable(from)
                .filter(f -> !f.isBlank())
                .or(settings::defaultSender)
                .orElseThrow(() -> new EmailToolException(
                        "Error: No sender address specified. Set SMTP_FROM or provide 'from' parameter."));
        OutgoingEmail email = OutgoingEmail.of(sender, to, cc, bcc, subject, body, html);
        SenderPolicy.of(
                        settings.defaultSender(),
                        settings.value(SenderPolicy.VARIABLE).orElse(null))
                .check(email);
        RecipientPolicy.parse(settings.value(RecipientPolicy.VARIABLE).orElse(null))
                .check(email);
        new RecipientLimit(maxRecipients()).check(email);
        String messageId;
        try {
            messageId = mailer.send(email);
        } catch (MessagingException e) {
            throw EmailToolException.because("Error sending email", e);
        }
        String text = "Email sent successfully to "
                + email.to().stream().map(InternetAddress::toUnicodeString).collect(Collectors.joining(", "));
        List<String> accepted = email.envelopeRecipients().stream()
                .map(InternetAddress::getAddress)
                .toList();
        return ToolResult.success(text, Map.of("messageId", messageId, "accepted", accepted));
    }

    /** A failed connection is the test's finding, not a tool error: it is reported in the normal answer. */
    public String testSmtp() {
        MailServer server = smtp();
        String user = "User: " + Optional.ofNullable(server.user()).orElse(NOT_SET);
        String security = "Security: " + server.security().description();
        try {
            new SmtpMailer(server, clock).verifyConnection();
            return String.join(
                    "\n",
                    List.of(
                            "SMTP Configuration Test: SUCCESS",
                            "",
                            "Host: " + server.host(),
                            "Port: " + server.port(),
                            user,
                            "From: " + settings.defaultSender().orElse(NOT_SET),
                            "TLS: " + settings.value("SMTP_TLS").orElse("true"),
                            security,
                            "",
                            "Connection to SMTP server successful!"));
        } catch (MessagingException e) {
            return String.join(
                    "\n",
                    List.of(
                            "SMTP Configuration Test: FAILED",
                            "",
                            "Host: " + server.host(),
                            "Port: " + server.port(),
                            user,
                            security,
                            "",
                            "Error: " + EmailToolException.describe(e)));
        }
    }

    private SmtpMailer mailer() {
        return new SmtpMailer(smtp(), clock);
    }

    private int maxRecipients() {
        try {
            return settings.maxRecipients();
        } catch (MailConfigurationException e) {
            throw EmailToolException.misconfigured(e);
        }
    }

    private MailServer smtp() {
        try {
            return settings.smtp();
        } catch (MailConfigurationException e) {
            throw EmailToolException.misconfigured(e);
        }
    }
}
