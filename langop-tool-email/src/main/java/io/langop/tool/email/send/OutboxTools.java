package io.langop.tool.email.send;

import io.langop.tool.email.EmailToolException;
import io.langop.tool.email.connection.MailConfigurationException;
import io.langop.tool.email.connection.MailServer;
import io.langop.tool.email.connection.MailSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** send_email and test_smtp, answering with the reference server's texts. */
public final class OutboxTools {

    private static final String NOT_SET = "(not set)";

    private final MailSettings settings;
    private final Clock clock;

    public OutboxTools(MailSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public String sendEmail(String to, String subject, String body, String from, String cc, String bcc, boolean html) {
        SmtpMailer mailer = mailer();
        String sender = Optional.ofNullable(from)
                .filter(f -> !f.isBlank())
                .or(settings::defaultSender)
                .orElseThrow(() -> new EmailToolException(
                        "Error: No sender address specified. Set SMTP_FROM or provide 'from' parameter."));
        OutgoingEmail email = OutgoingEmail.of(sender, to, cc, bcc, subject, body, html);
        RecipientPolicy.parse(settings.value(RecipientPolicy.VARIABLE).orElse(null))
                .check(email);
        try {
            mailer.send(email);
        } catch (MessagingException e) {
            throw EmailToolException.because("Error sending email", e);
        }
        return "Email sent successfully to "
                + email.to().stream().map(InternetAddress::toUnicodeString).collect(Collectors.joining(", "));
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

    private MailServer smtp() {
        try {
            return settings.smtp();
        } catch (MailConfigurationException e) {
            throw EmailToolException.misconfigured(e);
        }
    }
}
