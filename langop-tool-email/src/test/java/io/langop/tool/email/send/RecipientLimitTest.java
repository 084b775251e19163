package io.langop.tool.email.send;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.langop.tool.email.InvalidParameterException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecipientLimitTest {

    @Test
    void countsToCcAndBccTogetherAndNamesTheFieldThatCrossesTheLimit() {
        RecipientLimit limit = new RecipientLimit(3);

        assertThatCode(() -> limit.check(email(addresses(1), addresses(1), addresses(1))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> limit.check(email(addresses(2), addresses(1), addresses(1))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Invalid parameter 'bcc': 4 recipients in to, cc and bcc together; "
                        + "at most 3 are allowed per message (SMTP_MAX_RECIPIENTS)");
        assertThatThrownBy(() -> limit.check(email(addresses(2000), null, null)))
                .hasMessageStartingWith("Invalid parameter 'to': 2000 recipients in to, cc and bcc together;");
    }

    private static String addresses(int count) {
        return IntStream.range(0, count).mapToObj(i -> "r" + i + "@example.com").collect(Collectors.joining(", "));
    }

    private static OutgoingEmail email(String to, String cc, String bcc) {
        return OutgoingEmail.of("bot@example.com", to, cc, bcc, "s", "b", false);
    }
}
