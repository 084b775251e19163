package io.langop.tool.email.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.langop.tool.email.InvalidParameterException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutgoingEmailTest {

    @Test
    void splitsAndTrimsCommaSeparatedRecipients() {
        OutgoingEmail email = OutgoingEmail.of(
                "bot@example.com",
                " a@example.com ,b@example.com,  \"Carl, Jr.\" <c@example.com>",
                "d@example.com",
                "e@example.com, f@example.com",
                "Report",
                "body",
                false);

        assertThat(email.to())
                .extracting(InternetAddress::getAddress)
                .containsExactly("a@example.com", "b@example.com", "c@example.com");
        assertThat(email.envelopeRecipients())
                .extracting(InternetAddress::getAddress)
                .containsExactly(
                        "a@example.com",
                        "b@example.com",
                        "c@example.com",
                        "d@example.com",
                        "e@example.com",
                        "f@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-address", "a@b@c.com", "a@example.com, nope", "<>", "@example.com"})
    void refusesInvalidAddressesNamingTheParameter(String to) {
        assertThatThrownBy(() -> OutgoingEmail.of("bot@example.com", to, null, null, "s", "b", false))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Invalid parameter 'to': ")
                .hasMessageContaining("not a valid email address");
    }

    @Test
    void requiresAtLeastOneRecipient() {
        assertThatThrownBy(() -> OutgoingEmail.of("bot@example.com", " ", null, null, "s", "b", false))
                .hasMessage("Invalid parameter 'to': at least one recipient address is required");
    }

    @Test
    void fromMustBeExactlyOneAddress() {
        assertThatThrownBy(() ->
                        OutgoingEmail.of("a@example.com, b@example.com", "x@example.com", null, null, "s", "b", false))
                .isInstanceOf(InvalidParameterException.class)
                .extracting(e -> ((InvalidParameterException) e).parameter())
                .isEqualTo("from");
    }

    @ParameterizedTest
    @ValueSource(strings = {"to", "cc", "bcc", "from", "subject"})
    void refusesLineBreaksInEveryHeaderField(String field) {
        String injected = "victim@example.com\r\nBcc: everyone@example.com";
        String from = field.equals("from") ? injected : "bot@example.com";
        String to = field.equals("to") ? injected : "a@example.com";
        String cc = field.equals("cc") ? injected : null;
        String bcc = field.equals("bcc") ? injected : null;
        String subject = field.equals("subject") ? "Hello\nBcc: everyone@example.com" : "Hello";

        assertThatThrownBy(() -> OutgoingEmail.of(from, to, cc, bcc, subject, "body", false))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Invalid parameter '" + field
                        + "': line breaks (CR/LF) are not allowed in email header fields");
    }

    @Test
    void aLoneLineFeedOrCarriageReturnIsRefusedToo() {
        assertThatThrownBy(() -> OutgoingEmail.of("bot@example.com", "a@example.com", null, null, "a\rb", "x", false))
                .hasMessageContaining("'subject'");
        assertThatThrownBy(() -> OutgoingEmail.of("bot@example.com", "a@example.com\n", null, null, "s", "x", false))
                .hasMessageContaining("'to'");
    }

    @Test
    void theBodyMayHaveAnyNumberOfLines() {
        OutgoingEmail email = OutgoingEmail.of(
                "bot@example.com",
                "a@example.com",
                null,
                null,
                "s",
                "line 1\r\nBcc: not-a-header@example.com\n\nline 3",
                false);

        assertThat(email.body()).contains("Bcc: not-a-header@example.com");
        assertThat(email.envelopeRecipients())
                .extracting(InternetAddress::getAddress)
                .containsExactly("a@example.com");
    }
}
