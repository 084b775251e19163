package io.langop.tool.email.send;

import io.langop.tool.email.InvalidParameterException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * Whom an agent may send as: the configured sender ({@code SMTP_FROM}, else the SMTP login when it is an
 * address), plus the addresses and domains of {@code SMTP_ALLOWED_SENDERS}. The organisation's relay
 * trusts the tool's login, so without this an agent talked into it could mail as anyone, the CEO included.
 * The display name is the agent's choice; the address is not.
 */
public record SenderPolicy(Optional<String> configuredSender, AddressAllowList allowed) {

    public static final String VARIABLE = "SMTP_ALLOWED_SENDERS";

    public static SenderPolicy of(Optional<String> configuredSender, String allowedSenders) {
        return new SenderPolicy(configuredSender, AddressAllowList.parse(allowedSenders));
    }

    /** Refuses a message whose From is neither the configured sender nor on the list. */
    public void check(OutgoingEmail email) {
        InternetAddress from = email.from();
        boolean configured = configuredSender
                .flatMap(SenderPolicy::address)
                .filter(sender -> sender.equals(from.getAddress().toLowerCase(Locale.ROOT)))
                .isPresent();
        if (configured || allowed.permits(from)) {
            return;
        }
        String choices = configuredSender.map(sender -> "allowed: " + sender).orElse("no sender is configured");
        if (!allowed.isEmpty()) {
            choices += (configuredSender.isPresent() ? ", " : "; allowed: ") + allowed;
        }
        throw new InvalidParameterException(
                "from",
                from.getAddress() + " is not an allowed sender (" + choices
                        + "); leave 'from' out to send as the configured sender");
    }

    private static Optional<String> address(String sender) {
        try {
            return Optional.of(new InternetAddress(sender, true).getAddress().toLowerCase(Locale.ROOT));
        } catch (AddressException e) {
            return Optional.empty(); // MailSettings reports an invalid SMTP_FROM before anything is sent
        }
    }
}
