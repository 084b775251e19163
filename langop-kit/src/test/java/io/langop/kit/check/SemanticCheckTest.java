package io.langop.kit.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.langop.kit.catalog.CatalogJson;
import io.langop.kit.catalog.CatalogTool;
import io.langop.kit.catalog.ToolCatalog;
import io.langop.sdk.agent.ExecutionMode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The semantic check holds a definition against the tools and the resource it will run with, from its
 * compiled source alone, and reports every problem at once with where it is and what would be valid.
 */
class SemanticCheckTest {

    /** The real web and email servers' tools, as their catalog lists them. */
    static final List<CatalogTool> TOOLS = catalog("""
            [{"name": "web_search", "description": "Search the web. Returns titles, links and snippets.",
              "inputSchema": {"type": "object", "required": ["query"], "properties": {
                "query": {"type": "string"}, "max_results": {"type": "integer"},
                "safe_search": {"type": "string", "enum": ["off", "moderate", "strict"]}}},
              "outputSchema": {"type": "object", "required": ["results"], "properties": {
                "results": {"type": "array", "items": {"type": "object", "properties": {
                  "title": {"type": "string"}, "url": {"type": "string"}, "snippet": {"type": "string"}}}}}}},
             {"name": "web_fetch", "description": "Fetch a page as text.",
              "inputSchema": {"type": "object", "required": ["url"], "properties": {"url": {"type": "string"}}}},
             {"name": "send_email", "description": "Send an e-mail.",
              "inputSchema": {"type": "object", "required": ["to", "subject", "body"], "properties": {
                "to": {"type": "string"}, "subject": {"type": "string"}, "body": {"type": "string"},
                "cc": {"type": "string"}}}}]
            """);

    private static final AgentSetting SCHEDULED =
            new AgentSetting(ToolCatalog.of(TOOLS), Optional.of(ExecutionMode.SCHEDULED), Optional.of("0 9 * * 1-5"));

    private static CodeChecker checker;

    @BeforeAll
    static void compilerOnce() {
        checker = CodeChecker.forRuntimeClasspath();
    }

    @Test
    void aDefinitionThatFitsItsToolsAndResourcePasses() {
        CheckResult result = checker.check(agent("""
                .schedule("0 9 * * 1-5")
                .workflow(w -> w
                        .step("search", s -> s.tool("web_search").param("query", "Kubernetes CVE {date}").param("max_results", 5))
                        .step("first", s -> s.tool("web_fetch").param("url", "{search.results.0.url}").dependsOn("search"))
                        .step("summary", s -> s.prompt("Summarize {first} and {search}").dependsOn("first"))
                        .step("mail", s -> s.tool("send_email")
                                .params(java.util.Map.of("to", "ops@example.com", "subject", "CVEs {date}", "body", "{summary}"))
                                .dependsOn("summary")))
                """), SCHEDULED);

        assertThat(result.passed()).as(result.report("Agent.java")).isTrue();
    }

    @Test
    void anUnknownToolIsReportedWhereItIsCalledWithTheToolsTheAgentHas() {
        CheckResult result = checker.check(agent("""
                .schedule("0 9 * * 1-5")
                .workflow(w -> w
                        .step("search", s -> s.tool("web").param("query", "news")))
                """), SCHEDULED);

        assertThat(result.diagnostics()).singleElement().satisfies(problem -> {
            assertThat(problem.origin()).isEqualTo(Diagnostic.Origin.SEMANTIC);
            assertThat(problem.line()).isEqualTo(LINE_OF_FIRST + 2);
            assertThat(problem.column()).isEqualTo(53);
            assertThat(problem.message())
                    .isEqualTo("unknown tool 'web'; this agent has: web_search(query, max_results?, safe_search?),"
                            + " web_fetch(url), send_email(to, subject, body, cc?)");
        });
    }

    @Test
    void everyParameterProblemOfEveryStepIsReportedInOneRun() {
        CheckResult result = checker.check(agent("""
                .schedule("0 9 * * 1-5")
                .workflow(w -> w
                        .step("search", s -> s.tool("web_search").param("q", "news").param("max_results", "five"))
                        .step("strict", s -> s.tool("web_search").param("query", "x").param("safe_search", "on"))
                        .step("mail", s -> s.tool("send_email").param("to", "a@example.com").param("body", true)))
                """), SCHEDULED);

        assertThat(result.diagnostics())
                .extracting(Diagnostic::message)
                .containsExactlyInAnyOrder(
                        "tool 'web_search' has no parameter 'q'; its parameters: query (string, required),"
                                + " max_results (integer), safe_search (string)",
                        "parameter 'max_results' of tool 'web_search' takes an integer, not the string \"five\"",
                        "tool 'web_search' needs parameter 'query' (string); give each with .param(name, value);"
                                + " its parameters: query (string, required), max_results (integer), safe_search"
                                + " (string)",
                        "parameter 'safe_search' of tool 'web_search' is one of [off, moderate, strict], not \"on\"",
                        "parameter 'body' of tool 'send_email' takes a string, not true",
                        "tool 'send_email' needs parameter 'subject' (string); give each with .param(name, value);"
                                + " its parameters: to (string, required), subject (string, required), body (string,"
                                + " required), cc (string)");
        assertThat(result.diagnostics()).allMatch(problem -> problem.line() > LINE_OF_FIRST);
    }

