package io.langop.sdk.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.sdk.content.SensitiveData.Kind;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensitiveDataTest {

    @Test
    void findsEachKindOfDataItKnows() {
        assertThat(kinds("write to jane.doe+ops@mail.example.co.uk today")).containsExactly(Kind.EMAIL_ADDRESS);
        assertThat(kinds("call +49 30 1234 5678 or (415) 555-2671"))
                .containsExactly(Kind.PHONE_NUMBER, Kind.PHONE_NUMBER);
        assertThat(kinds("card 4111 1111 1111 1111 expires 12/29")).containsExactly(Kind.CARD_NUMBER);
        assertThat(kinds("pay to DE89 3704 0044 0532 0130 00 please")).containsExactly(Kind.IBAN);
        assertThat(kinds("key sk-proj-Abc123def456GHI789jkl012 and ghp_" + "a1B2".repeat(9)))
                .containsExactly(Kind.API_KEY, Kind.API_KEY);
        assertThat(kinds("AKIAIOSFODNN7EXAMPLE")).containsExactly(Kind.API_KEY);
        assertThat(kinds("token Zx8pQ2rT9vW4yB6nM1kL3jH5gF7dS0aQe")).containsExactly(Kind.API_KEY);
    }

    @Test
    void checksumsKeepNumbersThatOnlyLookLikeDataOut() {
        assertThat(kinds("order 4111 1111 1111 1112 shipped")).as("fails Luhn").isEmpty();
        assertThat(kinds("ref DE89 3704 0044 0532 0130 01")).as("fails mod 97").isEmpty();
        assertThat(kinds("released 2026-12-06 at 09:30, build 1234567")).isEmpty();
    }

    @Test
    void hashesUuidsAndLongIdentifiersAreNoKeys() {
        assertThat(kinds("commit 4b825dc642cb6eb9a060e54bf8d69288fbee4904")).isEmpty();
        assertThat(kinds("run 123e4567-e89b-12d3-a456-426614174000")).isEmpty();
        assertThat(kinds("see kubernetes_io_cluster_autoscaler_safe_to_evict")).isEmpty();
        assertThat(kinds("Scunthorpe United skipped the skyscraper_observation_deck_opening"))
                .isEmpty();
    }

    @Test
    void redactsOnlyTheKindsAskedFor() {
        String text = "mail ops@example.com with key sk-proj-Abc123def456GHI789jkl012";

        assertThat(SensitiveData.redact(text, EnumSet.of(Kind.API_KEY)))
                .isEqualTo("mail ops@example.com with key <api key>");
        assertThat(SensitiveData.redact(text, EnumSet.allOf(Kind.class)))
                .isEqualTo("mail <email address> with key <api key>");
    }

    @Test
    void profanityIsFoundAsWholeWordsOnly() {
        assertThat(Profanity.firstIn("This is SHIT.")).contains("SHIT");
        assertThat(Profanity.firstIn("Scunthorpe, assess the cocktail class")).isEmpty();
    }

    private static List<Kind> kinds(String text) {
        return SensitiveData.find(text).stream()
                .map(SensitiveData.Finding::kind)
                .toList();
    }
}
