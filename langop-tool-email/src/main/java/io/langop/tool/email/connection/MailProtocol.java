package io.langop.tool.email.connection;

/** The two mail protocols the tools speak, with the conventions each one's settings follow. */
public enum MailProtocol {
    SMTP("smtp", 587, 465, TransportSecurity.STARTTLS),
    IMAP("imap", 143, 993, TransportSecurity.IMPLICIT_TLS);

    private final String name;
    private final int standardPort;
    private final int implicitTlsPort;
    private final TransportSecurity defaultSecurity;

    MailProtocol(String name, int standardPort, int implicitTlsPort, TransportSecurity defaultSecurity) {
        this.name = name;
        this.standardPort = standardPort;
        this.implicitTlsPort = implicitTlsPort;
        this.defaultSecurity = defaultSecurity;
    }

    /** Jakarta Mail's protocol name, also the middle of its {@code mail.<name>.*} session properties. */
    public String javaMailName() {
        return name;
    }

    /** Prefix of the environment variables: {@code SMTP_HOST}, {@code IMAP_PORT}, ... */
    public String envPrefix() {
        return name();
    }

    int implicitTlsPort() {
        return implicitTlsPort;
    }

    TransportSecurity defaultSecurity() {
        return defaultSecurity;
    }

    int defaultPort(TransportSecurity security) {
        return security == TransportSecurity.IMPLICIT_TLS ? implicitTlsPort : standardPort;
    }
}
