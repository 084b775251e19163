import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.agent.LangopAgent;

/** What the scripted LLM writes for "langop create agent briefing ... --schedule": a scheduled agent. */
public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("briefing")
                .persona("You write one-line briefings about Kubernetes releases.")
                .mode(ExecutionMode.SCHEDULED)
                .schedule("0 7 * * 1-5")
                .objective("Write today's one-line Kubernetes release briefing")
                .build();
    }
}
