package io.langop.tool.email.send;

import io.langop.tool.email.connection.MailServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers messages to one SMTP server, one short session per message. */
public final class SmtpMailer {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

    private final MailServer server;
    private final Clock clock;

    public SmtpMailer(MailServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    /** Sends the message and returns its {@code Message-ID}. */
    public String send(OutgoingEmail email) throws MessagingException {
        Session session = server.newSession();
        MimeMessage message = email.toMimeMessage(session, clock.instant());
        try (Transport transport = connect(session)) {
            // Bcc lives only in the envelope: Jakarta Mail's SMTP transport never writes a Bcc header.
            transport.sendMessage(message, email.envelopeRecipients().toArray(Address[]::new));
        }
        log.info(
                "Sent email to {} recipient(s) via {}:{}",
                email.envelopeRecipients().size(),
                server.host(),
                server.port());
        return message.getMessageID();
    }

    /** Opens and closes a session, authenticating when a login is configured. */
    public void verifyConnection() throws MessagingException {
        try (Transport transport = connect(server.newSession())) {
            log.debug(
                    "SMTP connection to {}:{} verified (connected: {})",
                    server.host(),
                    server.port(),
                    transport.isConnected());
        }
    }

    private Transport connect(Session session) throws MessagingException {
        Transport transport = session.getTransport(server.protocol().javaMailName());
        transport.connect(server.host(), server.port(), server.user(), server.password());
        return transport;
    }
}
