package io.langop.tool.email.connection;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tools' configuration, read from environment variables ({@code SMTP_*}, {@code IMAP_*}).
 * Reading never fails at startup: the server comes up even when mail is not configured, and each tool
 * explains what is missing when it is called.
 */
public final class MailSettings {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Recipients of one message, to, cc and bcc together, at most. */
    public static final String MAX_RECIPIENTS = "SMTP_MAX_RECIPIENTS";

    public static final int DEFAULT_MAX_RECIPIENTS = 50;
    private static final int HIGHEST_MAX_RECIPIENTS = 10_000;

    private final Map<String, String> env;

    public MailSettings(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static MailSettings fromEnvironment() {
        return new MailSettings(System.getenv());
    }

    /** The raw value of a variable, or empty when unset or blank. */
    public Optional<String> value(String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /**
     * {@code text} with every configured password replaced by {@code (hidden)}, whatever put it there (a mail
     * server quoting its input in an error, a message body).
     */
    public String mask(String text) {
        String masked = text;
        for (String variable : List.of("SMTP_PASSWORD", "IMAP_PASSWORD")) {
            String secret = env.get(variable);
            // Masking a one- or two-character password would shred ordinary words without protecting anything.
            if (secret != null && secret.length() >= 3) {
                masked = masked.replace(secret, "(hidden)");
            }
        }
        return masked;
    }

    /** Sender used when a message names none: {@code SMTP_FROM}, else the SMTP login when it is an address. */
    public Optional<String> defaultSender() {
        return value("SMTP_FROM").or(() -> value("SMTP_USER").filter(MailSettings::isAddress));
    }

    /** {@code SMTP_MAX_RECIPIENTS}, {@value #DEFAULT_MAX_RECIPIENTS} when unset. */
    public int maxRecipients() throws MailConfigurationException {
        Integer max = number(MAX_RECIPIENTS, 1, HIGHEST_MAX_RECIPIENTS);
        return max == null ? DEFAULT_MAX_RECIPIENTS : max;
    }

    /** SMTP server; a login is optional because internal relays often accept mail without one. */
    public MailServer smtp() throws MailConfigurationException {
        if (value("SMTP_HOST").isEmpty()) {
            throw new MailConfigurationException("SMTP configuration missing. Please set SMTP_HOST "
                    + "(and SMTP_USER and SMTP_PASSWORD when the server requires authentication).");
        }
        List<String> problems = new ArrayList<>();
        value("SMTP_FROM")
                .filter(from -> !isAddress(from))
                .ifPresent(from -> problems.add("SMTP_FROM is not a valid email address ('" + from + "')"));
        try {
            maxRecipients();
        } catch (MailConfigurationException e) {
            problems.add(e.getMessage());
        }
        return read(MailProtocol.SMTP, problems);
    }

    /** IMAP server; reading a mailbox always needs a login. */
    public MailServer imap() throws MailConfigurationException {
        List<String> missing = new ArrayList<>();
        for (String name : List.of("IMAP_HOST", "IMAP_USER", "IMAP_PASSWORD")) {
            if (value(name).isEmpty()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new MailConfigurationException(
                    "IMAP configuration missing. Please set " + String.join(", ", missing) + " to read mail.");
        }
        return read(MailProtocol.IMAP, new ArrayList<>());
    }

    private MailServer read(MailProtocol protocol, List<String> problems) throws MailConfigurationException {
        String prefix = protocol.envPrefix() + "_";
        Integer explicitPort = null;
        try {
            explicitPort = number(prefix + "PORT", 1, 65_535);
        } catch (MailConfigurationException e) {
            problems.add(e.getMessage());
        }
        TransportSecurity security = null;
        try {
            security = TransportSecurity.resolve(protocol, prefix + "TLS", env.get(prefix + "TLS"), explicitPort);
        } catch (MailConfigurationException e) {
            problems.add(e.getMessage());
        }
        Duration timeout = DEFAULT_TIMEOUT;
        try {
            Integer seconds = number(prefix + "TIMEOUT_SECONDS", 1, 3_600);
            timeout = seconds == null ? DEFAULT_TIMEOUT : Duration.ofSeconds(seconds);
        } catch (MailConfigurationException e) {
            problems.add(e.getMessage());
        }
        Optional<String> user = value(prefix + "USER");
        Optional<String> password =
                Optional.ofNullable(env.get(prefix + "PASSWORD")).filter(p -> !p.isEmpty());
        if (user.isPresent() != password.isPresent()) {
            problems.add(
                    user.isPresent()
                            ? prefix + "USER is set but " + prefix + "PASSWORD is not"
                            : prefix + "PASSWORD is set but " + prefix + "USER is not");
        }
        if (!problems.isEmpty()) {
            throw new MailConfigurationException(
                    protocol.envPrefix() + " configuration invalid: " + String.join("; ", problems) + ".");
        }
        int port = explicitPort != null ? explicitPort : protocol.defaultPort(security);
        Optional<Credentials> credentials = user.map(u -> new Credentials(u, password.orElseThrow()));
        return new MailServer(
                protocol,
                value(prefix + "HOST").orElseThrow(),
                port,
                security,
                credentials,
                value(prefix + "TLS_TRUST"),
                timeout);
    }

    private static boolean isAddress(String text) {
        try {
            new InternetAddress(text, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    /** A whole number in {@code [min, max]}, or null when unset. */
    public Integer number(String name, int min, int max) throws MailConfigurationException {
        Optional<String> raw = value(name);
        if (raw.isEmpty()) {
            return null;
        }
        try {
            int number = Integer.parseInt(raw.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new MailConfigurationException(
                name + " must be a number from " + min + " to " + max + " (got '" + raw.get() + "')");
    }
}
