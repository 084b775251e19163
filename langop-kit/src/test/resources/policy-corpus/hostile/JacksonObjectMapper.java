// ObjectMapper binds JSON to arbitrary classes; only the tree model is allowed.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            new com.fasterxml.jackson.databind.ObjectMapper(); // refused: com.fasterxml.jackson.databind.ObjectMapper is not allowed
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
