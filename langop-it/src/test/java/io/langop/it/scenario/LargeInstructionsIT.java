package io.langop.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.langop.api.v1alpha1.ModelReference;
import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.LanguageAgentSpec;
import io.langop.it.harness.LocalClusterExtension;
import io.langop.sdk.llm.ScriptedOpenAiServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Instructions as long as the schema allows, written in a script of three bytes per character, reach the
 * agent whole: about 190 KiB, beyond the 128 KiB one environment variable holds. They used to be passed as
 * {@code AGENT_INSTRUCTIONS}, and the container did not start ("Argument list too long"); now they are a file
 * from ConfigMap {@code <agent>-instructions}, which the runtime reads.
 */
class LargeInstructionsIT {

    private static final String NAMESPACE = "long-reads";
    private static final String ANSWER = "要約しました。";

    @RegisterExtension
    static final LocalClusterExtension cluster = new LocalClusterExtension();

    @Test
    void instructionsBeyondWhatAnEnvironmentVariableHoldsReachTheModelWhole() throws Exception {
        String instructions = instructions();
        assertThat(instructions).hasSize(LanguageAgentSpec.MAX_INSTRUCTIONS_LENGTH);
        assertThat(instructions.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(128 * 1024);

        try (ScriptedOpenAiServer llm = new ScriptedOpenAiServer()) {
            llm.thenText(ANSWER);
            cluster.createNamespace(NAMESPACE);
            cluster.applyResource(
                    "scenarios/scripted-model.yaml", Map.of("NAMESPACE", NAMESPACE, "LLM_URL", llm.baseUrl()));
            // no synthesis model: the agent runs its instructions as its one objective
            cluster.cluster().apply(List.of(agent(instructions)));

            Job job = cluster.runCronJobOnce(NAMESPACE, "reader-agent");

            assertThat(LocalClusterExtension.outcome(job))
                    .as("job %s", job.getMetadata().getName())
                    .isEqualTo("Complete");
            assertThat(llm.requests()).as("one run, one model call").hasSize(1);
            assertThat(String.join("\n", llm.messagesOf(0))).contains(instructions.strip());
            assertThat(cluster.client()
                            .configMaps()
                            .inNamespace(NAMESPACE)
                            .withName("reader-instructions")
                            .get()
                            .getData())
                    .containsEntry("instructions.md", instructions);
        }
    }

    /** Exactly as many characters as the schema allows, most of them three bytes in UTF-8. */
    private static String instructions() {
        StringBuilder text = new StringBuilder("Summarise the quarterly reports below in one line.\n");
        String report = "第三四半期の報告書：売上は前年同期比で増加し、費用は計画どおりでした。\n";
        while (text.length() < LanguageAgentSpec.MAX_INSTRUCTIONS_LENGTH) {
            text.append(report);
        }
        return text.substring(0, LanguageAgentSpec.MAX_INSTRUCTIONS_LENGTH);
    }

    private static LanguageAgent agent(String instructions) {
        LanguageAgent agent = new LanguageAgent();
        agent.setMetadata(new ObjectMetaBuilder()
                .withName("reader")
                .withNamespace(NAMESPACE)
                .build());
        LanguageAgentSpec spec = new LanguageAgentSpec();
        spec.setImage("ghcr.io/langop/langop-agent:it");
        spec.setExecutionMode(ExecutionMode.SCHEDULED);
        spec.setSchedule("0 6 * * *");
        spec.setBackoffLimit(0);
        spec.setInstructions(instructions);
        ModelReference model = new ModelReference();
        model.setName("scripted");
        spec.setModelRefs(List.of(model));
        agent.setSpec(spec);
        return agent;
    }
}
