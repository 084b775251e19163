package io.langop.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "GET https://admin:s3cret@registry.example/v2|GET https://<redacted>@registry.example/v2",
                "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc|Authorization: Bearer <redacted>",
                "password=hunter2&user=bob|password=<redacted>&user=bob",
                "{\"apiKey\": \"abc123\", \"model\": \"gpt\"}|{\"apiKey\": \"<redacted>\", \"model\": \"gpt\"}",
                "client_secret: xyz, tokenUrl is fine|client_secret: <redacted>, tokenUrl is fine",
                "invalid key sk-proj-0123456789abcdefXYZ given|invalid key <redacted> given",
                "deployments web-tool: 403 forbidden|deployments web-tool: 403 forbidden"
            })
    void masksWhatLooksLikeACredentialAndNothingElse(String text, String masked) {
        assertThat(Redaction.mask(text)).isEqualTo(masked);
    }
}
