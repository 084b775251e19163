package io.langop.sdk.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.langop.sdk.workflow.WorkflowDefinitionException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgentDefinitionTest {

    @Test
    void aScheduleMakesTheAgentScheduledUnlessAModeIsSet() {
        var scheduled = AgentDefinition.builder("a")
                .objective("x")
                .schedule("0 9 * * 1-5")
                .build();
        var interactive = AgentDefinition.builder("a")
                .objective("x")
                .schedule("@daily")
                .mode(ExecutionMode.INTERACTIVE)
                .build();
        var plain = AgentDefinition.builder("a").objective("x").build();

        assertThat(scheduled.mode()).isEqualTo(ExecutionMode.SCHEDULED);
        assertThat(scheduled.schedule()).map(CronSchedule::expression).contains("0 9 * * 1-5");
        assertThat(interactive.mode()).isEqualTo(ExecutionMode.INTERACTIVE);
        assertThat(plain.mode()).isEqualTo(ExecutionMode.AUTONOMOUS);
        assertThat(plain.constraints().maxIterations()).isEqualTo(Constraints.DEFAULT_MAX_ITERATIONS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/15 0-6,22-23 * JAN-MAR mon-fri", "0 0 1 1 *", "@hourly", "5 4 * * 0"})
    void acceptsCronExpressionsKubernetesAccepts(String cron) {
        assertThat(new CronSchedule(cron).expression()).isEqualTo(cron);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0 9 * *|expected 5 fields (minute hour day-of-month month day-of-week), found 4",
                "60 9 * * *|minute 60 is outside 0-59",
                "0 9 * * 7|day of week 7 is outside 0-6",
                "0 9 * * funday|day of week 'funday' is not a number or a name"
            })
    void refusesBadCronWhenTheAgentIsDefined(String cron, String problem) {
        assertThatThrownBy(() -> AgentDefinition.builder("a").objective("x").schedule(cron))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid cron expression '" + cron + "': " + problem);
    }

    @Test
    void workflowErrorsSurfaceWhenTheAgentIsDefined() {
        assertThatThrownBy(() -> AgentDefinition.builder("a").workflow(w -> w.step("s", x -> x.prompt("{nope}"))))
                .isInstanceOf(WorkflowDefinitionException.class)
                .hasMessageContaining("step 's' uses placeholder {nope}");
    }

    @Test
    void anAgentNeedsSomethingToDo() {
        assertThatThrownBy(() -> AgentDefinition.builder("idle").build())
                .hasMessage("agent 'idle' has neither objectives nor workflow steps: nothing to do");
    }

    @Test
    void instructionsOnlyAgentHasOneObjective() {
        var agent = AgentDefinition.fromInstructions("helper", "Summarize the news daily");

        assertThat(agent.objectives()).containsExactly("Summarize the news daily");
        assertThat(agent.workflow().isEmpty()).isTrue();
    }

    @Test
    void constraintsAreValidated() {
        assertThatThrownBy(() -> Constraints.builder().maxIterations(0))
                .hasMessage("constraint maxIterations must be positive, got 0");
        assertThatThrownBy(() -> Constraints.builder().timeout(Duration.ZERO))
                .hasMessageContaining("timeout must be positive");
        assertThatThrownBy(() -> Constraints.builder().blockedPatterns("(unclosed"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outputFillsDateAndTimeInsideTheWorkspace() {
        var now = ZonedDateTime.of(2026, 11, 26, 6, 5, 4, 0, ZoneOffset.UTC);

        assertThat(Output.workspace("reports/{date}-{time}.md").resolve(Path.of("/workspace"), now))
                .contains(Path.of("/workspace/reports/2026-11-26-06-05-04.md"));
        assertThat(Output.NONE.resolve(Path.of("/workspace"), now)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd", "/etc/passwd", "a/../../x", "{agent}.txt"})
    void outputPathsCannotLeaveTheWorkspace(String path) {
        assertThatThrownBy(() -> Output.workspace(path)
                        .resolve(Path.of("/workspace"), ZonedDateTime.now(java.time.ZoneOffset.UTC)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(path);
    }

    @Test
    void executionModesParseTheirWireNames() {
        assertThat(ExecutionMode.parse("event-driven")).isEqualTo(ExecutionMode.EVENT_DRIVEN);
        assertThat(ExecutionMode.parse("SCHEDULED")).isEqualTo(ExecutionMode.SCHEDULED);
        assertThatThrownBy(() -> ExecutionMode.parse("reactive"))
                .hasMessage(
                        "unknown execution mode 'reactive', expected one of autonomous, scheduled, interactive, event-driven");
    }
}
