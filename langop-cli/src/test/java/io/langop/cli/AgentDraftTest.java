package io.langop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.api.v1alpha1.agent.EventTriggerType;
import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentDraftTest {

    @Test
    void makesAScheduledAgentFromASentence() {
        LanguageAgent agent = draft(Optional.of("0 7 * * 1-5"), false, false).toAgent();

        assertThat(agent.getMetadata().getName()).isEqualTo("digest");
        assertThat(agent.getMetadata().getNamespace()).isEqualTo("research");
        assertThat(agent.getSpec().getInstructions()).isEqualTo("Mail me the news");
        assertThat(agent.getSpec().getExecutionMode()).isEqualTo(ExecutionMode.SCHEDULED);
        assertThat(agent.getSpec().getSchedule()).isEqualTo("0 7 * * 1-5");
        assertThat(agent.getSpec().getModelRefs()).extracting("name").containsExactly("gpt");
        assertThat(agent.getSpec().getToolRefs()).extracting("name").containsExactly("web", "email");
        assertThat(agent.getSpec().getClusterRef()).isEqualTo("research");
        assertThat(agent.getSpec().getImage()).isEqualTo("registry.example/langop-agent:1");
    }

    @Test
    void makesAWebhookAgentEventDrivenAndAnAgentWithoutModeAutonomous() {
        LanguageAgent webhook = draft(Optional.empty(), false, true).toAgent();
        LanguageAgent autonomous = draft(Optional.empty(), false, false).toAgent();

        assertThat(webhook.getSpec().getExecutionMode()).isEqualTo(ExecutionMode.EVENT_DRIVEN);
        assertThat(webhook.getSpec().getEventTriggers()).extracting("type").containsExactly(EventTriggerType.WEBHOOK);
        assertThat(autonomous.getSpec().getExecutionMode()).isEqualTo(ExecutionMode.AUTONOMOUS);
        assertThat(autonomous.getSpec().getSchedule()).isNull();
    }

    private static AgentDraft draft(Optional<String> schedule, boolean interactive, boolean onWebhook) {
        return new AgentDraft(
                "digest",
                "research",
                "Mail me the news",
                List.of("gpt"),
                List.of("web", "email"),
                schedule,
                interactive,
                onWebhook,
                Optional.of("research"),
                "registry.example/langop-agent:1");
    }
}
