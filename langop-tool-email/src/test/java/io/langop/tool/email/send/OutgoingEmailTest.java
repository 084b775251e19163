package io.langop.tool.email.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
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
    void addressesAreHeldToTheLengthsSmtpAllows() {
        String longLocal = "a".repeat(65) + "@example.com";
        String longAddress =
                "a@" + ("d".repeat(49) + ".").repeat(5) + "com"; // 255 characters, 63-character labels at most
        String longName = "\"" + "N".repeat(257) + "\" <a@example.com>";

        assertThatThrownBy(() -> OutgoingEmail.of("bot@example.com", longLocal, null, null, "s", "b", false))
                .hasMessageStartingWith("Invalid parameter 'to': ")
                .hasMessageEndingWith("has more than 64 characters before the @");
        assertThatThrownBy(
                        () -> OutgoingEmail.of("bot@example.com", "x@example.com", longAddress, null, "s", "b", false))
                .hasMessageStartingWith("Invalid parameter 'cc': 'a@ddd")
                .hasMessageEndingWith("has 255 characters; an address may have at most 254");
        assertThatThrownBy(() -> OutgoingEmail.of(longName, "x@example.com", null, null, "s", "b", false))
                .hasMessage("Invalid parameter 'from': the display name of a@example.com has 257 characters; "
                        + "at most 256 are allowed");
        String longest = "a".repeat(64) + "@" + ("d".repeat(49) + ".").repeat(3) + "d".repeat(35) + ".com";
        assertThatCode(() -> OutgoingEmail.of("bot@example.com", longest, null, null, "s", "b", false))
                .doesNotThrowAnyException();
    }

    @Test
    void theSubjectIsAtMostOneHeaderLineLong() {
        assertThatThrownBy(() ->
                        OutgoingEmail.of("bot@example.com", "a@example.com", null, null, "s".repeat(999), "b", false))
                .hasMessage("Invalid parameter 'subject': it has 999 characters; at most 998 are allowed");
        assertThatCode(() ->
                        OutgoingEmail.of("bot@example.com", "a@example.com", null, null, "s".repeat(998), "b", false))
                .doesNotThrowAnyException();
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
