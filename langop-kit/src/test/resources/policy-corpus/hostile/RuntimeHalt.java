// Runtime.halt ends the JVM without shutdown hooks.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            Runtime.getRuntime().halt(0); // refused: java.lang.Runtime is not allowed
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
