package io.langop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceKindTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void showsAnAgentsLastRunSuccessRateAndCostFromItsStatus() throws Exception {
        JsonNode agent = json.readTree("""
                {"metadata": {"name": "digest", "namespace": "research", "creationTimestamp": "2026-12-06T07:00:00Z"},
                 "spec": {"executionMode": "scheduled"},
                 "status": {"phase": "Running", "lastExecutionTime": "2026-12-06T09:57:00Z",
                            "lastExecutionResult": "Succeeded", "executionCount": 4, "successfulExecutions": 3,
                            "costMetrics": {"modelCosts": [{"modelName": "a", "cost": 0.0125}, {"cost": 0.0025}]}}}
                """);

        assertThat(ResourceKind.AGENTS.row(agent, true, NOW))
                .containsExactly(
                        "research", "digest", "scheduled", "Running", "3m ago Succeeded", "75% of 4", "0.0150", "3h");
    }

    @Test
    void leavesColumnsEmptyWhileTheStatusHasNothingForThem() throws Exception {
        JsonNode fresh = json.readTree("""
                {"metadata": {"name": "new-one"}, "spec": {"executionMode": "interactive"}}
                """);

        assertThat(ResourceKind.AGENTS.row(fresh, false, NOW))
                .containsExactly("new-one", "interactive", "", "", "", "", "");
        assertThat(ResourceKind.AGENTS.headers(false))
                .containsExactly("NAME", "MODE", "PHASE", "LAST RUN", "SUCCESS", "COST", "AGE");
    }

    @Test
    void prefersTheOperatorsSuccessRateAndTotalCost() throws Exception {
        JsonNode agent = json.readTree("""
                {"metadata": {"name": "a"}, "spec": {},
                 "status": {"metrics": {"successRate": 87.5}, "costMetrics": {"totalCost": 1.5, "currency": "USD"}}}
                """);

        assertThat(ResourceKind.AGENTS.row(agent, false, NOW)).contains("88%", "1.5000 USD");
    }

    @Test
    void listsTheToolsAToolServerOffers() throws Exception {
        JsonNode tool = json.readTree("""
                {"metadata": {"name": "web"}, "spec": {"deploymentMode": "service"},
                 "status": {"phase": "Running", "availableTools": ["web_search", "web_fetch"]}}
                """);

        assertThat(ResourceKind.TOOLS.row(tool, false, NOW))
                .isEqualTo(List.of("web", "service", "Running", "web_search,web_fetch", ""));
    }

    @Test
    void knowsKindsByPluralSingularAndShortName() {
        assertThat(ResourceKind.named("lagent")).isEqualTo(ResourceKind.AGENTS);
        assertThat(ResourceKind.named("Model")).isEqualTo(ResourceKind.MODELS);
        assertThatThrownBy(() -> ResourceKind.named("pods"))
                .hasMessage("langop get lists agents, models or tools, not 'pods'");
    }
}
