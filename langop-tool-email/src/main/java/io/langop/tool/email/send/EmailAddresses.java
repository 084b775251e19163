package io.langop.tool.email.send;

import io.langop.tool.email.InvalidParameterException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;

/**
 * Parses the comma-separated address lists the tools accept ({@code "a@x.org, Bob <b@y.org>"}). Beyond
 * RFC 822 syntax, an address is held to the lengths SMTP allows (RFC 5321 4.5.3.1: 64 characters before
 * the {@code @}, 254 in all) and a display name to {@value #MAX_DISPLAY_NAME} characters, so no argument can
 * make a header of unbounded size.
 */
public final class EmailAddresses {

    /** The longest address an SMTP path can carry: 256 octets including the angle brackets. */
    public static final int MAX_ADDRESS = 254;

    public static final int MAX_LOCAL_PART = 64;
    public static final int MAX_DISPLAY_NAME = 256;

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
                requireSmtpLengths(parameter, address);
            }
            return List.of(addresses);
        } catch (AddressException e) {
            throw new InvalidParameterException(
                    parameter, "'" + value.strip() + "' is not a valid email address list (" + e.getMessage() + ")");
        }
    }

    private static void requireSmtpLengths(String parameter, InternetAddress address) {
        String addrSpec = address.getAddress();
        String shown = addrSpec.length() > 60 ? addrSpec.substring(0, 57) + "..." : addrSpec;
        if (addrSpec.length() > MAX_ADDRESS) {
            throw new InvalidParameterException(
                    parameter,
                    "'" + shown + "' has " + addrSpec.length() + " characters; an address may have at most "
                            + MAX_ADDRESS);
        }
        if (addrSpec.lastIndexOf('@') > MAX_LOCAL_PART) {
            throw new InvalidParameterException(
                    parameter, "'" + shown + "' has more than " + MAX_LOCAL_PART + " characters before the @");
        }
        String personal = address.getPersonal();
        if (personal != null && personal.length() > MAX_DISPLAY_NAME) {
            throw new InvalidParameterException(
                    parameter,
                    "the display name of " + shown + " has " + personal.length() + " characters; at most "
                            + MAX_DISPLAY_NAME + " are allowed");
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
