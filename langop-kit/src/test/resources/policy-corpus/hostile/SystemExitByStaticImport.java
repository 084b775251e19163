// System.exit by its simple name.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import static java.lang.System.exit;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            exit(3); // refused: java.lang.System.exit is not allowed
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
