// The Formatter overload with a charset name writes a file as well.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            new java.util.Formatter("/tmp/langop-corpus", "UTF-8").close(); // refused: java.util.Formatter(java.lang.String, java.lang.String) is not allowed
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
