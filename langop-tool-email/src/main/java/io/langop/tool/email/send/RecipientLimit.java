package io.langop.tool.email.send;

import io.langop.tool.email.InvalidParameterException;
import io.langop.tool.email.connection.MailSettings;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Map;

/**
 * How many addresses one message may go to, to, cc and bcc together ({@code SMTP_MAX_RECIPIENTS}, default
 * 50): an agent that is talked into mailing a harvested list, or loops over one, sends to a handful, not to
 * thousands through the organisation's relay.
 */
public record RecipientLimit(int max) {

    public RecipientLimit {
        if (max < 1) {
            throw new IllegalArgumentException("the recipient limit must be positive, got " + max);
        }
    }

    /** Refuses a message over the limit, naming the field where the count went past it. */
    public void check(OutgoingEmail email) {
        Map<String, List<InternetAddress>> fields = Map.of("to", email.to(), "cc", email.cc(), "bcc", email.bcc());
        int total = email.envelopeRecipients().size();
        int counted = 0;
        for (String field : List.of("to", "cc", "bcc")) {
            counted += fields.get(field).size();
            if (counted > max) {
                throw new InvalidParameterException(
                        field,
                        total + " recipients in to, cc and bcc together; at most " + max + " are allowed per message ("
                                + MailSettings.MAX_RECIPIENTS + ")");
            }
        }
    }
}
