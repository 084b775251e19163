// The runtime's TimeLimit runs work on a thread of its own.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            new io.langop.sdk.agent.TimeLimit(java.util.Optional.empty(), java.time.Duration.ZERO); // refused: io.langop.sdk.agent.TimeLimit is not allowed in agent code (runtime internals)
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
