package io.langop.local.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langop.wire.HumanDuration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the cells of kubectl's tables are made of: printer-column paths, ages, field selectors, API paths. */
class TableCellsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void printerColumnPathsReadFieldsIndexesAndFilters() throws Exception {
        JsonNode agent = JSON.readTree("""
                {"spec": {"schedule": "0 7 * * *"},
                 "status": {"metrics": {"successRate": 0.5},
                            "conditions": [{"type": "Synthesized", "status": "False"}, {"type": "Ready", "status": "True"}]}}
                """);

        assertThat(JsonPaths.read(agent, ".spec.schedule").asText()).isEqualTo("0 7 * * *");
        assertThat(JsonPaths.read(agent, ".status.metrics.successRate").asDouble())
                .isEqualTo(0.5);
        assertThat(JsonPaths.read(agent, ".status.conditions[1].type").asText()).isEqualTo("Ready");
        assertThat(JsonPaths.read(agent, ".status.conditions[?(@.type==\"Ready\")].status")
                        .asText())
                .isEqualTo("True");
        assertThat(JsonPaths.read(agent, ".status.phase").isMissingNode()).isTrue();
        assertThat(JsonPaths.read(agent, ".status.conditions[*].type").isMissingNode())
                .as("what the subset does not know reads as missing")
                .isTrue();
    }

    @Test
    void agesAreWrittenAsKubectlWritesThem() {
        assertThat(HumanDuration.format(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(HumanDuration.format(Duration.ofSeconds(119))).isEqualTo("119s");
        assertThat(HumanDuration.format(Duration.ofSeconds(192))).isEqualTo("3m12s");
        assertThat(HumanDuration.format(Duration.ofMinutes(42))).isEqualTo("42m");
        assertThat(HumanDuration.format(Duration.ofMinutes(185))).isEqualTo("3h5m");
        assertThat(HumanDuration.format(Duration.ofHours(30))).isEqualTo("30h");
        assertThat(HumanDuration.format(Duration.ofHours(76))).isEqualTo("3d4h");
        assertThat(HumanDuration.format(Duration.ofDays(400))).isEqualTo("400d");
        assertThat(HumanDuration.format(Duration.ofDays(365 * 3 + 5))).isEqualTo("3y5d");
    }

    @Test
    void fieldSelectorsMatchAnyFieldAsTheApiServerDoes() throws Exception {
        JsonNode event = JSON.readTree("""
                {"type": "Warning", "involvedObject": {"kind": "LanguageAgent", "name": "digest", "uid": "u-1"}}
                """);

        assertThat(FieldSelector.parse("involvedObject.name=digest,involvedObject.uid==u-1")
                        .matches(event))
                .isTrue();
        assertThat(FieldSelector.parse("involvedObject.name=digest,type!=Warning")
                        .matches(event))
                .isFalse();
        assertThat(FieldSelector.parse("involvedObject.namespace=").matches(event))
                .as("a missing field is the empty string")
                .isTrue();
        assertThat(FieldSelector.parse(null).matches(event)).isTrue();
    }

    @Test
    void apiPathsNameGroupNamespaceResourceAndSubresource() {
        assertThat(ApiPath.parse("/api/v1/namespaces/research/pods/web-0/log"))
                .contains(new ApiPath(
                        "",
                        "v1",
                        java.util.Optional.of("research"),
                        "pods",
                        java.util.Optional.of("web-0"),
                        java.util.Optional.of("log")));
        assertThat(ApiPath.parse("/apis/langop.io/v1alpha1/languageagents").orElseThrow())
                .satisfies(path -> {
                    assertThat(path.groupVersion()).isEqualTo("langop.io/v1alpha1");
                    assertThat(path.namespace()).isEmpty();
                    assertThat(path.isCollection()).isTrue();
                });
        assertThat(ApiPath.parse("/api/v1/namespaces/research").orElseThrow().name())
                .as("a Namespace, not a namespaced collection")
                .contains("research");
        assertThat(ApiPath.parse("/api/v1/namespaces/research/status")
                        .orElseThrow()
                        .subresource())
                .contains("status");
        assertThat(ApiPath.parse("/apis/langop.io")).isEmpty();
    }
}
