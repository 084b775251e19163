// The backend SPI opens stores anywhere (a workspace path, a database URL): not for agent code.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        new io.langop.sdk.memory.workspace.WorkspaceBackend(null); // refused: io.langop.sdk.memory.workspace.WorkspaceBackend is not allowed in agent code
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
