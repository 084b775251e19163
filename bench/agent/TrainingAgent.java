import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.agent.LangopAgent;
import io.langop.sdk.agent.Output;
import io.langop.sdk.workflow.StepResults;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent of the AOT cache's training run: a different agent from the one measured, as in an image
 * whose cache was trained once while it runs whatever agent the operator mounts.
 */
public class Agent implements LangopAgent {

    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("ticket-triage")
                .description("Sorts new support tickets by urgency")
                .persona("You triage support tickets. You are brief and you never promise dates.")
                .mode(ExecutionMode.SCHEDULED)
                .schedule("*/30 * * * *")
                .objectives("Read the new tickets", "Label each one urgent, normal or later")
                .workflow(w -> w.step("read", s -> s.prompt("Summarize the new tickets"))
                        .step("label", s -> s.custom(this::labels).dependsOn("read")))
                .constraints(c -> c.maxIterations(10).timeout(Duration.ofMinutes(5)))
                .output(Output.workspace("triage/{date}.md"))
                .build();
    }

    private Map<String, Object> labels(StepResults results) {
        Map<String, Object> labels = new LinkedHashMap<>();
        for (String line : results.text("read").split("\n")) {
            labels.put(line.strip(), line.contains("down") ? "urgent" : "normal");
        }
        return labels;
    }
}
