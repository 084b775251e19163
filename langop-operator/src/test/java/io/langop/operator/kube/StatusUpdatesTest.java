package io.langop.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.langop.api.v1alpha1.agent.AgentPhase;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentStatus;
import io.langop.api.v1alpha1.agent.SynthesisStatus;
import io.langop.operator.agent.Fixtures;
import io.langop.operator.harness.MockApiServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Status writes against the mock API server, from a copy that lags behind the stored status. */
class StatusUpdatesTest {

    private final MockApiServer api = MockApiServer.start();
    private final KubernetesClient client = api.client();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aStatusWrittenFromAStaleCopyReplacesWhatIsStored() {
        LanguageAgent stale =
                client.resource(Fixtures.agent("team", "digest", "gpt")).create();
        // stored meanwhile (by an earlier reconcile the cache has not seen): more conditions, errors
        LanguageAgentStatus stored = status(
                AgentPhase.PENDING,
                List.of(
                        condition("Ready", "False"),
                        condition("Synthesized", "False"),
                        condition("Validated", "False")),
                List.of("Agent.java:3: error"));
        StatusUpdates.write(client, client.resource(stale).get(), stored);

        LanguageAgentStatus next = status(AgentPhase.RUNNING, List.of(condition("Ready", "True")), null);
        LanguageAgent written = StatusUpdates.write(client, stale, next);

        LanguageAgentStatus read = client.resource(stale).get().getStatus();
        assertThat(Serialization.asJson(read)).isEqualTo(Serialization.asJson(next));
        assertThat(read.getConditions())
                .singleElement()
                .satisfies(c -> assertThat(c.getStatus()).isEqualTo("True"));
        assertThat(read.getSynthesis().getLastErrors()).isNullOrEmpty();
        assertThat(written.getStatus().getPhase()).isEqualTo(AgentPhase.RUNNING);
        assertThat(client.resource(stale).get().getSpec().getInstructions())
                .isEqualTo(stale.getSpec().getInstructions());
    }

    private static LanguageAgentStatus status(AgentPhase phase, List<Condition> conditions, List<String> errors) {
        LanguageAgentStatus status = new LanguageAgentStatus();
        status.setPhase(phase);
        status.setConditions(conditions);
        SynthesisStatus synthesis = new SynthesisStatus();
        synthesis.setModel("m");
        synthesis.setLastErrors(errors);
        status.setSynthesis(synthesis);
        return status;
    }

    private static Condition condition(String type, String status) {
        return new ConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason("R")
                .withMessage("m")
                .build();
    }
}
