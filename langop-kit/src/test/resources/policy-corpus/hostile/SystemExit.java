// System.exit ends the runtime.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            System.exit(3); // refused: java.lang.System.exit is not allowed in agent code (System.exit)
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
