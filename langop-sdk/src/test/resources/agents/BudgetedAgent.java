import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.Constraints;
import io.langop.sdk.agent.LangopAgent;
import io.langop.sdk.agent.Output;
import java.time.Duration;

public class Agent implements LangopAgent {
    public AgentDefinition define() {
        return AgentDefinition.builder("cost-aware")
                .objectives("Research the three largest CNCF projects", "Compare their release cadence")
                .constraints(c -> c
                        .maxIterations(10)
                        .timeout(Duration.ofSeconds(90))
                        .costBudget(0.25, new Constraints.Pricing(0.15, 0.60))
                        .blockedPatterns("(?i)api[_-]?key\\s*[:=]"))
                .output(Output.workspace("research/{date}-{time}.txt"))
                .build();
    }
}
