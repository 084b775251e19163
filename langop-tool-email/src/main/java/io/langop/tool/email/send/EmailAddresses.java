package io.langop.tool.email.send;

import io.langop.tool.email.InvalidParameterException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;

/** Parses the comma-separated address lists the tools accept ({@code "a@x.org, Bob <b@y.org>"}). */
public final class EmailAddresses {

    private EmailAddresses() {}

    /** Every address in {@code value}, each checked against RFC 822 syntax; empty for a blank value. */
    public static List<InternetAddress> parseList(String parameter, String value) {
        HeaderText.requireSingleLine(parameter, value);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        try {
            InternetAddress[] addresses = InternetAddress.parse(value, true);
            for (InternetAddress address : addresses) {
                address.validate();
            }
            return List.of(addresses);
        } catch (AddressException e) {
            throw new InvalidParameterException(
                    parameter, "'" + value.strip() + "' is not a valid email address list (" + e.getMessage() + ")");
        }
    }

    /** Exactly one address. */
    public static InternetAddress parseSingle(String parameter, String value) {
        List<InternetAddress> addresses = parseList(parameter, value);
        if (addresses.size() != 1) {
            throw new InvalidParameterException(parameter, "expected exactly one email address, got '" + value + "'");
        }
        return addresses.getFirst();
    }
}
