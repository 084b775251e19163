package io.langop.tool.email.connection;

import java.util.Locale;

/** How the connection to a mail server is protected. */
public enum TransportSecurity {
    /** Plain TCP: only for relays inside a trusted network. */
    NONE("none (plain text)"),
    /** Plain connect, then a mandatory upgrade: the session fails rather than continue unencrypted. */
    STARTTLS("STARTTLS (required)"),
    /** TLS from the first byte (SMTPS on 465, IMAPS on 993). */
    IMPLICIT_TLS("implicit TLS");

    private final String description;

    TransportSecurity(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * Reads a {@code *_TLS} variable. {@code true} (the default, as in the reference) means "encrypted", and the
     * port decides how: the protocol's implicit-TLS port gets implicit TLS, any other port STARTTLS.
     */
    static TransportSecurity resolve(MailProtocol protocol, String variable, String raw, Integer port)
            throws MailConfigurationException {
        String value = raw == null || raw.isBlank() ? "true" : raw.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "false" -> NONE;
            case "starttls" -> STARTTLS;
            case "implicit" -> IMPLICIT_TLS;
            case "true" ->
                port == null
                        ? protocol.defaultSecurity()
                        : port == protocol.implicitTlsPort() ? IMPLICIT_TLS : STARTTLS;
            default ->
                throw new MailConfigurationException(
                        variable + " must be one of true, false, starttls, implicit (got '" + raw.strip() + "')");
        };
    }
}
