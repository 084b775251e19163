package io.langop.operator.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SynthesisFingerprintTest {

    private final SynthesisFingerprint fingerprint = new SynthesisFingerprint(
            "search the web for CVEs every morning",
            "scheduled 0 9 * * *",
            List.of("web_search", "send_email"),
            List.of("gpt", "claude"),
            "terse",
            "v1");

    @Test
    void recordedAnnotationsMatchTheSameInputsInAnyOrder() {
        Map<String, String> recorded = fingerprint.annotations();
        SynthesisFingerprint reordered = new SynthesisFingerprint(
                "search the web for CVEs every morning",
                "scheduled 0 9 * * *",
                List.of("send_email", "web_search"),
                List.of("claude", "gpt"),
                "terse",
                "v1");
        assertThat(reordered.matches(recorded)).isTrue();
        assertThat(recorded)
                .containsEntry(SynthesisFingerprint.TEMPLATE_VERSION, "v1")
                .containsEntry(
                        SynthesisFingerprint.INSTRUCTIONS_HASH,
                        SynthesisFingerprint.sha256("search the web for CVEs every morning"));
    }

    @Test
    void anyChangedInputIsNoticed() {
        Map<String, String> recorded = fingerprint.annotations();
        assertThat(new SynthesisFingerprint(
                                "search hourly",
                                fingerprint.mode(),
                                fingerprint.tools(),
                                fingerprint.models(),
                                "terse",
                                "v1")
                        .matches(recorded))
                .isFalse();
        assertThat(new SynthesisFingerprint(
                                fingerprint.instructions(),
                                "autonomous ",
                                fingerprint.tools(),
                                fingerprint.models(),
                                "terse",
                                "v1")
                        .matches(recorded))
                .as("another execution mode or schedule")
                .isFalse();
        assertThat(new SynthesisFingerprint(
                                fingerprint.instructions(),
                                fingerprint.mode(),
                                List.of("web_search"),
                                fingerprint.models(),
                                "terse",
                                "v1")
                        .matches(recorded))
                .isFalse();
        assertThat(new SynthesisFingerprint(
                                fingerprint.instructions(),
                                fingerprint.mode(),
                                fingerprint.tools(),
                                List.of("gpt"),
                                "terse",
                                "v1")
                        .matches(recorded))
                .isFalse();
        assertThat(new SynthesisFingerprint(
                                fingerprint.instructions(),
                                fingerprint.mode(),
                                fingerprint.tools(),
                                fingerprint.models(),
                                "chatty",
                                "v1")
                        .matches(recorded))
                .isFalse();
        assertThat(new SynthesisFingerprint(
                                fingerprint.instructions(),
                                fingerprint.mode(),
                                fingerprint.tools(),
                                fingerprint.models(),
                                "terse",
                                "v2")
                        .matches(recorded))
                .isFalse();
    }

    @Test
    void codeWithoutAnnotationsOrWithOthersNeverMatches() {
        assertThat(fingerprint.matches(null)).isFalse();
        Map<String, String> partial = new HashMap<>(fingerprint.annotations());
        partial.remove(SynthesisFingerprint.PERSONA_HASH);
        assertThat(fingerprint.matches(partial)).isFalse();
    }

    @Test
    void sha256IsTheStandardDigest() {
        assertThat(SynthesisFingerprint.sha256(""))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
