// A type nested in System reaches the JVM's logger finder.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            System.LoggerFinder.getLoggerFinder(); // refused: java.lang.System.LoggerFinder.getLoggerFinder is not allowed
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
