package io.langop.server.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final String OPENAI = "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z";
    private static final String CLIENT = "lk-agent-0123456789";

    private final Redactor redactor = Redactor.of(List.of(OPENAI, CLIENT));

    @Test
    void replacesEverySecretWhereverItStands() {
        assertThat(redactor.redact(OPENAI)).isEqualTo("[REDACTED]");
        assertThat(redactor.redact("Incorrect API key provided: " + OPENAI + ". You can find your key at ..."))
                .isEqualTo("Incorrect API key provided: [REDACTED]. You can find your key at ...");
        assertThat(redactor.redact(CLIENT + OPENAI + " and " + CLIENT))
                .isEqualTo("[REDACTED][REDACTED] and [REDACTED]");
        assertThat(redactor.redact("{\"key\":\"" + OPENAI + "\"}")).isEqualTo("{\"key\":\"[REDACTED]\"}");
    }

    @Test
    void givesBackTheSameInstanceWhenThereIsNothingToRedact() {
        byte[] text =
                "Rate limit reached for gpt-4o: sk-proj- is a prefix, lk-agent- too".getBytes(StandardCharsets.UTF_8);
        String words = "no secret here, though it mentions sk-proj-Ab3dEf and lk-agent-01234";

        assertThat(redactor.redact(text)).isSameAs(text);
        assertThat(redactor.redact(words)).isSameAs(words);
        assertThat(Redactor.NONE.redact(text)).isSameAs(text);
    }

    @Test
    void prefersTheLongerOfTwoSecretsThatStartAlike() {
        Redactor nested = Redactor.of(List.of("secret-value-1", "secret-value-1-and-more"));

        assertThat(nested.redact("a secret-value-1-and-more b secret-value-1 c"))
                .isEqualTo("a [REDACTED] b [REDACTED] c");
    }

    @Test
    void findsASecretWithEscapedSlashesAsJsonWritersMayPrintIt() {
        Redactor slashed = Redactor.of(List.of("abc/def/ghi+jkl="));

        assertThat(slashed.redact("{\"k\":\"abc\\/def\\/ghi+jkl=\"}")).isEqualTo("{\"k\":\"[REDACTED]\"}");
    }

    @Test
    void leavesOutSecretsTooShortToTellFromWords() {
        Redactor placeholder = Redactor.of(List.of("none", "ollama"));

        assertThat(placeholder).isSameAs(Redactor.NONE);
        assertThat(placeholder.redact("none of the ollama models")).isEqualTo("none of the ollama models");
    }

    @Test
    void findsEverySecretThatNaiveSearchFindsInRandomText() {
        // Random text over a small alphabet puts secrets' fragments everywhere: the jumps must never skip a secret.
        Random random = new Random(42);
        List<String> secrets = List.of("abcabcab", "bcacbcacbcab", "aabbccaabbccaabb");
        Redactor small = Redactor.of(secrets);
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                text.append("abc".charAt(random.nextInt(3)));
            }
            assertThat(small.redact(text.toString())).isEqualTo(naive(text.toString(), secrets));
        }
    }

    @Test
    void combinesTheSecretsOfTwoRedactors() {
        Redactor both = Redactor.of(List.of(OPENAI)).and(Redactor.of(List.of(CLIENT)));

        assertThat(both.secrets()).containsExactlyInAnyOrder(OPENAI, CLIENT);
        assertThat(both.redact(OPENAI + CLIENT)).isEqualTo("[REDACTED][REDACTED]");
    }

    /** Left to right, the longest secret at each position. */
    private static String naive(String text, List<String> secrets) {
        List<String> longestFirst = new ArrayList<>(secrets);
        longestFirst.sort((a, b) -> b.length() - a.length());
        StringBuilder out = new StringBuilder();
        int i = 0;
        outer:
        while (i < text.length()) {
            for (String secret : longestFirst) {
                if (text.startsWith(secret, i)) {
                    out.append(Redactor.MASK);
                    i += secret.length();
                    continue outer;
                }
            }
            out.append(text.charAt(i++));
        }
        return out.toString();
    }
}
