package io.langop.sdk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkflowEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T06:30:00Z"), ZoneOffset.UTC);

    /** Answers tool calls from a table and prompts by echoing them; records every call. */
    static final class RecordingExecutor implements StepExecutor {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final Map<String, String> toolAnswers;
        final Map<String, StepResult> structuredAnswers;

        RecordingExecutor(Map<String, String> toolAnswers) {
            this(toolAnswers, Map.of());
        }

        RecordingExecutor(Map<String, String> toolAnswers, Map<String, StepResult> structuredAnswers) {
            this.toolAnswers = toolAnswers;
            this.structuredAnswers = structuredAnswers;
        }

        @Override
        public StepResult callTool(String tool, Map<String, Object> arguments) {
            calls.add(tool + " " + new java.util.TreeMap<>(arguments));
            StepResult structured = structuredAnswers.get(tool);
            return structured != null ? structured : StepResult.ofText(toolAnswers.getOrDefault(tool, "ok"));
        }

        @Override
        public String prompt(String prompt, Optional<Set<String>> tools) {
            calls.add("prompt " + prompt
                    + tools.map(names -> " tools " + new java.util.TreeSet<>(names))
                            .orElse(""));
            return "answer to: " + prompt;
        }
    }

    @Test
    void fillsPlaceholdersFromStructuredResultsAndRunsInDependencyOrder() throws Exception {
        var executor =
                new RecordingExecutor(Map.of("web_search", "{\"results\":[{\"title\":\"CVE-2026-1\"}],\"count\":1}"));
        Workflow workflow = Workflow.builder()
                .step(
                        "notify",
                        s -> s.tool("send_email")
                                .param("subject", "{summary} on {date}")
                                .param("priority", 2)
                                .dependsOn("summary"))
                .step(
                        "summary",
                        s -> s.prompt("Summarize {search.results.0.title} ({search.count} hits) at {time}")
                                .dependsOn("search"))
                .step("search", s -> s.tool("web_search").param("query", "kubernetes CVE {date}"))
                .build();

        WorkflowResult result = new WorkflowEngine(executor, CLOCK).run(workflow, Map.of());

        assertThat(executor.calls)
                .containsExactly(
                        "web_search {query=kubernetes CVE 2026-11-26}",
                        "prompt Summarize CVE-2026-1 (1 hits) at 06-30-00",
                        "send_email {priority=2, subject=answer to: Summarize CVE-2026-1 (1 hits) at 06-30-00 on 2026-11-26}");
        assertThat(result.completedOrder()).containsExactly("search", "summary", "notify");
        assertThat(result.results().field("search", "results.0.title"))
                .map(JsonNode::asText)
                .contains("CVE-2026-1");
        assertThat(result.finalText()).isEqualTo("ok");
    }

    @Test
    void aToolWithStructuredContentGivesFieldsToPathsAndItsTextToTheWholeStep() throws Exception {
        JsonNode data = JSON.readTree(
                "{\"results\":[{\"title\":\"CVE-2026-1\",\"url\":\"https://cve.example/1\",\"snippet\":\"s\"}]}");
        var executor = new RecordingExecutor(
                Map.of(), Map.of("web_search", new StepResult(data, "Search results for: cve\n\n1. CVE-2026-1")));
        Workflow workflow = Workflow.builder()
                .step("search", s -> s.tool("web_search").param("query", "cve"))
                .step(
                        "page",
                        s -> s.tool("web_fetch")
                                .param("url", "{search.results.0.url}")
                                .dependsOn("search"))
                .step(
                        "summary",
                        s -> s.prompt("Links: {search.results}\nAs text: {search}")
                                .dependsOn("search"))
                .step(
                        "count",
                        s -> s.custom(r -> r.json("search").path("results").size() + " of "
                                        + r.text("search").lines().count() + " lines")
                                .dependsOn("search"))
                .build();

        WorkflowResult result = new WorkflowEngine(executor, CLOCK).run(workflow, Map.of());

        assertThat(executor.calls)
                .contains(
                        "web_fetch {url=https://cve.example/1}",
                        "prompt Links: [{\"title\":\"CVE-2026-1\",\"url\":\"https://cve.example/1\",\"snippet\":\"s\"}]"
                                + "\nAs text: Search results for: cve\n\n1. CVE-2026-1");
        assertThat(result.results().text("count")).isEqualTo("1 of 3 lines");
    }

    @Test
    void independentStepsRunInParallel() throws Exception {
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        Workflow workflow = Workflow.builder()
                .step("left", s -> s.custom(r -> bothRunning.await(5, TimeUnit.SECONDS)))
                .step("right", s -> s.custom(r -> bothRunning.await(5, TimeUnit.SECONDS)))
                .step(
                        "join",
                        s -> s.custom(r ->
                                        r.json("left").asInt() + r.json("right").asInt())
                                .dependsOn("left", "right"))
                .build();

        WorkflowResult result = new WorkflowEngine(new RecordingExecutor(Map.of()), CLOCK).run(workflow, Map.of());

        // await returns the arrival index: 1 and 0, so each step saw the other one running
        assertThat(result.results().json("join").asInt()).isEqualTo(1);
        assertThat(result.completedOrder().getLast()).isEqualTo("join");
    }

    @Test
    void aFalseConditionSkipsTheStepAndItsDependents() throws Exception {
        var executor = new RecordingExecutor(Map.of("web_status", "{\"status\":200}"));
        Workflow workflow = Workflow.builder()
                .step("check", s -> s.tool("web_status").param("url", "https://example.com"))
                .step(
                        "alert",
                        s -> s.tool("send_email")
                                .param("subject", "down: {check.status}")
                                .dependsOn("check")
                                .when(r ->
                                        r.field("check", "status").orElseThrow().asInt() >= 500))
                .step("escalate", s -> s.tool("page").dependsOn("alert"))
                .step("log", s -> s.custom(r -> "status " + r.text("check")).dependsOn("check"))
                .build();

        WorkflowResult result = new WorkflowEngine(executor, CLOCK).run(workflow, Map.of());

        assertThat(result.skipped()).containsExactly("alert", "escalate");
        assertThat(executor.calls).containsExactly("web_status {url=https://example.com}");
        assertThat(result.results().text("log")).isEqualTo("status {\"status\":200}");
    }

    @Test
    void aTrueConditionRunsTheStep() throws Exception {
        var executor = new RecordingExecutor(Map.of("web_status", "{\"status\":503}"));
        Workflow workflow = Workflow.builder()
                .step("check", s -> s.tool("web_status"))
                .step(
                        "alert",
                        s -> s.tool("send_email")
                                .param("subject", "down: {check.status}")
                                .dependsOn("check")
                                .when(r ->
                                        r.field("check", "status").orElseThrow().asInt() >= 500))
                .build();

        new WorkflowEngine(executor, CLOCK).run(workflow, Map.of());

        assertThat(executor.calls).contains("send_email {subject=down: 503}");
    }

    @Test
    void aMissingFieldFailsTheStepNamingThePlaceholder() {
        var executor = new RecordingExecutor(Map.of("web_search", "{\"items\":[]}"));
        Workflow workflow = Workflow.builder()
                .step("search", s -> s.tool("web_search"))
                .step("summary", s -> s.prompt("{search.results}").dependsOn("search"))
                .build();

        assertThatThrownBy(() -> new WorkflowEngine(executor, CLOCK).run(workflow, Map.of()))
                .isInstanceOf(StepFailedException.class)
                .hasMessage(
                        "step 'summary' failed: placeholder {search.results} has no value: the result of 'search' has no field 'results'");
    }

    @Test
    void aFailureStopsStepsThatHaveNotStarted() {
        var executor = new RecordingExecutor(Map.of());
        Workflow workflow = Workflow.builder()
                .step(
                        "boom",
                        s -> s.custom(r -> {
                            throw new IllegalStateException("disk full");
                        }))
                .step("after", s -> s.tool("never").dependsOn("boom"))
                .build();

        assertThatThrownBy(() -> new WorkflowEngine(executor, CLOCK).run(workflow, Map.of()))
                .isInstanceOf(StepFailedException.class)
                .hasMessage("step 'boom' failed: disk full");
        assertThat(executor.calls).isEmpty();
    }

    @Test
    void inputsSuchAsTheEventAreVisibleToEveryStep() throws Exception {
        var executor = new RecordingExecutor(Map.of());
        Workflow workflow = Workflow.builder()
                .step("triage", s -> s.prompt("Ticket {event.id}: {event.title}"))
                .build();

        new WorkflowEngine(executor, CLOCK)
                .run(workflow, Map.of("event", JSON.readTree("{\"id\":7,\"title\":\"disk\"}")));

        assertThat(executor.calls).containsExactly("prompt Ticket 7: disk");
    }
}
