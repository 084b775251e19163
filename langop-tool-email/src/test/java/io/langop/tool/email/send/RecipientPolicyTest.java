package io.langop.tool.email.send;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.langop.tool.email.InvalidParameterException;
import org.junit.jupiter.api.Test;

class RecipientPolicyTest {

    private static final RecipientPolicy POLICY =
            RecipientPolicy.parse(" example.com, @partner.org ,Boss@Elsewhere.net");

    @Test
    void withoutAListAnyoneMayBeWrittenTo() {
        assertThatCode(() -> RecipientPolicy.parse(null).check(email("x@anywhere.io", null, null)))
                .doesNotThrowAnyException();
        assertThatCode(() -> RecipientPolicy.parse(" ").check(email("x@anywhere.io", null, null)))
                .doesNotThrowAnyException();
    }

    @Test
    void allowsListedDomainsTheirSubdomainsAndListedAddresses() {
        assertThatCode(() ->
                        POLICY.check(email("a@example.com, b@eu.example.com", "c@partner.org", "boss@elsewhere.net")))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAnyOtherRecipientNamingTheField() {
        assertThatThrownBy(() -> POLICY.check(email("a@example.com", "spy@evil-example.com", null)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Invalid parameter 'cc': spy@evil-example.com is not an allowed recipient "
                        + "(allowed: example.com, partner.org, boss@elsewhere.net)");
        assertThatThrownBy(() -> POLICY.check(email("a@example.com", null, "other@elsewhere.net")))
                .hasMessageStartingWith("Invalid parameter 'bcc': other@elsewhere.net");
        assertThatThrownBy(() -> POLICY.check(email("a@example.com.evil.io", null, null)))
                .hasMessageStartingWith("Invalid parameter 'to': ");
    }

    private static OutgoingEmail email(String to, String cc, String bcc) {
        return OutgoingEmail.of("bot@example.com", to, cc, bcc, "s", "b", false);
    }
}
