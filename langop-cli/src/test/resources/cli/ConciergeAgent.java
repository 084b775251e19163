import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.agent.LangopAgent;

/** What the scripted LLM writes for "langop create agent concierge ... --interactive": a chat agent. */
public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("concierge")
                .persona("You answer questions about Kubernetes releases, briefly.")
                .mode(ExecutionMode.INTERACTIVE)
                .objective("Answer release questions")
                .build();
    }
}
