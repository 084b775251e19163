// The static TimeZone.setDefault reached through the name of its subclass SimpleTimeZone.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            java.util.SimpleTimeZone.setDefault(new java.util.SimpleTimeZone(0, "X")); // refused: java.util.TimeZone.setDefault is not allowed
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
