package io.langop.tool.email.send;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.langop.tool.email.InvalidParameterException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SenderPolicyTest {

    @Test
    void theConfiguredSenderMayBeUsedUnderAnyDisplayNameAndCase() {
        SenderPolicy policy = SenderPolicy.of(Optional.of("Reports <bot@example.com>"), null);

        assertThatCode(() -> policy.check(from("bot@example.com"))).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(from("\"Nightly digest\" <Bot@Example.com>")))
                .doesNotThrowAnyException();
    }

    @Test
    void anyOtherSenderIsRefusedNamingTheAllowedOnes() {
        SenderPolicy policy = SenderPolicy.of(Optional.of("bot@example.com"), null);

        assertThatThrownBy(() -> policy.check(from("ceo@example.com")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Invalid parameter 'from': ceo@example.com is not an allowed sender "
                        + "(allowed: bot@example.com); leave 'from' out to send as the configured sender");
    }

    @Test
    void theAllowListAddsAddressesAndDomains() {
        SenderPolicy policy = SenderPolicy.of(Optional.of("bot@example.com"), "alerts.example.com, ops@example.org");

        assertThatCode(() -> policy.check(from("pager@alerts.example.com"))).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(from("ops@example.org"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check(from("dev@example.org")))
                .hasMessageStartingWith("Invalid parameter 'from': dev@example.org is not an allowed sender "
                        + "(allowed: bot@example.com, alerts.example.com, ops@example.org)");
    }

    @Test
    void withoutAConfiguredSenderOnlyTheAllowListCounts() {
        assertThatThrownBy(() -> SenderPolicy.of(Optional.empty(), null).check(from("anyone@example.com")))
                .hasMessageStartingWith(
                        "Invalid parameter 'from': anyone@example.com is not an allowed sender (no sender is configured)");
        assertThatThrownBy(
                        () -> SenderPolicy.of(Optional.empty(), "example.org").check(from("a@example.com")))
                .hasMessageStartingWith("Invalid parameter 'from': a@example.com is not an allowed sender "
                        + "(no sender is configured; allowed: example.org)");
        assertThatCode(() -> SenderPolicy.of(Optional.empty(), "example.org").check(from("a@example.org")))
                .doesNotThrowAnyException();
    }

    private static OutgoingEmail from(String from) {
        return OutgoingEmail.of(from, "someone@example.com", null, null, "s", "b", false);
    }
}
