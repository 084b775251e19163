package io.langop.tool.email.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailSettingsTest {

    @Test
    void smtpDefaultsToStartTlsOnTheSubmissionPortWithoutLoginWhenOnlyTheHostIsSet() throws Exception {
        MailServer smtp = new MailSettings(Map.of("SMTP_HOST", "smtp.example.com")).smtp();

        assertThat(smtp.host()).isEqualTo("smtp.example.com");
        assertThat(smtp.port()).isEqualTo(587);
        assertThat(smtp.security()).isEqualTo(TransportSecurity.STARTTLS);
        assertThat(smtp.credentials()).isEmpty();
        assertThat(smtp.timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest(name = "SMTP_TLS={0} SMTP_PORT={1} -> {2} on {3}")
    @CsvSource(
            nullValues = "-",
            value = {
                "-,        -,   STARTTLS,     587",
                "true,     -,   STARTTLS,     587",
                "-,        465, IMPLICIT_TLS, 465",
                "true,     465, IMPLICIT_TLS, 465",
                "TRUE,     2525, STARTTLS,    2525",
                "implicit, -,   IMPLICIT_TLS, 465",
                "starttls, 25,  STARTTLS,     25",
                "false,    -,   NONE,         587",
                "false,    25,  NONE,         25",
            })
    void smtpSecurityFollowsSmtpTlsAndThePort(String tls, String port, TransportSecurity security, int actualPort)
            throws Exception {
        var env = new java.util.HashMap<>(Map.of("SMTP_HOST", "mail"));
        if (tls != null) {
            env.put("SMTP_TLS", tls);
        }
        if (port != null) {
            env.put("SMTP_PORT", port);
        }

        MailServer smtp = new MailSettings(env).smtp();

        assertThat(smtp.security()).isEqualTo(security);
        assertThat(smtp.port()).isEqualTo(actualPort);
    }

    @Test
    void imapDefaultsToImplicitTlsOn993AndStartTlsOn143() throws Exception {
        var base = Map.of("IMAP_HOST", "imap.example.com", "IMAP_USER", "me", "IMAP_PASSWORD", "pw");

        MailServer byDefault = new MailSettings(base).imap();
        var on143 = new java.util.HashMap<>(base);
        on143.put("IMAP_PORT", "143");
        MailServer plainPort = new MailSettings(on143).imap();

        assertThat(byDefault.port()).isEqualTo(993);
        assertThat(byDefault.security()).isEqualTo(TransportSecurity.IMPLICIT_TLS);
        assertThat(byDefault.credentials()).contains(new Credentials("me", "pw"));
        assertThat(plainPort.security()).isEqualTo(TransportSecurity.STARTTLS);
    }

    @Test
    void missingSmtpHostSaysWhatToSet() {
        assertThatThrownBy(() -> new MailSettings(Map.of("SMTP_USER", "u", "SMTP_PASSWORD", "p")).smtp())
                .isInstanceOf(MailConfigurationException.class)
                .hasMessageStartingWith("SMTP configuration missing. Please set SMTP_HOST");
    }

    @Test
    void missingImapVariablesAreAllNamed() {
        assertThatThrownBy(() -> new MailSettings(Map.of("IMAP_USER", "u")).imap())
                .hasMessage("IMAP configuration missing. Please set IMAP_HOST, IMAP_PASSWORD to read mail.");
    }

    @Test
    void everyInvalidValueIsReportedAtOnceWithTheVariableName() {
        var env = Map.of(
                "SMTP_HOST", "mail",
                "SMTP_PORT", "smtp",
                "SMTP_TLS", "maybe",
                "SMTP_TIMEOUT_SECONDS", "0",
                "SMTP_USER", "agent",
                "SMTP_FROM", "not an address");

        assertThatThrownBy(() -> new MailSettings(env).smtp())
                .hasMessageStartingWith("SMTP configuration invalid: ")
                .hasMessageContaining("SMTP_FROM is not a valid email address ('not an address')")
                .hasMessageContaining("SMTP_PORT must be a number from 1 to 65535 (got 'smtp')")
                .hasMessageContaining("SMTP_TLS must be one of true, false, starttls, implicit (got 'maybe')")
                .hasMessageContaining("SMTP_TIMEOUT_SECONDS must be a number from 1 to 3600 (got '0')")
                .hasMessageContaining("SMTP_USER is set but SMTP_PASSWORD is not");
    }

    @Test
    void aPasswordWithoutUserIsAMistakeNotSilentlyIgnored() {
        assertThatThrownBy(() -> new MailSettings(Map.of("SMTP_HOST", "mail", "SMTP_PASSWORD", "pw")).smtp())
                .hasMessageContaining("SMTP_PASSWORD is set but SMTP_USER is not");
    }

    @Test
    void defaultSenderIsSmtpFromThenTheLogin() {
        assertThat(new MailSettings(Map.of("SMTP_FROM", "bot@example.com", "SMTP_USER", "u@example.com"))
                        .defaultSender())
                .contains("bot@example.com");
        assertThat(new MailSettings(Map.of("SMTP_USER", "u@example.com")).defaultSender())
                .contains("u@example.com");
        assertThat(new MailSettings(Map.of("SMTP_USER", "agent")).defaultSender())
                .as("a login that is no address")
                .isEmpty();
        assertThat(new MailSettings(Map.of()).defaultSender()).isEmpty();
    }

    @Test
    void sessionPropertiesRequireStartTlsAndBoundEveryWait() throws Exception {
        var env = Map.of("SMTP_HOST", "mail", "SMTP_USER", "u", "SMTP_PASSWORD", "p", "SMTP_TIMEOUT_SECONDS", "7");

        var properties = new MailSettings(env).smtp().newSession().getProperties();

        assertThat(properties)
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .containsEntry("mail.smtp.connectiontimeout", "7000")
                .containsEntry("mail.smtp.timeout", "7000")
                .containsEntry("mail.smtp.writetimeout", "7000")
                .doesNotContainKey("mail.smtp.ssl.trust");
    }

    @Test
    void credentialsNeverPrintTheirPassword() throws Exception {
        var env = Map.of("SMTP_HOST", "mail", "SMTP_USER", "agent", "SMTP_PASSWORD", "hunter2-secret");

        assertThat(new MailSettings(env).smtp().toString()).contains("agent").doesNotContain("hunter2-secret");
    }
}