    @Test
    void placeholdersMustNameDependenciesAndFieldsTheToolDeclares() {
        CheckResult result = checker.check(agent("""
                .schedule("0 9 * * 1-5")
                .workflow(w -> w
                        .step("search", s -> s.tool("web_search").param("query", "news"))
                        .step("page", s -> s.tool("web_fetch").param("url", "{search.result}").dependsOn("search"))
                        .step("link", s -> s.tool("web_fetch").param("url", "{search.results.0.link}").dependsOn("search"))
                        .step("summary", s -> s.prompt("Summarize {page} for {reader}"))
                        .step("text", s -> s.prompt("Quote {page.text}").dependsOn("page")))
                """), SCHEDULED);

        assertThat(result.diagnostics())
                .extracting(Diagnostic::message)
                .containsExactlyInAnyOrder(
                        "placeholder {search.result} in step 'page' names no field of the answer of tool"
                                + " 'web_search'; the fields there: results",
                        "placeholder {search.results.0.link} in step 'link' names no field of the answer of tool"
                                + " 'web_search' at 'results.0'; the fields there: title, url, snippet",
                        "placeholder {page} in step 'summary' needs the step to depend on 'page': add"
                                + " .dependsOn(\"page\") (directly or through a step it depends on)",
                        "placeholder {reader} in step 'summary' names no step; the steps: search, page, link,"
                                + " summary, text (and {date}, {time}, {event})");
    }

    @Test
    void aStepGraphWithACycleAnUnknownDependencyOrATwiceDefinedStepIsRefused() {
        CheckResult result = checker.check(agent("""
                .schedule("0 9 * * 1-5")
                .workflow(w -> w
                        .step("a", s -> s.prompt("one").dependsOn("c"))
                        .step("b", s -> s.prompt("two").dependsOn("a"))
                        .step("c", s -> s.prompt("three").dependsOn("b", "d"))
                        .step("a", s -> s.prompt("again")))
                """), SCHEDULED);

        assertThat(result.diagnostics())
                .extracting(Diagnostic::message)
                .containsExactlyInAnyOrder(
                        "step 'a' is defined twice; step names must be unique",
                        "step 'c' depends on 'd', which is not a step; the steps: a, b, c",
                        "steps form a dependency cycle: a -> c -> b -> a; a step can only use steps that run before"
                                + " it");
    }

    @Test
    void theModeAndScheduleMustAgreeWithTheResource() {
        AgentSetting interactive =
                new AgentSetting(ToolCatalog.of(TOOLS), Optional.of(ExecutionMode.INTERACTIVE), Optional.empty());
        CheckResult chat = checker.check(agent("""
                .mode(io.langop.sdk.agent.ExecutionMode.AUTONOMOUS)
                .schedule("0 9 * * *")
                .workflow(w -> w.step("search", s -> s.tool("web_search").param("query", "news")))
                """), interactive);
        CheckResult cron = checker.check(agent("""
                .schedule("0 8 * * *")
                .objective("Say hello")
                """), SCHEDULED);

        assertThat(chat.diagnostics())
                .extracting(Diagnostic::message)
                .containsExactlyInAnyOrder(
                        "the LanguageAgent runs in interactive mode (spec.executionMode), but the code says"
                                + " .mode(ExecutionMode.AUTONOMOUS): remove .mode(...) or use"
                                + " ExecutionMode.INTERACTIVE",
                        "the LanguageAgent runs in interactive mode, so a schedule is never used: remove"
                                + " .schedule(...) (a schedule needs spec.executionMode: scheduled)",
                        "an interactive agent answers chat messages with its persona and tools; its workflow never"
                                + " runs: remove .workflow(...) and describe the task in the persona or objectives");
        assertThat(cron.diagnostics())
                .extracting(Diagnostic::message)
                .containsExactly("the LanguageAgent's schedule is \"0 9 * * 1-5\" (spec.schedule, what its CronJob"
                        + " runs), but the code says \"0 8 * * *\": use the resource's schedule or remove"
                        + " .schedule(...)");
    }

