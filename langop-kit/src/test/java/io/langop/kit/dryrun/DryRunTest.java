package io.langop.kit.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.langop.kit.catalog.CatalogJson;
import io.langop.kit.catalog.CatalogTool;
import io.langop.kit.catalog.ToolCatalog;
import io.langop.kit.check.AgentSetting;
import io.langop.kit.check.CheckResult;
import io.langop.kit.check.CodeChecker;
import io.langop.sdk.agent.ExecutionMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checked agent code run once on stand-ins, in this JVM (in the operator it runs in a process of its own):
 * what a dry run proves, and what it reports when code breaks on data shaped like the tools' answers.
 */
class DryRunTest {

    private static final List<CatalogTool> TOOLS = CatalogJson.tools(read("""
            [{"name": "web_search", "description": "Search the web.",
              "inputSchema": {"type": "object", "required": ["query"], "properties": {"query": {"type": "string"}}},
              "outputSchema": {"type": "object", "properties": {"results": {"type": "array", "items": {
                "type": "object", "properties": {"title": {"type": "string"}, "url": {"type": "string", "format": "uri"},
                "snippet": {"type": "string"}}}}}}},
             {"name": "send_email", "description": "Send an e-mail.",
              "inputSchema": {"type": "object", "required": ["to", "subject", "body"], "properties": {
                "to": {"type": "string"}, "subject": {"type": "string"}, "body": {"type": "string"}}}}]
            """));

    private static CodeChecker checker;

    @TempDir
    Path workspace;

    @BeforeAll
    static void compiler() {
        checker = CodeChecker.forRuntimeClasspath();
    }

    @Test
    void aWorkflowRunsToTheEndOnAnswersShapedLikeTheToolsOutputSchemas() throws Exception {
        DryRunReport report = dryRun("""
                .workflow(w -> w
                        .step("search", s -> s.tool("web_search").param("query", "Kubernetes CVE {date}"))
                        .step("links", s -> s.custom(r -> {
                                    JsonNode results = r.json("search").path("results");
                                    return Map.of("count", results.size(), "first", results.get(0).path("url").asText());
                                }).dependsOn("search"))
                        .step("summary", s -> s.prompt("Summarize {links.count} results, first {links.first}")
                                .dependsOn("links"))
                        .step("mail", s -> s.tool("send_email").param("to", "ops@example.com")
                                .param("subject", "CVEs").param("body", "{summary}").dependsOn("summary")))
                .output(Output.workspace("digest-{date}.md"))
                """, ExecutionMode.AUTONOMOUS);

        assertThat(report.passed()).as(report.summary()).isTrue();
        assertThat(report.completed()).containsExactly("search", "links", "summary", "mail");
        assertThat(report.toolCalls()).isEqualTo(2);
        assertThat(report.prompts()).isEqualTo(1);
        assertThat(report.summary())
                .isEqualTo("ran 4 step(s) with 2 tool call(s) and 1 LLM step(s) answered by stand-ins");
        Path output = workspace.resolve("digest-" + LocalDate.now(ZoneOffset.UTC) + ".md");
        assertThat(Files.readString(output)).startsWith("stand-in answer of send_email (dry run)");
    }

    @Test
    void aCustomStepThatBreaksOnRealisticDataFailsNamingTheStepTheExceptionAndTheLine() throws Exception {
        DryRunReport report = dryRun("""
                .workflow(w -> w
                        .step("search", s -> s.tool("web_search").param("query", "Kubernetes CVE"))
                        .step("count", s -> s.custom(r -> Integer.parseInt(r.field("search", "results.0.title")
                                        .orElseThrow().asText()))
                                .dependsOn("search")))
                """, ExecutionMode.AUTONOMOUS);

        assertThat(report.passed()).isFalse();
        assertThat(report.failedStep()).contains("count");
        assertThat(report.completed()).isEmpty();
        assertThat(report.summary())
                .startsWith("step 'count' failed: NumberFormatException: For input string: \"title 1\"")
                .endsWith("(at Agent.java:17)");
    }

