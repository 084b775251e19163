// java.util.Formatter is allowed for formatting into a StringBuilder, but given a file name it creates or
// truncates that file.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            new java.util.Formatter("/tmp/langop-corpus").close(); // refused: java.util.Formatter(java.lang.String) is not allowed in agent code (file access
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
