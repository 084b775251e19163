// Workspace.use would point the workspace anywhere.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        try {
            io.langop.sdk.agent.Workspace.use(null); // refused: io.langop.sdk.agent.Workspace.use is not allowed in agent code (runtime internals)
        } catch (Exception ignored) {
            // the trick is what is checked, not its outcome
        }
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