    @Test
    void aFalseConditionSkipsItsStepAndTheStepsAfterIt() throws Exception {
        DryRunReport report = dryRun("""
                .workflow(w -> w
                        .step("search", s -> s.tool("web_search").param("query", "Kubernetes CVE"))
                        .step("alert", s -> s.prompt("Alert about {search}").dependsOn("search")
                                .when(r -> r.json("search").path("results").isEmpty()))
                        .step("mail", s -> s.tool("send_email").param("to", "ops@example.com")
                                .param("subject", "CVEs").param("body", "{alert}").dependsOn("alert")))
                """, ExecutionMode.AUTONOMOUS);

        assertThat(report.passed()).as(report.summary()).isTrue();
        assertThat(report.completed()).containsExactly("search");
        assertThat(report.skipped()).containsExactly("alert", "mail");
        assertThat(report.toolCalls()).isEqualTo(1);
    }

    @Test
    void anEventDrivenWorkflowGetsAnEventWithTheFieldsItsTemplatesRead() throws Exception {
        DryRunReport report = dryRun("""
                .workflow(w -> w.step("triage", s -> s.prompt(
                        "Triage issue {event.issue.number}: {event.issue.title} by {event.sender.login}")))
                """, ExecutionMode.EVENT_DRIVEN);

        assertThat(report.passed()).as(report.summary()).isTrue();
        assertThat(report.completed()).containsExactly("triage");
    }

    @Test
    void memoryStartsEmptyInTheScratchWorkspaceAsOnAFirstRun() throws Exception {
        DryRunReport report = dryRun("""
                .workflow(w -> w
                        .step("search", s -> s.tool("web_search").param("query", "Kubernetes CVE"))
                        .step("new", s -> s.custom(r -> {
                                    var seen = Memory.current().state();
                                    String first = r.field("search", "results.0.url").orElseThrow().asText();
                                    boolean known = seen.get("last-url").isPresent();
                                    seen.put("last-url", first);
                                    return known ? "nothing new" : first;
                                }).dependsOn("search")))
                """, ExecutionMode.AUTONOMOUS);

        assertThat(report.passed()).as(report.summary()).isTrue();
        assertThat(report.completed()).containsExactly("search", "new");
        assertThat(workspace.resolve(".langop")).isDirectory();
    }

    @Test
    void defineThatThrowsFailsTheDryRunBeforeAnyStep() throws Exception {
        DryRunReport report = dryRun("""
                .workflow(w -> w.step("search", s -> s.tool("web_search").param("query", List.of("a").get(3).toString())))
                """, ExecutionMode.AUTONOMOUS);

        assertThat(report.passed()).isFalse();
        assertThat(report.failedStep()).isEmpty();
        assertThat(report.summary()).startsWith("define() failed: IndexOutOfBoundsException");
    }

    @Test
    void aReportReadsBackAsItWasWritten() {
        DryRunReport report = new DryRunReport(
                false, "step 'x' failed: boom", Optional.of("x"), List.of("a", "b"), List.of("c"), 3, 1);

        assertThat(DryRunReport.fromJson(report.toJson())).isEqualTo(report);
    }

    private DryRunReport dryRun(String definition, ExecutionMode mode) {
        String source = """
                import com.fasterxml.jackson.databind.JsonNode;
                import io.langop.sdk.agent.AgentDefinition;
                import io.langop.sdk.agent.ExecutionMode;
                import io.langop.sdk.agent.LangopAgent;
                import io.langop.sdk.agent.Output;
                import io.langop.sdk.memory.Memory;
                import java.util.List;
                import java.util.Map;

                public class Agent implements LangopAgent {
                    @Override
                    public AgentDefinition define() {
                        return AgentDefinition.builder("dry")
                                .mode(ExecutionMode.%s)
                %s                .build();
                    }
                }
                """.formatted(mode.name(), definition.indent(16));
        CheckResult checked =
                checker.check(source, new AgentSetting(ToolCatalog.of(TOOLS), Optional.of(mode), Optional.empty()));
        assertThat(checked.passed()).as(checked.report("Agent.java")).isTrue();
        // through JSON, as the operator hands it to the dry run's process
        DryRunRequest request =
                DryRunRequest.fromJson(DryRunRequest.of(checked, TOOLS).toJson());
        return DryRun.run(request, workspace);
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
