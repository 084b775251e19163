package io.langop.tool.email.send;

import io.langop.tool.email.InvalidParameterException;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

/**
 * A message that passed validation and can be handed to an SMTP server as is: every address valid and of
 * SMTP length, no line break in any header field, a subject of at most {@value #MAX_SUBJECT} characters (the
 * line length RFC 5322 allows; longer subjects are spam's, not a report's).
 */
public record OutgoingEmail(
        InternetAddress from,
        List<InternetAddress> to,
        List<InternetAddress> cc,
        List<InternetAddress> bcc,
        String subject,
        String body,
        boolean html) {

    public static final int MAX_SUBJECT = 998;

    public OutgoingEmail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
    }

    /** Validates the raw tool arguments; the exception names the first parameter that is wrong. */
    public static OutgoingEmail of(
            String from, String to, String cc, String bcc, String subject, String body, boolean html) {
        List<InternetAddress> recipients = EmailAddresses.parseList("to", to);
        if (recipients.isEmpty()) {
            throw new InvalidParameterException("to", "at least one recipient address is required");
        }
        String checkedSubject = HeaderText.requireSingleLine("subject", subject == null ? "" : subject);
        if (checkedSubject.length() > MAX_SUBJECT) {
            throw new InvalidParameterException(
                    "subject",
                    "it has " + checkedSubject.length() + " characters; at most " + MAX_SUBJECT + " are allowed");
        }
        return new OutgoingEmail(
                EmailAddresses.parseSingle("from", from),
                recipients,
                EmailAddresses.parseList("cc", cc),
                EmailAddresses.parseList("bcc", bcc),
                checkedSubject,
                body == null ? "" : body,
                html);
    }

    /** Everyone the server must deliver to; Bcc addresses are envelope-only and never written as a header. */
    public List<InternetAddress> envelopeRecipients() {
        return Stream.of(to, cc, bcc).flatMap(List::stream).toList();
    }

    MimeMessage toMimeMessage(Session session, Instant now) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipients(RecipientType.TO, to.toArray(InternetAddress[]::new));
        if (!cc.isEmpty()) {
            message.setRecipients(RecipientType.CC, cc.toArray(InternetAddress[]::new));
        }
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(body, StandardCharsets.UTF_8.name(), html ? "html" : "plain");
        message.setSentDate(Date.from(now));
        message.saveChanges();
        return message;
    }
}