    @Test
    void whatBuildingTheDefinitionWouldRefuseIsReportedAllAtOnceWithoutBuildingIt() {
        CheckResult result =
                checker.check("""
                import io.langop.sdk.agent.AgentDefinition;
                import io.langop.sdk.agent.LangopAgent;

                public class Agent implements LangopAgent {
                    @Override
                    public AgentDefinition define() {
                        return AgentDefinition.builder("Release Notes")
                                .schedule("0 9 * * 1-7")
                                .workflow(w -> w
                                        .step("nothing", s -> s.dependsOn())
                                        .step("both", s -> s.prompt("Write").custom(r -> "x"))
                                        .step("ask", s -> s.prompt("Write").param("to", "ops@example.com"))
                                        .step("fetch", s -> s.tool("web_fetch").param("url", "https://example.com").tools())
                                        .step("write", s -> s.prompt("Summarize {fetch}").tools("web", "web_fetch")
                                                .dependsOn("fetch")))
                                .build();
                    }
                }
                """, new AgentSetting(ToolCatalog.of(TOOLS), Optional.empty(), Optional.empty()));

        assertThat(result.diagnostics())
                .extracting(problem -> problem.line() + ":" + problem.column() + " " + problem.message())
                .containsExactly(
                        "7:40 agent name 'Release Notes' is invalid: use lowercase letters, digits, '-' and '.',"
                                + " starting and ending with a letter or digit (the LanguageAgent's name)",
                        "8:27 invalid cron expression '0 9 * * 1-7': day of week 7 is outside 0-6",
                        "10:31 step 'nothing' must do exactly one of tool(...), prompt(...) or custom(...); it does 0",
                        "11:31 step 'both' must do exactly one of tool(...), prompt(...) or custom(...); it does 2",
                        "12:31 step 'ask' has params but is not a tool step: give params to a tool(...) step",
                        "13:101 tools(...) names the tools a prompt may call, but step 'fetch' is not a prompt step",
                        "14:81 unknown tool 'web' in tools(...) of step 'write'; this agent has: web_search(query,"
                                + " max_results?, safe_search?), web_fetch(url), send_email(to, subject, body, cc?)");
    }

    @Test
    void withAnIncompleteCatalogOnlyListedToolsAreChecked() {
        AgentSetting partial = new AgentSetting(
                new ToolCatalog(TOOLS, List.of("files (the tool server did not list its tools)")),
                Optional.empty(),
                Optional.empty());

        CheckResult result = checker.check(agent("""
                .workflow(w -> w
                        .step("read", s -> s.tool("read_file").param("path", "notes.md"))
                        .step("search", s -> s.tool("web_search").param("query", 42)))
                """), partial);

        assertThat(result.diagnostics())
                .extracting(Diagnostic::message)
                .containsExactly("parameter 'query' of tool 'web_search' takes a string, not 42");
    }

    @Test
    void theCheckReadsTheSourceAndNeverRunsIt() {
        // initialising this class would throw, and define() would too: the check needs neither
        CheckResult result = checker.check("""
                import io.langop.sdk.agent.AgentDefinition;
                import io.langop.sdk.agent.LangopAgent;

                public class Agent implements LangopAgent {
                    static final int READY = boom();

                    static int boom() {
                        throw new IllegalStateException("the agent's code ran");
                    }

                    @Override
                    public AgentDefinition define() {
                        boom();
                        return AgentDefinition.builder("never-run")
                                .workflow(w -> w.step("search", s -> s.tool("web").param("query", "news")))
                                .build();
                    }
                }
                """, SCHEDULED);

        assertThat(result.diagnostics())
                .extracting(Diagnostic::message)
                .singleElement()
                .asString()
                .startsWith("unknown tool 'web'");
    }

    @Test
    void anInventedSdkMethodIsAnsweredWithTheMethodsTheTypeHas() {
        CheckResult result = checker.check(agent("""
                .workflow(w -> w.step("search", s -> s.tool("web_search").parameter("query", "news")))
                """), SCHEDULED);

        assertThat(result.diagnostics()).singleElement().satisfies(problem -> {
            assertThat(problem.origin()).isEqualTo(Diagnostic.Origin.COMPILER);
            assertThat(problem.message())
                    .startsWith("cannot find symbol")
                    .contains("StepBuilder has: ")
                    .contains("param(String, Object)", "dependsOn(String...)", "tool(String)", "prompt(String)");
        });
    }

    @Test
    void aMissingImportOfAnSdkTypeIsAnsweredWithTheImport() {
        CheckResult result = checker.check(agent("""
                .mode(ExecutionMode.SCHEDULED)
                .objective("Say hello")
                """), SCHEDULED);

        assertThat(result.diagnostics())
                .extracting(Diagnostic::message)
                .anySatisfy(message -> assertThat(message)
                        .contains("ExecutionMode is io.langop.sdk.agent.ExecutionMode: add import"
                                + " io.langop.sdk.agent.ExecutionMode;"));
    }

    /** The line of the first builder call {@link #agent} inserts. */
    private static final int LINE_OF_FIRST = 8;

    /** An agent whose definition is {@code AgentDefinition.builder("digest")} followed by {@code calls}. */
    private static String agent(String calls) {
        return """
                import io.langop.sdk.agent.AgentDefinition;
                import io.langop.sdk.agent.LangopAgent;

                public class Agent implements LangopAgent {
                    @Override
                    public AgentDefinition define() {
                        return AgentDefinition.builder("digest")
                """ + calls.indent(16) + """
                                .build();
                    }
                }
                """;
    }

    static List<CatalogTool> catalog(String json) {
        try {
            return CatalogJson.tools(new ObjectMapper().readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
