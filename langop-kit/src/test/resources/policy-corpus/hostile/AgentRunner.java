// The runtime's own runner, which would run another agent.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            new io.langop.sdk.agent.AgentRunner(null, null, null, null, null); // refused: io.langop.sdk.agent.AgentRunner is not allowed in agent code (runtime internals)
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
