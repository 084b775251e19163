// A file write hidden in a static initializer, which runs when the class is initialised.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    static {
        try {
            new java.util.Formatter("/tmp/langop-corpus").close(); // refused: java.util.Formatter(java.lang.String) is not allowed
        } catch (Exception ignored) {
            // the trick is what is checked
        }
    }

    @Override
    public AgentDefinition define() {
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
