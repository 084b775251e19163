// Recording a run as successful is the runtime's: an agent could make the next run skip what it missed.
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import io.langop.sdk.memory.Memory;

public class Agent implements LangopAgent {
    @Override
    public AgentDefinition define() {
        Memory.current().recordSuccessfulRun(java.time.Instant.now()); // refused: io.langop.sdk.memory.Memory.recordSuccessfulRun is not allowed in agent code (runtime internals)
        return AgentDefinition.builder("corpus").objective("x").build();
    }
}
