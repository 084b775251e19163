import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.ExecutionMode;
import io.langop.sdk.agent.LangopAgent;

/** Answers questions in a chat, reading web pages with the tools it is given. */
public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("concierge")
                .persona("You answer questions about Kubernetes releases. Read the page before you answer.")
                .mode(ExecutionMode.INTERACTIVE)
                .objective("Answer release questions")
                .build();
    }
}
