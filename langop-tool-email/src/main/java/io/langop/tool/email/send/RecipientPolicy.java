package io.langop.tool.email.send;

import io.langop.tool.email.InvalidParameterException;
import jakarta.mail.internet.InternetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whom an agent may write to ({@code SMTP_ALLOWED_RECIPIENTS}): full addresses and domains, a domain also
 * covering its subdomains. Without a list anyone may be written to. It keeps an agent that is talked into it
 * from mailing data outside the organisation.
 */
public record RecipientPolicy(List<String> allowed) {

    public static final String VARIABLE = "SMTP_ALLOWED_RECIPIENTS";

    public RecipientPolicy {
        allowed = List.copyOf(allowed);
    }

    public static RecipientPolicy parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new RecipientPolicy(List.of());
        }
        return new RecipientPolicy(Arrays.stream(raw.split(","))
                .map(entry -> entry.strip().toLowerCase(Locale.ROOT))
                .map(entry -> entry.startsWith("@") ? entry.substring(1) : entry)
                .filter(entry -> !entry.isEmpty())
                .toList());
    }

    /** Refuses the message when any recipient is outside the list, naming the field it came from. */
    public void check(OutgoingEmail email) {
        if (allowed.isEmpty()) {
            return;
        }
        Map<String, List<InternetAddress>> fields = Map.of("to", email.to(), "cc", email.cc(), "bcc", email.bcc());
        for (String field : List.of("to", "cc", "bcc")) {
            for (InternetAddress recipient : fields.get(field)) {
                if (!permits(recipient.getAddress().toLowerCase(Locale.ROOT))) {
                    throw new InvalidParameterException(
                            field,
                            recipient.getAddress() + " is not an allowed recipient (allowed: "
                                    + String.join(", ", allowed) + ")");
                }
            }
        }
    }

    private boolean permits(String address) {
        String domain = address.substring(address.lastIndexOf('@') + 1);
        return allowed.stream()
                .anyMatch(entry -> entry.contains("@")
                        ? entry.equals(address)
                        : domain.equals(entry) || domain.endsWith("." + entry));
    }
}
