package io.langop.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunReportTest {

    private static final String HASH = "0123456789abcdef".repeat(4);

    @Test
    void aReportOfUnknownCodeIsTheResultAndTheVerdictOnly() {
        assertThat(new RunReport("succeeded", true).toJson())
                .isEqualTo("{\"result\":\"succeeded\",\"succeeded\":true}");
    }

    @Test
    void aFailedRunCarriesItsCodeAndItsFailureEscapedAsJson() {
        assertThat(new RunReport("failed", false, HASH, "step \"a\" failed:\n\tC:\\tmp\u0001").toJson())
                .isEqualTo("{\"result\":\"failed\",\"succeeded\":false,\"codeHash\":\"" + HASH
                        + "\",\"failure\":\"step \\\"a\\\" failed:\\n\\tC:\\\\tmp\\u0001\"}");
    }

    @Test
    void aSuccessCarriesNoFailureAndALongFailureIsCut() {
        assertThat(new RunReport("succeeded", true, HASH, "ignored").failure()).isNull();
        assertThat(new RunReport("failed", false, HASH, "  ").failure()).isNull();
        assertThat(new RunReport("failed", false, HASH, "x".repeat(1000)).failure())
                .hasSize(RunReport.MAX_FAILURE_LENGTH)
                .endsWith("\u2026");
    }

    @Test
    void refusesAResultOrCodeHashThatIsNone() {
        assertThatThrownBy(() -> new RunReport("Failed!", false)).hasMessageContaining("lower-case letters");
        assertThatThrownBy(() -> new RunReport("failed", false, "v2", null)).hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> new RunReport("failed", false, HASH.toUpperCase(java.util.Locale.ROOT), null))
                .hasMessageContaining("lower-case hex");
    }
}
