package io.langop.sdk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkflowDefinitionTest {

    @Test
    void ordersStepsAfterTheirDependenciesWhateverTheDeclarationOrder() {
        Workflow workflow = Workflow.builder()
                .step("report", s -> s.prompt("{summary}").dependsOn("summary"))
                .step("summary", s -> s.prompt("{fetch}").dependsOn("fetch"))
                .step("fetch", s -> s.tool("web_fetch").param("url", "https://example.com"))
                .build();

        assertThat(workflow.executionOrder()).extracting(Step::name).containsExactly("fetch", "summary", "report");
        assertThat(workflow.ancestorsOf("report")).containsExactlyInAnyOrder("summary", "fetch");
    }

    @Test
    void unknownDependencyFailsNamingTheStep() {
        assertThatThrownBy(() -> Workflow.builder()
                        .step("summarize", s -> s.prompt("x").dependsOn("serach"))
                        .build())
                .isInstanceOf(WorkflowDefinitionException.class)
                .hasMessage("step 'summarize' depends on unknown step 'serach'");
    }

    @Test
    void cycleFailsShowingTheCycle() {
        assertThatThrownBy(() -> Workflow.builder()
                        .step("a", s -> s.prompt("x").dependsOn("c"))
                        .step("b", s -> s.prompt("x").dependsOn("a"))
                        .step("c", s -> s.prompt("x").dependsOn("b"))
                        .step("d", s -> s.prompt("x"))
                        .build())
                .isInstanceOf(WorkflowDefinitionException.class)
                .hasMessage("step 'a' is part of a dependency cycle: a -> c -> b -> a");
    }

    @Test
    void placeholderForAStepThatIsNotADependencyFails() {
        assertThatThrownBy(() -> Workflow.builder()
                        .step("search", s -> s.tool("web_search").param("query", "x"))
                        .step("summarize", s -> s.prompt("Summarize {search.results}"))
                        .build())
                .isInstanceOf(WorkflowDefinitionException.class)
                .hasMessage(
                        "step 'summarize' uses placeholder {search.results} but does not depend on a step named 'search'");
    }

    @Test
    void placeholderInToolParamsForAnUnknownStepFails() {
        assertThatThrownBy(() -> Workflow.builder()
                        .step("mail", s -> s.tool("send_email").param("body", "{summary}"))
                        .build())
                .hasMessage("step 'mail' uses placeholder {summary} but does not depend on a step named 'summary'");
    }

    @Test
    void transitiveDependenciesAndBuiltInsAreValidPlaceholders() {
        Workflow workflow = Workflow.builder()
                .step("a", s -> s.tool("t"))
                .step("b", s -> s.prompt("{a}").dependsOn("a"))
                .step(
                        "c",
                        s -> s.prompt("{a.x.0} {b} {date} {time} {event.id} and JSON {\"k\": 1}")
                                .dependsOn("b"))
                .build();

        assertThat(workflow.steps()).hasSize(3);
    }

    @Test
    void aStepNeedsExactlyOneAction() {
        assertThatThrownBy(() -> Workflow.builder()
                        .step("x", s -> s.tool("t").prompt("p"))
                        .build())
                .hasMessage("step 'x' must define exactly one of tool(...), prompt(...) or custom(...), found 2");
        assertThatThrownBy(
                        () -> Workflow.builder().step("y", s -> s.dependsOn()).build())
                .hasMessage("step 'y' must define exactly one of tool(...), prompt(...) or custom(...), found 0");
    }

    @Test
    void duplicateAndReservedNamesFail() {
        assertThatThrownBy(() -> Workflow.builder().step("a", s -> s.tool("t")).step("a", s -> s.tool("t")))
                .hasMessage("step 'a' is defined twice");
        assertThatThrownBy(() -> Workflow.builder().step("date", s -> s.tool("t")))
                .hasMessageContaining("step 'date' uses a reserved name");
        assertThatThrownBy(() -> Workflow.builder().step("has space", s -> s.tool("t")))
                .hasMessageContaining("step 'has space' has an invalid name");
    }
}
