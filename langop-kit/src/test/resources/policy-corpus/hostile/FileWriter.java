// java.io.FileWriter writes any file.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            new java.io.FileWriter("/tmp/langop-corpus").close(); // refused: java.io.FileWriter is not allowed in agent code (file access outside the workspace API)
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
