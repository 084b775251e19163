// Memory.use would swap the store the runtime opened for one of the agent's choosing.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        io.langop.sdk.memory.Memory.use(null); // refused: io.langop.sdk.memory.Memory.use is not allowed in agent code (runtime internals)
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
