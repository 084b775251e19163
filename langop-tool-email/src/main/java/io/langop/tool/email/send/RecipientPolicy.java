package io.langop.tool.email.send;

import io.langop.tool.email.InvalidParameterException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Map;

/**
 * Whom an agent may write to ({@code SMTP_ALLOWED_RECIPIENTS}): full addresses and domains, a domain also
 * covering its subdomains. Without a list anyone may be written to. It keeps an agent that is talked into it
 * from mailing data outside the organisation.
 */
public record RecipientPolicy(AddressAllowList allowed) {

    public static final String VARIABLE = "SMTP_ALLOWED_RECIPIENTS";

    public static RecipientPolicy parse(String raw) {
        return new RecipientPolicy(AddressAllowList.parse(raw));
    }

    /** Refuses the message when any recipient is outside the list, naming the field it came from. */
    public void check(OutgoingEmail email) {
        if (allowed.isEmpty()) {
            return;
        }
        Map<String, List<InternetAddress>> fields = Map.of("to", email.to(), "cc", email.cc(), "bcc", email.bcc());
        for (String field : List.of("to", "cc", "bcc")) {
            for (InternetAddress recipient : fields.get(field)) {
                if (!allowed.permits(recipient)) {
                    throw new InvalidParameterException(
                            field, recipient.getAddress() + " is not an allowed recipient (allowed: " + allowed + ")");
                }
            }
        }
    }
}
