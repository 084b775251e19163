package io.langop.kit.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerExcerptTest {

    private static final String SECRET = "5ec7e7-0123456789abcdef0123456789abcdef";

    @Test
    void aShortAnswerIsShownAsItIsOnOneLine() {
        assertThat(new AnswerExcerpt("{\"error\":\"no id\"}\r\n", 19, false).text(SECRET))
                .isEqualTo("{\"error\":\"no id\"}  ");
    }

    @Test
    void aSecretTheCutFallsIntoShowsNoneOfItsBeginning() {
        String head = "x".repeat(AnswerExcerpt.KEPT_BYTES - 10) + SECRET.substring(0, 10);

        String text = new AnswerExcerpt(head, 4_000, true).text(SECRET);

        assertThat(text)
                .isEqualTo("x".repeat(AnswerExcerpt.KEPT_BYTES - 10) + "…(cut, 4000 bytes in all)")
                .doesNotContain(SECRET.substring(0, 4));
    }

    @Test
    void everyHiddenValueIsRedactedWhereverItIs() {
        String text = new AnswerExcerpt("key " + SECRET + " sig abc123abc123 again " + SECRET, 80, false)
                .text(SECRET, "abc123abc123");

        assertThat(text).isEqualTo("key [redacted] sig [redacted] again [redacted]");
    }
}
