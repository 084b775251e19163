// A timer thread.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            new java.util.Timer().cancel(); // refused: java.util.Timer is not allowed
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
