package io.langop.tool.email.connection;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * A mail server the tools talk to and how: address, transport security, login and timeouts.
 * {@link #newSession()} turns this into Jakarta Mail settings, so every connection is made the same way.
 */
public record MailServer(
        MailProtocol protocol,
        String host,
        int port,
        TransportSecurity security,
        Optional<Credentials> credentials,
        Optional<String> trustedHosts,
        Duration timeout) {

    public Session newSession() {
        String prefix = "mail." + protocol.javaMailName() + ".";
        Properties properties = new Properties();
        properties.setProperty(prefix + "host", host);
        properties.setProperty(prefix + "port", Integer.toString(port));
        // Jakarta Mail waits forever by default; a hung server must not hang the agent calling the tool.
        String millis = Long.toString(timeout.toMillis());
        properties.setProperty(prefix + "connectiontimeout", millis);
        properties.setProperty(prefix + "timeout", millis);
        properties.setProperty(prefix + "writetimeout", millis);
        properties.setProperty(prefix + "auth", Boolean.toString(credentials.isPresent()));
        switch (security) {
            case NONE -> {}
            case STARTTLS -> {
                properties.setProperty(prefix + "starttls.enable", "true");
                // Without "required" Jakarta Mail silently continues in clear text when STARTTLS is not offered.
                properties.setProperty(prefix + "starttls.required", "true");
            }
            case IMPLICIT_TLS -> properties.setProperty(prefix + "ssl.enable", "true");
        }
        if (security != TransportSecurity.NONE) {
            // Trusted hosts are the ones whose certificate cannot be verified (self-signed, no matching name):
            // for them the name check is skipped too; every other host gets full validation.
            properties.setProperty(prefix + "ssl.checkserveridentity", Boolean.toString(trustedHosts.isEmpty()));
            trustedHosts.ifPresent(hosts -> properties.setProperty(prefix + "ssl.trust", hosts));
        }
        return Session.getInstance(properties);
    }

    public String user() {
        return credentials.map(Credentials::user).orElse(null);
    }

    public String password() {
        return credentials.map(Credentials::password).orElse(null);
    }
}
